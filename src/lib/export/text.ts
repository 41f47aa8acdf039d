// Plain-text export.
//
// Conventions, stated again in the legend line at the top of every export:
// - struck text (only in the base): `[-struck-]`; added text (only in the target): `{+added+}`,
//   the brackets of wdiff, which many readers of diffs know;
// - a moved passage is written at both of its places, each end in brackets with a label saying
//   what happened to it there and where its other end is: `[moved from here to below ↓: …]` where
//   it stood, `[moved here from above ↑: …]` where it stands (or "… a place outside this
//   excerpt"; "(continued)" on its later paragraphs); words changed on the way are marked inside
//   it, `[-struck-]` or `{+added+}`;
// - editorial matter from the source (`[non-existent]`) is written verbatim, unmarked;
// - who made a change, why and how sure follow it in brackets, `[Stalin, pencil; Political;
//   probable]`, where the mode marks the changes (the legend says so);
// - a kept line break (verse, code: the witness's lines matter) is a newline, with the next
//   line's indentation as the witness has it;
// - a gap is a paragraph of its own: `(Text not available here.)`;
// - a note marker is `[1]` after the passage; the notes follow the text as numbered endnotes,
//   title first, then the note's Markdown verbatim, indented by four spaces (Markdown is written
//   to be read as it stands, and stripping it would lose link targets); notes on passages the
//   mode does not show (struck text, in `target`) follow under their own heading;
// - paragraphs are separated by a blank line and never hard-wrapped; the citation closes the text.
// Plain text has no escape: text is written exactly as it is.

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
	HIDDEN_NOTES,
	type Pen,
	type ShownMove,
	type ShownNote
} from './modes';

const struck = (text: string) => `[-${text}-]`;
const added = (text: string) => `{+${text}+}`;
const moved = (text: string, move: ShownMove, continued: boolean) =>
	`[${moveWords(move, continued)}: ${text}]`;
const attribution = (words: string[]) => `[${words.join('; ')}]`;

/** Writes the excerpt as plain text, as its mode shows it. */
export function toText(excerpt: Excerpt): string {
	const { blocks, notes } = show(excerpt);
	const numbers = new Map(notes.map((n) => [n.id, n.number]));
	const marker = (id: string) => `[${numbers.get(id)}]`;
	const line = (indent: string) => `\n${indent}`;
	const pen: Pen = { text: (s) => s, struck, added, moved, marker, attribution, line };

	const head = [excerpt.title, subtitle(excerpt, formatDate(excerpt.date)), legend(excerpt, pen)];
	const out = [
		head.join('\n'),
		...blocks.map((b) =>
			b.kind === 'gap' ? `(${gapWords(b, excerpt)})` : writeParagraph(b.spans, pen)
		)
	];
	const list = (heading: string, listed: ShownNote[]) => {
		if (listed.length === 0) return;
		out.push(heading);
		for (const n of listed) {
			out.push(`[${n.number}] ${n.title}\n${indent(n.markdown.trim())}`.trimEnd());
		}
	};
	list('Notes', notes.filter((n) => !n.hidden));
	list(HIDDEN_NOTES, notes.filter((n) => n.hidden));
	out.push(`Cite as: ${chicagoCitation(excerpt)}`);
	return out.join('\n\n') + '\n';
}
