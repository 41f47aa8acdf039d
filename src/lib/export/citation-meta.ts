// The meta tags that let reference managers (Zotero and the like) save a page: Highwire's
// `citation_*`, which Zotero and Google Scholar read first, and Dublin Core's `DC.*`. One writer
// for the case pages and the HTML export, so that the same work is saved the same way from both.
//
// Dates are ISO 8601, `1938-03-12`, in `citation_date` as in `DC.date`. Google Scholar's
// guidelines show `1938/03/12`, but Zotero's Embedded Metadata translator reads either form into
// the same date, ISO is the form DC.date requires, and it is how the corpus writes dates: one
// form everywhere, which nothing has to convert.

import { hasDate } from '../format';

/** What a page says about the work it shows. */
export interface CitedWork {
	title: string;
	authors: string[];
	/** `YYYY-MM-DD`; left out when empty (a reader's comparison may have no date). */
	date?: string;
	/** The publisher and the address to cite; absent for a private comparison, which has none. */
	published?: { publisher: string; url?: string };
	/** One line on what the page shows, and the full citations of its sources. */
	description?: string;
	sources?: string[];
}

/** The meta tags as `[name, content]` pairs, in the order they are written. */
export function citationMeta(work: CitedWork): [string, string][] {
	const { title, authors, published, description } = work;
	const date = hasDate(work.date) ? work.date : undefined;
	const tags: [string, string | undefined][] = [
		['citation_title', title],
		...authors.map((a): [string, string] => ['citation_author', a]),
		['citation_date', date],
		['citation_publisher', published?.publisher],
		['citation_public_url', published?.url],
		['DC.title', title],
		...authors.map((a): [string, string] => ['DC.creator', a]),
		['DC.publisher', published?.publisher],
		['DC.date', date],
		['DC.type', 'Text'],
		['DC.format', 'text/html'],
		['DC.identifier', published?.url],
		['DC.description', description],
		...(work.sources ?? []).map((s): [string, string] => ['DC.source', s])
	];
	return tags.filter((tag): tag is [string, string] => tag[1] !== undefined);
}
