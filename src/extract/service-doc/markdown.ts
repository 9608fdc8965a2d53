/**
 * The markdown parser for service docs: unified + remark-parse with GFM's table syntax (the
 * same micromark and mdast extensions remark-gfm loads for tables). The rest of GFM —
 * autolink literals, footnotes, strikethrough, task lists — carries no port statement (bare
 * URLs stay text, which the reference scan reads anyway), and leaving it out halves the
 * parse time of thousands of CLAUDE.md files (bench/README.md). The registry, one file,
 * keeps all of remark-gfm.
 */
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/** A unified plugin adding GFM tables to remark-parse. */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkGfmTable);

/** Parses a service doc into mdast with exact positions. */
export function parseServiceDoc(text: string): Root {
  return parser.parse(text);
}
