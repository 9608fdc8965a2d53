import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elements, parseXml, textOf, XmlError, type XmlElement } from '../../../src/extract/deploy/xml.js';
import { plistExtractor } from '../../../src/extract/deploy/plist.js';
import { run } from './helpers.js';

/** The error `parseXml(text)` throws. */
function failure(text: string): XmlError {
  try {
    parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${text}`);
}

/** The source text each decoded character of `el`'s text was read from. */
const sources = (text: string, el: XmlElement) => {
  const m = textOf(el);
  return m.value.split('').map((_, i) => text.slice(m.starts[i], m.ends[i]));
};

/** One piece of character data: what it means and how it is written. */
const piece = fc.oneof(
  fc.constantFrom(['a', 'a'], ['3', '3'], [' ', ' '], ['\n', '\n'], ['\n', '\r\n'], ['<', '&lt;'], ['&', '&amp;'], ['"', '&quot;'], ["'", '&apos;'], ['>', '&gt;']),
  fc.constantFrom(['3', '&#51;'], ['3', '&#x33;'], ['😀', '&#x1F600;'], ['😀', '😀'], ['é', 'é']),
  fc.constantFrom(['<y>', '<![CDATA[<y>]]>'], ['', '<!-- c -->'], ['a&b', '<![CDATA[a&b]]>'], ['', '<?pi x?>']),
);

describe('parseXml', () => {
  it('decodes character data and maps every character to what encodes it', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = `<?xml version="1.0"?>\r\n<plist><string>${pieces.map((p) => p[1]).join('')}</string></plist>`;
        const string = elements(elements(parseXml(text))[0]!)[0]!;
        expect(textOf(string).value).toBe(pieces.map((p) => p[0]).join(''));
        // Each character comes from its own piece: a reference whole, a CRLF whole, a CDATA character by itself.
        const expected = pieces.flatMap(([value, written]) => {
          if (written.startsWith('<')) return value.split(''); // CDATA, a comment, a processing instruction
          if (written.startsWith('&')) return value.split('').map(() => written);
          return written === '\r\n' ? [written] : written.split('');
        });
        expect(sources(text, string)).toEqual(expected);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('spans each element\'s start tag and keeps document-level text', () => {
    const text = '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict/></plist>\n';
    const doc = parseXml(text);
    const [plist] = elements(doc);
    expect(text.slice(plist!.start, plist!.end)).toBe('<plist version="1.0">');
    const dict = elements(plist!)[0]!;
    expect(text.slice(dict.start, dict.end)).toBe('<dict/>');
    expect(doc.children.filter((c) => c.type === 'text').map((c) => c.type === 'text' && c.value.value)).toEqual(['\n', '\n']);
  });

  it('reports a mismatched end tag, an element never closed and malformed markup at their spans', () => {
    const mismatched = '<plist>\n<array>\n</dict>';
    let e = failure(mismatched);
    expect([e.message, mismatched.slice(e.start, e.end)]).toEqual(['Found </dict> where <array> is open; expected </array>', '</dict>']);
    const open = '<plist>\n  <dict>\n</plist>';
    e = failure(open);
    expect(e.message).toBe('Found </plist> where <dict> is open; expected </dict>');
    e = failure('<plist>\n  <dict>');
    expect([e.message, '<plist>\n  <dict>'.slice(e.start, e.end)]).toEqual(['Found <dict> never closed; expected </dict>', '<dict>']);
    for (const [text, what] of [
      ['<plist>\n<string>a < b</string></plist>', 'disallowed character in tag name'],
      ['<plist>\n<string>&nbsp;</string></plist>', 'undefined entity'],
      ['<a/><b/>', 'documents may contain only one root'],
      ['<a>\u0001</a>', 'disallowed character'],
    ] as const) {
      e = failure(text);
      expect(e.message, text).toBe(`Found malformed XML (${what}); expected well-formed XML`);
      expect(e.start, text).toBeGreaterThanOrEqual(text.indexOf('\n') + 1);
      expect(e.end, text).toBeLessThanOrEqual(text.length);
    }
  });

  it('reports a `&` that starts no reference at the `&`, however far saxes read after it', () => {
    for (const text of ['<plist>\n<string>a & b</string></plist>', '<plist>\n<string>a & b</string>\n<string>c;</string></plist>', '<plist>\n<string>&amp; &# b;</string></plist>']) {
      const e = failure(text);
      expect(e.message, text).toBe('Found `&` that starts no entity reference; expected `&amp;` for a literal `&`');
      expect(text.slice(e.start, e.end), text).toBe('&');
      expect(text.slice(e.end, e.end + 2), text).not.toBe('am');
    }
  });

  it('never expands an entity a DTD declares: a billion laughs fails at once, on its first use', () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
    const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${lol}\n]>\n<lolz>&lol9;</lolz>`;
    const started = performance.now();
    const e = failure(text);
    expect(performance.now() - started).toBeLessThan(1000); // an expansion would be 10^9 "lol"s
    expect(e.message).toBe('Found malformed XML (undefined entity); expected well-formed XML');
    expect(text.slice(e.start, e.end)).toBe('&');
    expect(text.slice(0, e.start).split('\n')).toHaveLength(14);
  });

  it('never reads an external entity', () => {
    const text = '<!DOCTYPE plist [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<plist><string>&xxe;</string></plist>';
    expect(failure(text).message).toContain('undefined entity');
    // Declared but unused, the entity is inert and the document reads as written.
    const unused = parseXml('<!DOCTYPE plist [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<plist><string>x</string></plist>');
    expect(textOf(elements(elements(unused)[0]!)[0]!).value).toBe('x');
  });
});

describe('launchd plist extractor on hostile XML', () => {
  it('reports a billion-laughs plist as invalid XML at its line and reads nothing', async () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE plist [\n<!ENTITY a "3015">\n<!ENTITY b "&a;&a;">\n]>\n<plist><dict><key>EnvironmentVariables</key><dict><key>PORT</key>\n<string>&b;</string></dict></dict></plist>';
    const x = await run(plistExtractor, 'launchd/a.b.c.plist', text);
    expect(x.bindings).toEqual([]);
    expect(x.problems.map((p) => [p.ruleId, p.location.file, p.location.line])).toEqual([['input/invalid-xml', 'launchd/a.b.c.plist', 7]]);
    expect(x.problems[0]!.message).toBe('Found malformed XML (undefined entity); expected well-formed XML in launchd/a.b.c.plist.');
  });
});
