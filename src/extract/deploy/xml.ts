/**
 * A small XML reader for property lists: elements, text (entities decoded, positions kept),
 * CDATA; comments, processing instructions and the DOCTYPE are skipped. It checks what a
 * plist needs checked (tags close in order, nothing is left open) and throws {@link XmlError}
 * with the offending span otherwise. Not a validating parser, and no namespaces.
 */
import type { Mapped } from './mapped.js';
import { append, appendChar, emptyMapped, identity } from './mapped.js';
import { quote } from '../../core/quote.js';

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

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][\w.:-]*/;

/** Parses `text` into a synthetic document element whose children are the top-level nodes. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { type: 'element', name: '#document', start: 0, end: 0, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1] as XmlElement;
  const skipTo = (from: number, close: string, what: string): number => {
    const at = text.indexOf(close, from);
    if (at < 0) throw new XmlError(`Found an unterminated ${what}; expected ${quote(close)}`, from, Math.min(from + 4, text.length));
    return at + close.length;
  };
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '<') {
      const next = text.indexOf('<', i);
      const end = next < 0 ? text.length : next;
      top().children.push({ type: 'text', value: decode(text, i, end) });
      i = end;
    } else if (text.startsWith('<?', i)) i = skipTo(i + 2, '?>', 'processing instruction');
    else if (text.startsWith('<!--', i)) i = skipTo(i + 4, '-->', 'comment');
    else if (text.startsWith('<![CDATA[', i)) {
      const end = skipTo(i + 9, ']]>', 'CDATA section');
      top().children.push({ type: 'text', value: identity(text, i + 9, end - 3) });
      i = end;
    } else if (text.startsWith('<!', i)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      const bracket = text.indexOf('[', i);
      const gt = text.indexOf('>', i);
      i = bracket >= 0 && bracket < gt ? skipTo(skipTo(bracket, ']', 'DOCTYPE subset'), '>', 'DOCTYPE') : skipTo(i, '>', 'DOCTYPE');
    } else if (text[i + 1] === '/') {
      const name = NAME.exec(text.slice(i + 2))?.[0] ?? '';
      const end = skipTo(i + 2, '>', `end tag </${name}>`);
      const open = top();
      if (stack.length === 1 || name !== open.name)
        throw new XmlError(`Found </${name}>${stack.length > 1 ? ` where <${open.name}> is open` : ''}; expected ${stack.length > 1 ? `</${open.name}>` : 'no end tag'}`, i, end);
      stack.pop();
      i = end;
    } else {
      const name = NAME.exec(text.slice(i + 1))?.[0];
      if (!name) throw new XmlError('Found `<` that starts no tag; expected an element, or `&lt;` in text', i, i + 1);
      const end = tagEnd(text, i + 1 + name.length);
      if (end < 0) throw new XmlError(`Found an unterminated start tag <${name}; expected \`>\``, i, i + 1 + name.length);
      const el: XmlElement = { type: 'element', name, start: i, end, children: [] };
      top().children.push(el);
      if (text[end - 2] !== '/') stack.push(el);
      i = end;
    }
  }
  if (stack.length > 1) {
    const open = top();
    throw new XmlError(`Found <${open.name}> never closed; expected </${open.name}>`, open.start, open.end);
  }
  return root;
}

/** Index just past the `>` ending a start tag, skipping quoted attribute values; -1 if none. */
function tagEnd(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = text.indexOf(c, i + 1);
      if (i < 0) return -1;
    } else if (c === '>') return i + 1;
    else if (c === '<') return -1;
  }
  return -1;
}

/** Decodes character data `[start, end)`, keeping each character's source span. */
function decode(text: string, start: number, end: number): Mapped {
  const out = emptyMapped();
  for (let i = start; i < end; ) {
    const semi = text[i] === '&' ? text.indexOf(';', i) : -1;
    if (semi > i && semi < end && semi - i <= 10) {
      const ref = text.slice(i + 1, semi);
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : ref.startsWith('#') ? parseInt(ref.slice(1), 10) : Number.NaN;
      const ch = ENTITIES[ref] ?? (Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined);
      if (ch !== undefined) {
        for (const unit of ch.split('')) appendChar(out, unit, i, semi + 1);
        i = semi + 1;
        continue;
      }
    }
    append(out, identity(text, i, i + 1));
    i++;
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
