import { describe, expect, it } from 'vitest';
import { addRegistryRow, sectionFor, sectionTitled } from '../../src/assign/registry-edit.js';
import { parseRegistry } from '../../src/extract/registry/index.js';
import { seedText as seed } from './seed.js';

/** The lines `after` has in place of lines of `before` (common head and tail removed). */
function changed(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

function edit(text: string, service: string, port: number) {
  const { doc } = parseRegistry('docs/PORT_SCHEMA.md', text);
  const section = sectionFor(doc, port);
  if (!section) throw new Error(`no section for ${port}`);
  const result = addRegistryRow(text, section, service, port);
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe.skipIf(!seed)('the registry edit on the seed', () => {
  it('splits the reserved row around 3027 and changes no other byte', () => {
    const result = edit(seed!, 'mana-foo', 3027);
    expect(changed(seed!, result.text)).toEqual({
      removed: ['| 3025-3029 | *(reserved)* | | |'],
      added: ['| 3025-3026 | *(reserved)* | | |', '| 3027 | mana-foo | | |', '| 3028-3029 | *(reserved)* | | |'],
    });
    expect(result.text.split('\n')[result.line - 1]).toBe('| 3027 | mana-foo | | |');
  });

  it('takes 3041 from the front of the reserved row of App Compute Servers', () => {
    const { doc } = parseRegistry('docs/PORT_SCHEMA.md', seed!);
    const result = addRegistryRow(seed!, sectionTitled(doc, 'App Compute Servers')!, 'mana-foo', 3041);
    if ('error' in result) throw new Error(result.error);
    expect(changed(seed!, result.text)).toEqual({
      removed: ['| 3041-3059 | *(reserved)* | | |'],
      added: ['| 3041 | mana-foo | | |', '| 3042-3059 | *(reserved)* | | |'],
    });
  });

  it('takes the last port of a reserved row and leaves a single port behind', () => {
    expect(changed(seed!, edit(seed!, 'a', 3019).text)).toEqual({
      removed: ['| 3017-3019 | *(reserved)* | | |'],
      added: ['| 3017-3018 | *(reserved)* | | |', '| 3019 | a | | |'],
    });
    expect(changed(seed!, edit(seed!, 'a', 3008).text).added).toEqual(['| 3006-3007 | *(reserved)* | | |', '| 3008 | a | | |', '| 3009 | *(reserved)* | | |']);
  });

  it('inserts a row outside any reserved row in port order, in the table of three columns', () => {
    expect(changed(seed!, edit(seed!, 'tile-server', 4050).text)).toEqual({ removed: [], added: ['| 4050 | tile-server | |'] });
    const before = edit(seed!, 'early', 8005).text.split('\n');
    expect(before.indexOf('| 8005 | early | |')).toBe(before.indexOf('| 8000 | grafana | Metrics dashboards |') + 1);
  });

  it('inserts before the first row when the port is below every row', () => {
    const result = edit(seed!, 'zero', 3000);
    const lines = result.text.split('\n');
    expect(lines.indexOf('| 3000 | zero | | |')).toBe(lines.indexOf('| 3001 | mana-auth | Hono/Bun | Authentication, JWT, sessions |') - 1);
    expect(changed(seed!, result.text).removed).toEqual([]);
  });
});

describe('the registry edit keeps the table style', () => {
  it('keeps an aligned table aligned and CRLF line ends', () => {
    const text = [
      '## 7000-7099: Tools',
      '',
      '| Port      | Service      | Notes |',
      '| --------- | ------------ | ----- |',
      '| 7000      | alpha        | a     |',
      '| 7001-7099 | *(reserved)* |       |',
      '',
    ].join('\r\n');
    const result = edit(text, 'beta', 7001);
    expect(result.text.split('\r\n').slice(4, 7)).toEqual(['| 7000      | alpha        | a     |', '| 7001      | beta         |       |', '| 7002-7099 | *(reserved)* |       |']);
  });

  it('writes rows without outer pipes when the table has none', () => {
    const text = '## 7000-7099: Tools\n\nPort | Service\n--- | ---\n7000 | alpha\n7005 | gamma\n';
    expect(edit(text, 'beta', 7002).text).toBe('## 7000-7099: Tools\n\nPort | Service\n--- | ---\n7000 | alpha\n7002 | beta\n7005 | gamma\n');
  });

  it('ends an unterminated last line before adding the row', () => {
    const text = '## 7000-7099: Tools\n\n| Port | Service |\n|---|---|\n| 7000 | alpha |';
    expect(edit(text, 'beta', 7001).text).toBe(text + '\n| 7001 | beta |');
  });

  it('keeps an en dash in a split range', () => {
    const text = '## 7000–7099: Tools\n\n| Port | Service |\n|---|---|\n| 7000–7009 | *(reserved)* |\n';
    expect(edit(text, 'beta', 7004).text).toBe('## 7000–7099: Tools\n\n| Port | Service |\n|---|---|\n| 7000–7003 | *(reserved)* |\n| 7004 | beta |\n| 7005–7009 | *(reserved)* |\n');
  });
});
