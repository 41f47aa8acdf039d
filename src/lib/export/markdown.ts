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
// - a kept line break (verse, code: the witness's lines matter) is a hard break, a backslash at
//   the end of the line; the next line's indentation is written in no-break spaces, which
//   Markdown keeps, and no line can start a list or a heading;
// - a gap is a paragraph of its own: `*(Text not available here.)*`;
// - notes whose marker is in the text are footnotes, `[^1]` with a `[^1]:` definition (title in
//   bold, then the note's Markdown indented by four spaces); notes without a marker (a note on the
//   whole case) are listed under "Notes", since renderers drop footnotes nobody refers to, and
//   notes on passages the mode does not show (struck text, in `target`) are listed after them,
//   under "Notes on passages not shown in this view";
// - who made a change, why and how sure follow it in italic brackets, `*\[Stalin, pencil;
//   Political; probable\]*`, where the mode marks the changes;
// - the citation closes the text, before the footnote definitions.
// The text is escaped first, so a speaker's `*`, `_` or `<script>` reads literally. A note is
// written from its HTML as the page shows it (sanitized), never from its Markdown source: only the
// elements and link schemes the page allows come through (see `noteMarkdown`).

import { chicagoCitation } from './citation';
import { formatDate } from '../format';
import type { Excerpt } from '../types';
import {
	edges,
	gapWords,
	hardIndent,
	indent,
	legend,
	moveWords,
	show,
	subtitle,
	writeParagraph,
	HIDDEN_NOTES,
	type Pen,
	type ShownMove,
	type ShownNote
} from './modes';
import { blockRuns, isBlock, noteParts, textOf, type NotePart } from './note-parts';

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
			// And an email address (`a@b.org`, `mailto:a@b.org`, `xmpp:a@b.org`): an escaped `@`.
			.replace(/(?<=[A-Za-z0-9._+-])@(?=[A-Za-z0-9_-])/g, '\\@')
	);
}

/** What only the start of a line can begin: a list item (`- `, `+ `, `1. `) or a rule (`---`). */
export function escapeLineStart(line: string): string {
	// `=` as well: a line of them under a line of text would make that text a heading.
	return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

const struck = (md: string) => `~~${md}~~`;
const added = (md: string) => `**[+${md}+]**`;
const moved = (md: string, move: ShownMove, continued: boolean) =>
	`**[${escapeMarkdown(moveWords(move, continued))}:** ${md} **]**`;
const attribution = (words: string[]) => `*${escapeMarkdown(`[${words.join('; ')}]`)}*`;

/**
 * Writes a note in Markdown from its HTML as the page shows it (already sanitized by
 * `renderMarkdown`), again through the page's allow-list (note-rules.ts): writing it from its
 * Markdown source would let through what Markdown renderers allow and the page does not (raw
 * HTML, `javascript:` links, remote images). Text is escaped like the excerpt's. A note not
 * rendered (no HTML) is written as text.
 */
export function noteMarkdown(note: { markdown: string; html: string }): string {
	if (!note.html.trim()) return paragraph([note.markdown.trim()]);
	return blocks(noteParts(note.html)).join('\n\n');
}

function blocks(parts: NotePart[]): string[] {
	return blockRuns(parts)
		.map((run) => (Array.isArray(run) ? paragraph(run) : block(run)))
		.filter((b) => b !== '');
}

function block(part: Exclude<NotePart, string>): string {
	if (part.name === 'blockquote') {
		const inner = blocks(part.children).join('\n\n');
		return inner
			.split('\n')
			.map((line) => (line ? `> ${line}` : '>'))
			.join('\n');
	}
	if (part.name === 'ul' || part.name === 'ol') {
		const items = part.children.filter((c) => typeof c !== 'string' || c.trim());
		const loose = items.some((c) => typeof c !== 'string' && c.children.some(isBlock));
		return items
			.map((item, i) => {
				const marker = part.name === 'ol' ? `${i + 1}.` : '-';
				const body = blocks(typeof item === 'string' ? [item] : item.children).join('\n\n');
				const lines = body.split('\n');
				const rest = lines.slice(1).map((l) => (l ? ' '.repeat(marker.length + 1) + l : ''));
				return [`${marker} ${lines[0]}`, ...rest].join('\n');
			})
			.join(loose ? '\n\n' : '\n');
	}
	return blocks(part.children).join('\n\n');
}

/** Inline parts as one paragraph: each line escaped where only a line's start is markup. */
function paragraph(parts: NotePart[]): string {
	return inline(parts)
		.trim()
		.split('\n')
		.map((line) => escapeLineStart(line.trimStart()))
		.join('\n');
}

function inline(parts: NotePart[]): string {
	return parts
		.map((part) => {
			if (typeof part === 'string') return escapeMarkdown(part.replace(/[ \t]+/g, ' '));
			const inner = () => inline(part.children);
			switch (part.name) {
				case 'em':
				case 'cite':
					return hug('*', inner());
				case 'strong':
					return hug('**', inner());
				case 'sup':
					return hug('<sup>', inner(), '</sup>');
				case 'code':
					return codeSpan(textOf(part.children));
				case 'br':
					return '\\\n';
				case 'a':
					return link(part.href, part.children);
				default:
					// A block element inside a paragraph (a list in a link): its words, inline.
					return inner();
			}
		})
		.join('');
}

/** Marks text, with the whitespace at its edges outside the mark (`* a *` is not emphasis). */
function hug(open: string, text: string, close = open): string {
	const [, lead, core, trail] = edges(text);
	return core ? `${lead}${open}${core}${close}${trail}` : lead + trail;
}

/** A code span: fenced by one backtick more than the longest run inside it. */
function codeSpan(code: string): string {
	const text = code.replace(/\s*\n\s*/g, ' ');
	if (!text) return '';
	const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
	return `${fence}${pad}${text}${pad}${fence}`;
}

/** A link; `<address>` when its words are its address, as the page's autolinks are. */
function link(href: string, children: NotePart[]): string {
	if (textOf(children) === href && !/[\s<>]/.test(href)) return `<${href}>`;
	const target = href
		.replace(/[()\\]/g, '\\$&')
		.replace(/[\s<>]/g, (c) => encodeURIComponent(c));
	const words = inline(children).trim() || escapeMarkdown(href);
	return `[${words}](${target})`;
}

/** A web address in a citation, without the stop or bracket that ends the sentence around it. */
const webAddress = /https?:\/\/[^\s<>]*[^\s<>.,;:!?'"’”)\]]/gi;

/** Escapes a citation, writing its web addresses (the permalink) as autolinks: `<https://…>`. */
export function citationMarkdown(text: string): string {
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
	const line = (indent: string) => `\\\n${hardIndent(indent)}`;
	const pen: Pen = { text: escapeMarkdown, struck, added, moved, marker: ref, attribution, line };

	const out = [
		`# ${escapeMarkdown(excerpt.title)}`,
		escapeMarkdown(subtitle(excerpt, formatDate(excerpt.date))),
		legend(excerpt, pen),
		...blocks.map((b) =>
			b.kind === 'gap'
				? `*(${escapeMarkdown(gapWords(b, excerpt))})*`
				: writeParagraph(b.spans, pen).split('\n').map(escapeLineStart).join('\n')
		)
	];
	const list = (heading: string, listed: ShownNote[]) => {
		if (listed.length === 0) return;
		out.push(`## ${heading}`);
		for (const n of listed) out.push(`**${n.number}. ${escapeMarkdown(n.title)}**`, noteMarkdown(n));
	};
	list('Notes', notes.filter((n) => !n.placed && !n.hidden));
	list(HIDDEN_NOTES, notes.filter((n) => n.hidden));
	out.push('## Citation', citationMarkdown(chicagoCitation(excerpt)));
	for (const n of notes.filter((n) => n.placed)) {
		out.push(`${ref(n.id)}: **${escapeMarkdown(n.title)}**`, indent(noteMarkdown(n)));
	}
	return out.filter((part) => part !== '').join('\n\n') + '\n';
}
