// Markdown export of an apparatus excerpt (GitHub-flavoured: footnotes), as a classic apparatus
// criticus (classic.ts): a key to the sigla, the base's text with a footnote at each variant place,
// and each footnote the entry of its place:
//
//   …brought forth,[^1] upon[^2] this continent…
//   [^2]: upon Nicolay, Hay, Everett] on Bancroft, Bliss
//
// - An empty reading is `*omitted*` (`*a space*` for white space where the base has no words and
//   no word stands beside it).
// - Notes are footnotes too, marked `[^n1]`, `[^n2]`… so that they are not taken for variants;
//   their definitions follow the entries', as the pair export writes them (title in bold, then the
//   note indented).
// - The legend, the sigla and the citation are as in the pair export; text is escaped first.

import { chicagoCitation } from '../citation';
import { citationMarkdown, escapeLineStart, escapeMarkdown, noteMarkdown } from '../markdown';
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

const em = (text: string) => `*${text}*`;

/** A reading, then its sigla: `on Bancroft, Bliss`, `*omitted* Everett`. */
function reading(r: ShownReading): string {
	const text = r.empty ? em(r.empty === 'omitted' ? 'omitted' : 'a space') : escapeMarkdown(r.text);
	return `${text} ${escapeMarkdown(r.sigla.join(', '))}`;
}

/** An entry: the lemma and its sigla, `]`, the other readings. */
export function entryMarkdown(entry: ApparatusEntry): string {
	const [lemma, ...others] = entry.readings;
	return `${reading(lemma)}] ${others.map(reading).join('; ')}`;
}

/** Writes the apparatus excerpt as Markdown. */
export function apparatusMarkdown(excerpt: ApparatusExcerpt): string {
	const { paragraphs, entries } = classicApparatus(excerpt);
	const part = (p: TextPart) =>
		typeof p === 'string' ? escapeMarkdown(p) : 'variant' in p ? `[^${p.variant}]` : `[^n${p.note}]`;
	const paragraph = (parts: TextPart[]) => parts.map(part).join('').split('\n').map(escapeLineStart).join('\n');
	const key = siglaKey(excerpt).map(({ siglum, words }) =>
		`- **${escapeMarkdown(siglum)}**${words ? `: ${escapeMarkdown(words)}` : ''}`
	);
	const out = [
		`# ${escapeMarkdown(excerpt.title)}`,
		escapeMarkdown(apparatusSubtitle(excerpt)),
		apparatusLegend(excerpt, { text: escapeMarkdown, em }),
		'## Sigla',
		key.join('\n'),
		'## Text',
		...paragraphs.map(paragraph),
		'## Citation',
		citationMarkdown(chicagoCitation(excerpt)),
		...entries.map((e) => `[^${e.number}]: ${entryMarkdown(e)}`),
		...excerpt.notes.flatMap((n, i) => [`[^n${i + 1}]: **${escapeMarkdown(n.title)}**`, indent(noteMarkdown(n))])
	];
	return out.filter((block) => block !== '').join('\n\n') + '\n';
}
