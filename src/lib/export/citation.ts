// The citation every export ends with, in Chicago note style: what the reader cites when they
// quote an excerpt. Pure: the access date comes in with the excerpt, never from the clock.

import { formatDate } from '../format';
import type { ApparatusExcerpt, Excerpt, ExcerptWitness } from '../types';

/** The site's name, as cited. */
export const SITE = 'Pencilmarks';

/** One sentence of what the record says of a witness, and which kind of fact it states. */
export interface WitnessFact {
	kind: 'description' | 'translation' | 'written' | 'held-by';
	text: string;
}

/**
 * What the record says of a witness, a sentence each: what it is and how it was made, who
 * translated it, when its original was written and who holds it. The page's "Sources and
 * witnesses", every export's citation and TEI's `<witness>` all say it in these words.
 */
export function witnessFacts(
	w: Pick<ExcerptWitness, 'description' | 'translator' | 'written' | 'heldBy'>
): WitnessFact[] {
	const facts: [WitnessFact['kind'], string | undefined][] = [
		['description', w.description],
		['translation', w.translator && `Translated by ${w.translator}`],
		['written', w.written && `Written: ${w.written}`],
		['held-by', w.heldBy && `Held by: ${w.heldBy}`]
	];
	return facts.flatMap(([kind, text]) => (text?.trim() ? [{ kind, text: sentence(text) }] : []));
}

/** Who translated the witnesses, each named once, in order. */
export function translatorsOf(witnesses: Pick<ExcerptWitness, 'translator'>[]): string[] {
	return [...new Set(witnesses.flatMap((w) => (w.translator?.trim() ? [w.translator.trim()] : [])))];
}

/**
 * `“Title,” Kind, 12 March 1938, Pencilmarks, <permalink>, accessed 27 November 2026.`, with
 * `translated by …` before the site when the witnesses are a translation (so that the speaker is
 * not cited as the author of the translator's words), then what the record says of each witness
 * (`witnessFacts`), then the sources' full citations, each a sentence of its own. Plain text: each
 * format escapes it.
 *
 * A reader's own comparison has no address anyone else can open and was published by nobody: it
 * is cited with what the reader gave (title, people, sources) and said to be private,
 * `“Title,” Kind, 12 March 1938, Ann Author (speaker). A private comparison, not published;
 * exported 27 November 2026.`
 *
 * An apparatus excerpt cites each of its witnesses as a pair's excerpt cites its two.
 */
export function chicagoCitation(excerpt: Excerpt | ApparatusExcerpt): string {
	const { title, kind, date, citation } = excerpt;
	const cited = 'witnesses' in excerpt ? excerpt.witnesses : [excerpt.base, excerpt.target];
	// Chicago puts the comma inside the quotes, unless the title ends with its own stop.
	const quoted = /[?!]$/.test(title) ? `“${title}”` : `“${title},”`;
	const when = formatDate(date) || 'n.d.';
	const people = excerpt.private?.people.filter((p) => p.trim()) ?? [];
	const translators = translatorsOf(cited);
	const translated = translators.length ? `translated by ${translators.join(' and ')}, ` : '';
	const line = excerpt.private
		? `${sentence(`${quoted} ${kind}, ${when}${people.length ? `, ${people.join('; ')}` : ''}`)} ` +
			`A private comparison, not published; exported ${formatDate(citation.accessed)}.`
		: `${quoted} ${kind}, ${when}, ${translated}${SITE}, ${citation.permalink}, ` +
			`accessed ${formatDate(citation.accessed)}.`;
	const described = cited
		.map((w) => ({ label: w.label, facts: witnessFacts(w) }))
		.filter((w) => w.facts.length > 0);
	const witnesses = described.length
		? ` Witnesses: ${described.map((w) => `${w.label}: ${w.facts.map((f) => f.text).join(' ')}`).join(' ')}`
		: '';
	if (citation.sources.length === 0) return line + witnesses;
	const label = citation.sources.length === 1 ? 'Source' : 'Sources';
	return `${line}${witnesses} ${label}: ${citation.sources.map(sentence).join(' ')}`;
}

/** A citation as a sentence: ends with a stop, added only when it has none. */
function sentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
