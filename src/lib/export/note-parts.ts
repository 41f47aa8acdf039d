// A note as the page shows it, for the formats that write notes in markup of their own (Markdown,
// TEI): its sanitized HTML (`renderMarkdown`) read again through the page's allow-list
// (note-rules.ts), as a small tree of text and allowed elements. Written from the note's Markdown
// source instead, an export would let through what Markdown renderers allow and the page does not
// (raw HTML, `javascript:` links, remote images), and would need rules of its own for each.

import { ElementType, parseDocument } from 'htmlparser2';
import { NOTE_DROPPED, NOTE_TAGS, safeHref } from '../note-rules';

/** Text, or an allowed element (`href` is set on links only) with its parts. */
export type NotePart = string | { name: string; href: string; children: NotePart[] };
type HtmlNode = ReturnType<typeof parseDocument>['children'][number];

/** A note's HTML reduced to what the page allows. */
export function noteParts(html: string): NotePart[] {
	return allowed(parseDocument(html).children);
}

function allowed(nodes: HtmlNode[]): NotePart[] {
	return nodes.flatMap((node): NotePart[] => {
		if (node.type === ElementType.Text) return [node.data];
		if (!('attribs' in node) || NOTE_DROPPED.includes(node.name)) return [];
		const children = allowed(node.children);
		if (!NOTE_TAGS.includes(node.name)) return children;
		const href = node.name === 'a' ? (node.attribs.href ?? '').trim() : '';
		// A link the page would not keep keeps only its words, as on the page.
		if (node.name === 'a' && !safeHref(href)) return children;
		return [{ name: node.name, href, children }];
	});
}

const blockElements = new Set(['p', 'blockquote', 'ul', 'ol', 'li']);

/** Whether a part is a block: a paragraph, a quotation, a list or a list item. */
export const isBlock = (part: NotePart): part is Exclude<NotePart, string> =>
	typeof part !== 'string' && blockElements.has(part.name);

/** The text of parts, without their elements. */
export const textOf = (parts: NotePart[]): string =>
	parts.map((p) => (typeof p === 'string' ? p : textOf(p.children))).join('');

/**
 * Parts as blocks: each block element on its own, and each run of text and inline elements between
 * them together (a run of white space only, the line breaks between blocks, is dropped).
 */
export function blockRuns(parts: NotePart[]): (Exclude<NotePart, string> | NotePart[])[] {
	const out: (Exclude<NotePart, string> | NotePart[])[] = [];
	let run: NotePart[] = [];
	const flush = () => {
		if (textOf(run).trim() || run.some((p) => typeof p !== 'string')) out.push(run);
		run = [];
	};
	for (const part of parts) {
		if (isBlock(part)) {
			flush();
			out.push(part);
		} else {
			run.push(part);
		}
	}
	flush();
	return out;
}
