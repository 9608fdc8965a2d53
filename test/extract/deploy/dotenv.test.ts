import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../../src/collect/dotenv.js';
import { dotenvExtractor } from '../../../src/extract/deploy/dotenv.js';
import { covered, fixture, refs, run, summary } from './helpers.js';

describe('dotenv extractor', () => {
  it('binds PORT for the owning service and reads URL values as references, not versions', async () => {
    const path = 'services/mana-core/.env.example';
    const text = fixture('.env.example');
    const x = await run(dotenvExtractor, path, text, { service: 'mana-core' });
    expect(summary(x)).toEqual(['mana-core:3024@dev/host PORT=']);
    expect(x.bindings[0]!.location).toMatchObject({ line: 2, column: 13, endLine: 2, endColumn: 17 });
    expect(refs(x)).toEqual(['env-var localhost:3061', 'env-var localhost:5432']);
    expect(covered(text, x.references[1]!.location)).toBe('5432');
    expect(x.references[0]).toMatchObject({ fromService: 'mana-core', kind: 'env-var' });
  });

  it('skips PORT without an owning service but still reads references', async () => {
    const x = await run(dotenvExtractor, '.env', 'PORT=3000\nX_URL=http://localhost:3061\n');
    expect(x.bindings).toEqual([]);
    expect(refs(x)).toEqual(['env-var localhost:3061']);
  });

  it('reports PORT=abc as an invalid port at the value', async () => {
    const x = await run(dotenvExtractor, 'services/a/.env', 'PORT = abc\n', { service: 'a' });
    expect(x.problems).toHaveLength(1);
    expect(x.problems[0]).toMatchObject({ ruleId: 'input/invalid-port', location: { line: 1, column: 8, endColumn: 11 } });
  });

  it('parseDotenv handles export, quotes, comments and the last assignment', () => {
    const text = "# c\nexport A=1\nB='x # y'\nC=\"a\\nb\" # note\nD=plain # comment\nA=2\n";
    const env = parseDotenv(text);
    expect([...env].map(([k, v]) => [k, v.value])).toEqual([
      ['A', '2'],
      ['B', 'x # y'],
      ['C', 'a\nb'],
      ['D', 'plain'],
    ]);
    const b = env.get('B')!;
    expect(text.slice(b.start, b.end)).toBe('x # y');
  });

  it('accepts .env and .env.* only', () => {
    expect(['.env', 'a/.env.local', '.env.example', '.envrc', 'x.env'].map((p) => dotenvExtractor.accepts(p))).toEqual([true, true, true, false, false]);
  });
});

describe('dotenv interpolation', () => {
  it('expands ${VAR:-default} from earlier lines, and keeps single-quoted values literal', async () => {
    const text = "BASE=3200\nPORT=${BASE}\nA_URL=http://localhost:${NOPE:-3201}\nB_URL='http://x:${BASE}'\n";
    const x = await run(dotenvExtractor, 'services/s/.env', text, { service: 's' });
    expect(summary(x)).toEqual(['s:3200@dev/host PORT=']);
    expect(covered(text, x.bindings[0]!.location)).toBe('3200');
    expect(refs(x)).toEqual(['env-var localhost:3201']);
    expect(x.problems).toEqual([]);
  });
});
