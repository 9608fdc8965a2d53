/**
 * Finds `` name `port` `` pairs in the token stream of one "Real ports today" entry:
 *
 * - `mana-credits `3061`, mana-user `3062`` : a name word (or code) that opens an entry,
 *   right before a numeric code span; entries are separated by commas, semicolons or "and";
 * - `` `alpha`: `3009` ``, `beta — `3008``, `gamma → `3007``, `delta = `3006``: one
 *   separator (`:`, `—`, `–`, `-`, `→`, `->`, `=`) may stand between that name and its port;
 * - `` `mana-voice-bot` (default port `3024`, ...) `` : a port introduced by the word
 *   "port" belongs to the name that opens the entry.
 *
 * Only numeric *code spans* can be ports: plain numbers in a bullet (`from 3050 to 3024`,
 * `flux2.c`) are prose. Other numbers inside parentheses are annotations, not ports.
 */
import { readPort } from '../value-text.js';
import type { InlineToken } from './inline-tokens.js';

/** A service name and the port stated for it, with the span of the port digits. */
export interface PortPair {
  name: string;
  /** The port; NaN when `text` is no port (`3_000`, `３０００`, `70000`): the caller reports it. */
  port: number;
  /** The code span's value as written. */
  text: string;
  start: number;
  end: number;
}

/** A code span that is meant as a port: it starts with a digit of any script (`3001`, `3_000`, `３０００`, `3000.5`). */
const PORT_LIKE = /^\p{Nd}/u;

/** Words that can precede a port without naming a service. */
const STOP_WORDS = new Set(['port', 'ports', 'on', 'at', 'to', 'from', 'was', 'is', 'now', 'default', 'and', 'or', 'via', 'of', 'the', 'in', 'not', 'vs']);
const NAME = /^[A-Za-z][\w.-]*$/;
/** A word that only links a name to its port (`alpha: `3009``, `beta → `3008``). */
const LINK = /^(?::|=|-|–|—|→|->|=>)$/;
/** The same links glued to the name (`delta:`, `beta—`); a trailing `-` stays part of a name. */
const GLUED_LINK = /(?::|=|–|—|→|->|=>)$/;

/** The service name a token spells, if it can be one. */
function nameOf(t: InlineToken | undefined): string | undefined {
  if (!t) return undefined;
  const raw = t.kind === 'word' ? t.text.replace(GLUED_LINK, '') : t.kind === 'code' ? t.value : undefined;
  if (raw === undefined || !NAME.test(raw) || STOP_WORDS.has(raw.toLowerCase())) return undefined;
  return raw;
}

/**
 * A name opening an entry may own a later "port `N`" only when it looks like an identifier
 * (code span or hyphenated word); otherwise a sentence such as "Moving the only ... on port
 * `3023`" would bind its first word.
 */
function ownsKeywordPort(t: InlineToken): boolean {
  return t.kind === 'code' || (t.kind === 'word' && t.text.includes('-'));
}

/**
 * Pairs of `tokens`, in order. A code span in a port's place that is no port (`70000`,
 * `3_000`, fullwidth `３０００`) is returned too, with a NaN port: callers report it.
 */
export function findPortPairs(tokens: readonly InlineToken[]): PortPair[] {
  const pairs: PortPair[] = [];
  let depth = 0;
  let opener: InlineToken | undefined; // first token of the current entry
  let bound = false; // the current entry already has its port
  let prev: InlineToken | undefined;
  let link = false; // prev is a link word that directly follows the opener
  for (const t of tokens) {
    if (isSeparator(t)) {
      if (depth === 0) (opener = undefined), (bound = false);
    } else if (t.kind === 'punct') {
      if (t.char === '(') depth++;
      else if (t.char === ')') depth = Math.max(0, depth - 1);
    } else {
      if (depth === 0 && opener === undefined) opener = t;
      const port = t.kind === 'code' && PORT_LIKE.test(t.value) ? (readPort(t.value) ?? Number.NaN) : undefined;
      if (t.kind === 'code' && port !== undefined && !bound) {
        // The name must open its entry: "uses `3001`" in a sentence names no service.
        const direct = depth === 0 && (prev === opener || link) ? nameOf(opener) : undefined;
        const keyword = prev?.kind === 'word' && /^port:?$/i.test(prev.text);
        const owner = direct ?? (keyword && opener && ownsKeywordPort(opener) ? nameOf(opener) : undefined);
        if (owner !== undefined) {
          pairs.push({ name: owner, port, text: t.value, start: t.start, end: t.end });
          bound = true;
        }
      }
    }
    link = depth === 0 && opener !== undefined && prev === opener && t !== opener && t.kind === 'word' && LINK.test(t.text);
    prev = t;
  }
  return pairs;
}

/** Commas, semicolons and a bare "and" end an entry (outside parentheses). */
function isSeparator(t: InlineToken): boolean {
  return (t.kind === 'punct' && (t.char === ',' || t.char === ';')) || (t.kind === 'word' && /^(and|&)$/i.test(t.text));
}
