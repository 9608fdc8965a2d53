/**
 * Parsing YAML once per run where two steps read the same text: service discovery (collect)
 * parses compose files and Kubernetes manifests to find services, and the deploy extractors
 * parse the same files again to read their ports. Every parse goes through here with the
 * same options, so a parse handed over is the Document the reader would have made itself.
 *
 * The first reader asks to keep its parse (`keep`); the next reader of the same path and the
 * same text takes it, and it is released. Handing over is a saving, never a requirement: a
 * reader that finds nothing kept (an extractor in a worker thread, a text that differs)
 * parses. What is kept is bounded, since a Document weighs 8 to 25 times its text: texts past
 * {@link MAX_KEPT_CHARS} in all are not kept, and {@link forgetKeptYaml} (at the start of
 * each discovery, and once extraction is done) drops what no reader took.
 */
import { parseAllDocuments, parseDocument, type Document } from 'yaml';

/** The options of every YAML parse of a repository file: errors as offsets, duplicate keys allowed (the last one wins). */
const OPTIONS = { prettyErrors: false, uniqueKeys: false } as const;

/** Characters of text whose parses may be kept at once (a Document of 1 MB of text is 8 to 25 MB). */
export const MAX_KEPT_CHARS = 1_000_000;

/** What `parseAllDocuments` gives: the documents, or an empty stream for a text without any. */
export type YamlStream = ReturnType<typeof parseAllDocuments>;

interface Kept {
  text: string;
  parse: { form: 'document'; doc: Document } | { form: 'stream'; docs: YamlStream };
}

const kept = new Map<string, Kept>();
let keptChars = 0;

/** The kept parse of `path` in `form` when it was made of exactly `text`; released either way. */
function take(path: string, text: string): Kept['parse'] | undefined {
  const found = kept.get(path);
  if (!found) return undefined;
  kept.delete(path);
  keptChars -= found.text.length;
  return found.text === text ? found.parse : undefined;
}

function keep(path: string, text: string, parse: Kept['parse']): void {
  if (kept.has(path) || keptChars + text.length > MAX_KEPT_CHARS) return;
  kept.set(path, { text, parse });
  keptChars += text.length;
}

/**
 * `text` (the file at `path`) as one document: the kept parse of it, else a new one, kept for
 * the next reader when `options.keep`. Throws what `parseDocument` throws.
 */
export function yamlDocument(path: string, text: string, options: { keep?: boolean } = {}): Document {
  const found = take(path, text);
  if (found?.form === 'document') return found.doc;
  const doc = parseDocument(text, OPTIONS) as Document;
  if (options.keep) keep(path, text, { form: 'document', doc });
  return doc;
}

/**
 * Every document of `text` (the file at `path`): the kept parse of it, else a new one, kept
 * for the next reader when `options.keep`. Throws what `parseAllDocuments` throws.
 */
export function yamlStream(path: string, text: string, options: { keep?: boolean } = {}): YamlStream {
  const found = take(path, text);
  if (found?.form === 'stream') return found.docs;
  const docs = parseAllDocuments(text, OPTIONS);
  if (options.keep) keep(path, text, { form: 'stream', docs });
  return docs;
}

/** Drops every kept parse no reader took. */
export function forgetKeptYaml(): void {
  kept.clear();
  keptChars = 0;
}

/** Paths whose parse is kept now (for tests). */
export function keptYamlPaths(): string[] {
  return [...kept.keys()];
}
