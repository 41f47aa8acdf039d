// The citation every export ends with, in Chicago note style: what the reader cites when they
// quote an excerpt. Pure: the access date comes in with the excerpt, never from the clock.

import { formatDate } from '../format';
import type { Excerpt } from '../types';

/** The site's name, as cited. */
export const SITE = 'Pencilmarks';

/**
 * `“Title,” Kind, 12 March 1938, Pencilmarks, <permalink>, accessed 27 November 2026.` then the
 * sources' full citations, each a sentence of its own. Plain text: each format escapes it.
 *
 * A reader's own comparison has no address anyone else can open and was published by nobody: it
 * is cited with what the reader gave (title, people, sources) and said to be private,
 * `“Title,” Kind, 12 March 1938, Ann Author (speaker). A private comparison, not published;
 * exported 27 November 2026.`
 */
export function chicagoCitation(excerpt: Excerpt): string {
	const { title, kind, date, citation } = excerpt;
	// Chicago puts the comma inside the quotes, unless the title ends with its own stop.
	const quoted = /[?!]$/.test(title) ? `“${title}”` : `“${title},”`;
	const when = formatDate(date) || 'n.d.';
	const people = excerpt.private?.people.filter((p) => p.trim()) ?? [];
	const line = excerpt.private
		? `${sentence(`${quoted} ${kind}, ${when}${people.length ? `, ${people.join('; ')}` : ''}`)} ` +
			`A private comparison, not published; exported ${formatDate(citation.accessed)}.`
		: `${quoted} ${kind}, ${when}, ${SITE}, ${citation.permalink}, ` +
			`accessed ${formatDate(citation.accessed)}.`;
	if (citation.sources.length === 0) return line;
	const label = citation.sources.length === 1 ? 'Source' : 'Sources';
	return `${line} ${label}: ${citation.sources.map(sentence).join(' ')}`;
}

/** A citation as a sentence: ends with a stop, added only when it has none. */
function sentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
