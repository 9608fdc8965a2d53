/**
 * XML read by saxes, a non-validating well-formedness checker, into a small tree of elements
 * and text. saxes decodes character data (entities, CDATA, line breaks) and reports where it
 * is; this module maps every decoded character back to the source characters that encode it,
 * so a port in `<string>--port=3015</string>` points at its digits. A DTD is read as text and
 * never acted on: no external entity is fetched, and an entity it declares is undefined, so
 * `&lol9;` is an error, not a billion laughs. Malformed XML throws {@link XmlError} with the
 * offending span. No namespaces.
 */
import { SaxesParser } from 'saxes';
import type { Mapped } from '../../core/mapped.js';
import { append, appendChar, emptyMapped } from '../../core/mapped.js';

/** An element with its children; `start`/`end` span the start tag. */
export interface XmlElement {
  type: 'element';
  name: string;
  start: number;
  end: number;
  children: XmlNode[];
}

/** Character data, decoded and mapped. */
export interface XmlText {
  type: 'text';
  value: Mapped;
}

/** A node of the tree: an element or its text. */
export type XmlNode = XmlElement | XmlText;

/** Malformed XML at the source span `[start, end)`. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** Parses `text` into a synthetic document element whose children are the top-level nodes. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { type: 'element', name: '#document', start: 0, end: 0, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1] as XmlElement;
  const parser = new SaxesParser({ position: true });
  // Where the construct after the last one reported begins: the start of a text node, or the
  // `<` of a CDATA section. Every event that ends markup moves it past that markup.
  let cursor = 0;
  const markupEnds = () => {
    cursor = parser.position;
  };
  parser.on('xmldecl', markupEnds);
  parser.on('processinginstruction', markupEnds);
  parser.on('comment', () => {
    cursor = parser.position + 1; // reported at its `--`, before the `>` (anything else there is an error)
  });
  parser.on('doctype', markupEnds);
  parser.on('error', (error) => {
    const at = Math.min(parser.position, text.length);
    const what = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    if (/entity/.test(what)) {
      // saxes reads an entity name up to the next `;`, wherever that is: point at the `&`.
      const bad = badAmpersand(text, cursor);
      if (bad >= 0 && bad < at) throw badAmpersandError(bad);
      const amp = text.lastIndexOf('&', at - 1);
      if (amp >= 0) throw new XmlError(`Found malformed XML (${what}); expected well-formed XML`, amp, amp + 1);
    }
    throw new XmlError(`Found malformed XML (${what}); expected well-formed XML`, Math.max(0, at - 1), Math.max(at, 1));
  });
  parser.on('text', (decoded) => {
    // Text is reported when the `<` after it is read, or at the end of the input.
    const end = text[parser.position - 1] === '<' ? parser.position - 1 : parser.position;
    top().children.push({ type: 'text', value: mapDecoded(text, cursor, end, decoded) });
    cursor = end;
  });
  parser.on('cdata', (decoded) => {
    top().children.push({ type: 'text', value: mapDecoded(text, cursor + '<![CDATA['.length, parser.position - ']]>'.length, decoded, false) });
    markupEnds();
  });
  parser.on('opentag', (tag) => {
    // A start tag holds no `<` (saxes refuses one in an attribute value), so the last `<` starts it.
    const end = parser.position;
    const el: XmlElement = { type: 'element', name: tag.name, start: text.lastIndexOf('<', end - 1), end, children: [] };
    top().children.push(el);
    stack.push(el);
    markupEnds();
  });
  parser.on('closetag', (tag) => {
    const end = parser.position;
    const open = stack.pop() as XmlElement;
    if (!tag.isSelfClosing) {
      const start = text.lastIndexOf('<', end - 1);
      const name = /^<\/([^\s>]*)/.exec(text.slice(start, end))?.[1] ?? '';
      // saxes closes the open elements one by one up to a matching one; the first is the error.
      if (name !== open.name) throw new XmlError(`Found </${name}> where <${open.name}> is open; expected </${open.name}>`, start, end);
    }
    markupEnds();
  });
  parser.write(text);
  if (stack.length > 1) {
    // An unterminated `&` swallows the rest of the input, end tags included.
    const bad = badAmpersand(text, cursor);
    if (bad >= 0) throw badAmpersandError(bad);
    const open = top();
    throw new XmlError(`Found <${open.name}> never closed; expected </${open.name}>`, open.start, open.end);
  }
  parser.close();
  return root;
}

/** A well-formed entity or character reference. */
const REFERENCE = /&(?:[A-Za-z_:][\w.:-]*|#\d+|#x[\da-fA-F]+);/y;

/** The first `&` at or after `from` that starts no well-formed reference, or -1. */
function badAmpersand(text: string, from: number): number {
  for (let i = text.indexOf('&', from); i >= 0; i = text.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    if (!REFERENCE.test(text)) return i;
  }
  return -1;
}

function badAmpersandError(at: number): XmlError {
  return new XmlError('Found `&` that starts no entity reference; expected `&amp;` for a literal `&`', at, at + 1);
}

/**
 * `decoded` (saxes' reading of the source `[start, end)`) with each character's source span:
 * an entity or character reference spans all of `&...;` (two UTF-16 units for an astral
 * character), a `\r\n` read as `\n` spans both, anything else is itself. CDATA has no references.
 */
function mapDecoded(text: string, start: number, end: number, decoded: string, references = true): Mapped {
  const out = emptyMapped();
  let k = 0;
  for (let i = start; i < end && k < decoded.length; ) {
    let to = i + 1;
    let units = 1;
    if (references && text[i] === '&') {
      const semi = text.indexOf(';', i);
      to = semi < 0 || semi >= end ? end : semi + 1;
      const code = decoded.charCodeAt(k);
      if (code >= 0xd800 && code <= 0xdbff) units = 2;
    } else if (text[i] === '\r' && text[i + 1] === '\n') to = i + 2;
    for (let u = 0; u < units && k < decoded.length; u++) appendChar(out, decoded[k++] as string, i, to);
    i = to;
  }
  return out;
}

/** The element children of `el`. */
export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === 'element');
}

/** The text content of `el` (its direct text children), mapped. */
export function textOf(el: XmlElement): Mapped {
  const out = emptyMapped();
  for (const c of el.children) if (c.type === 'text') append(out, c.value);
  return out;
}
