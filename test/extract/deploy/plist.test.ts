import { describe, expect, it } from 'vitest';
import { plistExtractor } from '../../../src/extract/deploy/plist.js';
import { parseXml, XmlError } from '../../../src/extract/deploy/xml.js';
import { covered, fixture, refs, run, summary } from './helpers.js';

const PATH = 'launchd/com.mana.mana-media.plist';

describe('launchd plist extractor', () => {
  it('reads ProgramArguments --port and EnvironmentVariables PORT for the service the Label names', async () => {
    const text = fixture(PATH);
    const x = await run(plistExtractor, PATH, text, { known: ['mana-media'], host: 'mac-mini' });
    expect(summary(x)).toEqual(['mana-media:3015@mac-mini/host ProgramArguments --port', 'mana-media:3015@mac-mini/host EnvironmentVariables PORT']);
    expect(x.bindings[0]!.location).toMatchObject({ line: 13, column: 13, endLine: 13, endColumn: 17 });
    expect(covered(text, x.bindings[1]!.location)).toBe('3015');
    expect(x.bindings[1]!.location.line).toBe(18);
  });

  it('reads URL variables as references with entities decoded, and ignores comments, versions and intervals', async () => {
    const text = fixture(PATH);
    const x = await run(plistExtractor, PATH, text, { known: ['mana-media'] });
    expect(refs(x)).toEqual(['env-var localhost:3001']);
    expect(x.references[0]).toMatchObject({ fromService: 'mana-media', host: 'dev', source: 'launchd' });
    expect(x.problems).toEqual([]);
  });

  it('falls back to the owning service when the label does not name a known one', async () => {
    const text = fixture(PATH);
    const x = await run(plistExtractor, 'services/media/launchd.plist', text, { service: 'media' });
    expect(new Set(x.bindings.map((b) => b.service))).toEqual(new Set(['media']));
  });

  it('follows sh -c command lines', async () => {
    const text = '<plist><dict><key>Label</key><string>a.b.c</string><key>ProgramArguments</key><array><string>/bin/sh</string><string>-c</string><string>cd /x &amp;&amp; PORT=3099 node s.js</string></array></dict></plist>';
    const x = await run(plistExtractor, 'c.plist', text);
    expect(summary(x)).toEqual(['c:3099@dev/host PORT=']);
    expect(covered(text, x.bindings[0]!.location)).toBe('3099');
  });

  it('reports broken XML at the mismatched tag and produces nothing else', async () => {
    const x = await run(plistExtractor, 'launchd/broken.plist', fixture('launchd/broken.plist'), { service: 'a' });
    expect(x.bindings).toEqual([]);
    expect(x.problems).toHaveLength(1);
    expect(x.problems[0]).toMatchObject({ ruleId: 'input/invalid-xml', location: { line: 8, column: 3 } });
    expect(x.problems[0]!.message).toContain('</array>');
  });

  it('parses XML text with entities and CDATA, rejecting unclosed elements', () => {
    const doc = parseXml('<a>x &lt; <![CDATA[<y>]]></a>');
    const a = doc.children[0]!;
    expect(a.type === 'element' && a.children.map((c) => (c.type === 'text' ? c.value.value : c.name))).toEqual(['x < ', '<y>']);
    expect(() => parseXml('<a><b></b>')).toThrow(XmlError);
  });
});
