import { describe, expect, it } from 'vitest';
import { readPortValue } from '../../../src/extract/service-doc/port-value.js';
import { extractText } from './helpers.js';

const at = (l: { line: number; column: number; endLine: number; endColumn: number }) => `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;

/** Bindings and problems of `services/x/CLAUDE.md` holding `text`. */
function read(text: string) {
  const { bindings, problems } = extractText(text, 'x');
  return { ports: bindings.map((b) => [b.port, b.via, at(b.location)]), problems: problems.map((p) => [p.ruleId, p.message, at(p.location)]) };
}

describe('service-doc port values dressed in markdown', () => {
  it.each([
    ['**Port:** _3050_', '1:12-1:16'],
    ['**Port:** *3050*', '1:12-1:16'],
    ['**Port:** [3050](http://localhost:3050)', '1:12-1:16'],
    ['**Port:** 3050/tcp', '1:11-1:15'],
    ['**Port:** 3050!', '1:11-1:15'],
    ['**Port:** ~~3010~~ 3050', '1:20-1:24'],
    ['**Port:** **3050**', '1:13-1:17'],
    ['**Port:** _`3050`_', '1:13-1:17'],
  ])('reads `%s` as port 3050 at the digits, with no problem', (line, pos) => {
    expect(read(`${line}\n`)).toEqual({ ports: [[3050, '**Port:**', pos]], problems: [] });
  });

  it('reads the dressed forms in headings and plain `Port:` paragraphs too', () => {
    expect(read('## Port: _3050_\n\nPort: ~~3010~~ 3051\n').ports).toEqual([
      [3050, '## Port:', '1:11-1:15'],
      [3051, 'Port:', '3:16-3:20'],
    ]);
  });

  it('keeps exact positions on a later line of a bigger doc', () => {
    const text = '# mana-x\n\nSome prose, v2.4.0.\n\n- **Name:** x\n- **Port:** ~~3010~~ [3050](http://localhost:3050)\n';
    expect(read(text).ports).toEqual([[3050, '**Port:**', '6:23-6:27']]);
  });

  it('still reads a qualifier after the closing wrapper or the link destination', () => {
    const { bindings } = extractText('**Port:** _3015_ (production)\n\n**Port:** [3023](http://192.168.178.11:3023) (192.168.178.11)\n', 'x');
    expect(bindings.map((b) => [b.port, b.host])).toEqual([
      [3015, 'mac-mini'],
      [3023, 'windows-gpu-server'],
    ]);
  });

  it('does not take a link destination as a qualifier', () => {
    const { bindings } = extractText('**Port:** [3050](http://localhost:3050)\n', 'x', { host: 'mac-mini' });
    expect(bindings.map((b) => [b.port, b.host])).toEqual([[3050, 'mac-mini']]);
  });

  it('reports digits run into letters as input/invalid-port, over the whole word', () => {
    expect(read('**Port:** 3050abc\n')).toEqual({
      ports: [],
      problems: [['input/invalid-port', '`**Port:**` in services/x/CLAUDE.md gives a port that is 7 characters, not a port; expected an integer from 1 to 65535.', '1:11-1:18']],
    });
  });

  it.each([
    ['**Port:** _70000_', '70000', 'is a 5-digit number above 65535', '1:12-1:17'],
    ['**Port:** *abc*', 'abc', 'is 3 characters, not a port', '1:12-1:15'],
    ['**Port:** -1', '-1', 'is a negative number', '1:11-1:13'],
    ['**Port:** ~~3010~~ 70000', '70000', 'is a 5-digit number above 65535', '1:20-1:25'],
    ['**Port:** 3050.5', '3050.5', 'is a number with a fraction', '1:11-1:17'],
    ['**Port:** 3_000', '3_000', 'is a number with `_` separators', '1:11-1:16'],
    ['**Port:** _3_000_', '3_000', 'is a number with `_` separators', '1:12-1:17'],
    ['**Port:** 3,000', '3,000', 'is 5 characters, not a port', '1:11-1:16'],
    ['**Port:** ３０００', '３０００', 'is 4 digits that are not ASCII 0-9', '1:11-1:15'],
    ['**Port:** 30００', '30００', 'is 4 digits that are not ASCII 0-9', '1:11-1:15'],
  ])('still reports `%s` as input/invalid-port at the value, saying what it is without its text', (line, value, what, pos) => {
    const { ports, problems } = read(`${line}\n`);
    expect(ports).toEqual([]);
    expect(problems.map(([id, message, loc]) => [id, message?.includes(what), message?.includes(value), loc])).toEqual([['input/invalid-port', true, false, pos]]);
  });

  it('still reads a port followed by a list comma or a suffix', () => {
    expect(read('**Port:** 3050,3051\n').ports.map(([port]) => port)).toEqual([3050]);
    expect(read('**Port:** 3050_tcp\n').ports.map(([port]) => port)).toEqual([3050]);
  });

  it.each(['**Port:** TBD', '**Port:** _TBD_', '**Port:** tbd.', '**Port:** *none*', '**Port:** [n/a]', '**Port:** -', '**Port:** ~~3010~~', '**Port:** ?'])(
    'treats `%s` as no port, silently',
    (line) => {
      expect(read(`${line}\n`)).toEqual({ ports: [], problems: [] });
    },
  );

  it('readPortValue returns offsets into the text and the text after the value', () => {
    const text = 'xx **Port:** ~~1~~ *3050* (dev)\nnext 4000';
    const v = readPortValue(text, text.indexOf('**', 5) + 2);
    expect(v).toEqual({ text: '3050', start: 20, end: 24, after: ' (dev)' });
    expect(text.slice(v?.start, v?.end)).toBe('3050');
    // Only the label's own line is read.
    expect(readPortValue('**Port:**\n3050', 9)).toBeUndefined();
  });
});
