// Markdown export (GitHub-flavoured: strikethrough and footnotes).
//
// Conventions, stated again in the legend line at the top of every export:
// - struck text (only in the base): `~~struck~~`, GFM strikethrough;
// - added text (only in the target): `**[+added+]**`. Markdown has no mark for insertion, and
//   `<ins>` is HTML, which many renderers strip; bold with `[+ +]` stays legible as plain text and
//   is never what a source prints, because brackets in the text are escaped;
// - a moved passage is written at both of its places, each end labelled in bold with what
//   happened to it there and where its other end is: `**[moved from here to below ↓:** … **]**`
//   where it stood, `**[moved here from above ↑:** … **]**` where it stands (or "… a place
//   outside this excerpt"; "(continued)" on its later paragraphs). It is never struck or marked
//   added as a whole, so it does not read as a cut and an addition; words changed on the way are
//   marked inside it as usual. The closing `**]**` stands after a space, where GFM always reads it
//   as bold whatever follows;
// - editorial matter from the source (`[non-existent]`) is written verbatim (escaped, so it reads
//   as written), unmarked;
// - a gap is a paragraph of its own: `*(Text not available here.)*`;
// - notes whose marker is in the text are footnotes, `[^1]` with a `[^1]:` definition (title in
//   bold, then the note's Markdown indented by four spaces); notes without a marker (a note on the
//   whole case) are listed under "Notes", since renderers drop footnotes nobody refers to;
// - the citation closes the text, before the footnote definitions.
// The text is escaped first, so a speaker's `*`, `_` or `<script>` reads literally. A note's
// Markdown is the note's own markup and is kept, except raw HTML, which is escaped (see below).

import { chicagoCitation } from './citation';
import { formatDate } from '../format';
import type { Excerpt } from '../types';
import {
	gapWords,
	indent,
	legend,
	moveWords,
	show,
	subtitle,
	writeParagraph,
	type Pen,
	type ShownMove
} from './modes';

/** Characters that could start Markdown (or GFM: tables, strikethrough, math) in running text. */
const special = /[\\`*_~[\]<>|&#$]/g;

/** Escapes text so that it reads literally wherever it stands in a paragraph or a heading. */
export function escapeMarkdown(text: string): string {
	return (
		text
			.replace(special, '\\$&')
			// GFM turns a bare web address into a link, escapes and all (`a\_b` would show its
			// backslash): an escaped stop in `https://` or `www.` keeps it plain text.
			.replace(/\b(https?|ftp):\/\//gi, '$1\\://')
			.replace(/\bwww\./gi, 'www\\.')
	);
}

/** What only the start of a line can begin: a list item (`- `, `+ `, `1. `) or a rule (`---`). */
function escapeLineStart(line: string): string {
	return line.replace(/^([-+])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

const struck = (md: string) => `~~${md}~~`;
const added = (md: string) => `**[+${md}+]**`;
const moved = (md: string, move: ShownMove, continued: boolean) =>
	`**[${escapeMarkdown(moveWords(move, continued))}:** ${md} **]**`;

/**
 * A note's Markdown is written as is, but raw HTML in it is escaped (`\<script>`), so that it
 * reads as text wherever the export is rendered. Code spans and autolinks to web or mail
 * addresses are left alone.
 */
export function neutralizeHtml(markdown: string): string {
	return markdown.replace(
		/(`+)[\s\S]*?\1(?!`)|<(?!(?:https?:\/\/|mailto:)[^\s<>]*>)(?=[A-Za-z/!?])/g,
		(match, ticks) => (ticks ? match : '\\<')
	);
}

/** A web address in a citation, without the stop or bracket that ends the sentence around it. */
const webAddress = /https?:\/\/[^\s<>]*[^\s<>.,;:!?'"’”)\]]/gi;

/** Escapes a citation, writing its web addresses (the permalink) as autolinks: `<https://…>`. */
function citation(text: string): string {
	let out = '';
	let at = 0;
	for (const match of text.matchAll(webAddress)) {
		let address = match[0];
		// Keep a closing bracket that belongs to the address: `…/Gettysburg_(address)`.
		const close = text[match.index + address.length];
		if (close === ')' && address.split('(').length > address.split(')').length) address += ')';
		out += escapeMarkdown(text.slice(at, match.index)) + `<${address}>`;
		at = match.index + address.length;
	}
	return out + escapeMarkdown(text.slice(at));
}

/** Writes the excerpt as Markdown, as its mode shows it. */
export function toMarkdown(excerpt: Excerpt): string {
	const { blocks, notes } = show(excerpt);
	const numbers = new Map(notes.map((n) => [n.id, n.number]));
	const ref = (id: string) => `[^${numbers.get(id)}]`;
	const pen: Pen = { text: escapeMarkdown, struck, added, moved, marker: ref };
	const body = (markdown: string) => neutralizeHtml(markdown.trim());

	const out = [
		`# ${escapeMarkdown(excerpt.title)}`,
		escapeMarkdown(subtitle(excerpt, formatDate(excerpt.date))),
		legend(excerpt, pen),
		...blocks.map((b) =>
			b.kind === 'gap'
				? `*(${escapeMarkdown(gapWords(b, excerpt))})*`
				: escapeLineStart(writeParagraph(b.spans, pen))
		)
	];
	const unplaced = notes.filter((n) => !n.placed);
	if (unplaced.length) {
		out.push('## Notes');
		for (const n of unplaced) {
			out.push(`**${n.number}. ${escapeMarkdown(n.title)}**`, body(n.markdown));
		}
	}
	out.push('## Citation', citation(chicagoCitation(excerpt)));
	for (const n of notes.filter((n) => n.placed)) {
		out.push(`${ref(n.id)}: **${escapeMarkdown(n.title)}**`, indent(body(n.markdown)));
	}
	return out.filter((part) => part !== '').join('\n\n') + '\n';
}
