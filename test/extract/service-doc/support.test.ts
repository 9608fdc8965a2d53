import { describe, expect, it } from 'vitest';
import { extractFixture, extractText } from './helpers.js';

const at = (l: { line: number; column: number; endLine: number; endColumn: number }) => `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;

describe('service-doc supporting and weak statements', () => {
  it('binds the PORT row of an env table as support, at the digits inside the backticks', () => {
    const { bindings } = extractFixture('env-table', 'mana-user');
    expect(bindings.map((b) => [b.port, b.strength, b.via, at(b.location)])).toEqual([[3062, 'support', 'env table PORT', '7:13-7:17']]);
  });

  it('ignores a PORT row in a table without a value column', () => {
    const text = '| Variable | Description |\n|---|---|\n| PORT | listens on 3062 |\n';
    expect(extractText(text).bindings).toEqual([]);
  });

  it('binds `export PORT=3062` in a code block and skips the commented-out line above it', () => {
    const { bindings } = extractFixture('code-port-assign', 'mana-user');
    expect(bindings.map((b) => [b.port, b.strength, b.via, at(b.location)])).toEqual([[3062, 'support', 'PORT=', '7:13-7:17']]);
  });

  it('binds `--port 3020` in inline code and `--port=3020` in a code block', () => {
    const { bindings } = extractFixture('port-flag', 'mana-stt');
    expect(bindings.map((b) => [b.port, b.strength, b.via, at(b.location)])).toEqual([
      [3020, 'support', '--port', '3:59-3:63'],
      [3020, 'support', '--port', '6:36-6:40'],
    ]);
  });

  it('does not take REDIS_PORT=6379 or $PORT as the service port', () => {
    const text = '```sh\nREDIS_PORT=6379 DATABASE_PORT=5432 ./run --port $PORT\n```\n';
    const { bindings, references } = extractText(text);
    expect(bindings).toEqual([]);
    // redis is a known service, so its port is a reference; "database" names nothing.
    expect(references.map((r) => [r.kind, r.target, r.port, at(r.location)])).toEqual([['env-var', 'redis', 6379, '2:12-2:16']]);
  });

  it('binds `Port 3050` and a lone `:3050` in a box-drawing diagram as weak, not `mana-db:5432`', () => {
    const { bindings } = extractFixture('diagram-box', 'mana-sync');
    expect(bindings.map((b) => [b.port, b.strength, b.via, at(b.location)])).toEqual([
      [3050, 'weak', 'diagram', '8:9-8:13'],
      [3050, 'weak', 'diagram', '9:6-9:10'],
    ]);
  });

  it('binds `port: 3030` in a +---+ diagram as weak', () => {
    const { bindings } = extractFixture('diagram-ascii', 'chat-server');
    expect(bindings.map((b) => [b.port, b.strength, at(b.location)])).toEqual([[3030, 'weak', '6:31-6:35']]);
  });

  it('does not read `Port 3050` in a code block that is not a diagram', () => {
    const { bindings } = extractText('```\nPort 3050 is used by the sync websocket\n:3050\n```\n');
    expect(bindings).toEqual([]);
  });

  it('reads the added line of a diff block but not the removed one', () => {
    const { bindings } = extractText('```diff\n-PORT=3050\n+PORT=3024\n```\n');
    expect(bindings.map((b) => [b.port, at(b.location)])).toEqual([[3024, '3:7-3:11']]);
  });

  it('keeps a declaration and a command repeating the port as two statements of different strength', () => {
    const { bindings } = extractText('## Port: 3024\n\n```sh\nPORT=3024 uv run python -m app.main\n```\n');
    expect(bindings.map((b) => [b.strength, at(b.location)])).toEqual([
      ['declaration', '1:10-1:14'],
      ['support', '4:6-4:10'],
    ]);
  });
});
