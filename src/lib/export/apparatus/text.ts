// Plain-text export of an apparatus excerpt: the Markdown export without its markup (classic.ts).
// A variant place's mark is `[1]`, a note's `[n1]`; the entries follow the text under
// "Apparatus", `[1] upon Nicolay, Hay, Everett] on Bancroft, Bliss`, with an empty reading
// `(omitted)`; then the notes as numbered endnotes (title, then the note's Markdown verbatim,
// indented, as the pair export writes them), and `Cite as: …`. Nothing is escaped.

import { chicagoCitation } from '../citation';
import { indent } from '../modes';
import type { ApparatusExcerpt } from '../../types';
import {
	apparatusLegend,
	apparatusSubtitle,
	classicApparatus,
	siglaKey,
	type ApparatusEntry,
	type ShownReading,
	type TextPart
} from './classic';

const em = (text: string) => `(${text})`;

function reading(r: ShownReading): string {
	const text = r.empty ? em(r.empty === 'omitted' ? 'omitted' : 'a space') : r.text;
	return `${text} ${r.sigla.join(', ')}`;
}

/** An entry: the lemma and its sigla, `]`, the other readings. */
export function entryText(entry: ApparatusEntry): string {
	const [lemma, ...others] = entry.readings;
	return `${reading(lemma)}] ${others.map(reading).join('; ')}`;
}

/** Writes the apparatus excerpt as plain text. */
export function apparatusText(excerpt: ApparatusExcerpt): string {
	const { paragraphs, entries } = classicApparatus(excerpt);
	const part = (p: TextPart) => (typeof p === 'string' ? p : 'variant' in p ? `[${p.variant}]` : `[n${p.note}]`);
	const head = [excerpt.title, apparatusSubtitle(excerpt), apparatusLegend(excerpt, { text: (s) => s, em })];
	const key = siglaKey(excerpt).map(({ siglum, words }) => (words ? `${siglum}: ${words}` : siglum));
	const out = [head.join('\n'), ['Sigla', ...key].join('\n'), ...paragraphs.map((p) => p.map(part).join(''))];
	if (entries.length) out.push(['Apparatus', ...entries.map((e) => `[${e.number}] ${entryText(e)}`)].join('\n'));
	if (excerpt.notes.length) {
		out.push('Notes');
		excerpt.notes.forEach((n, i) => out.push(`[n${i + 1}] ${n.title}\n${indent(n.markdown.trim())}`.trimEnd()));
	}
	out.push(`Cite as: ${chicagoCitation(excerpt)}`);
	return out.join('\n\n') + '\n';
}
