// The meta tags that let reference managers (Zotero and the like) save a page: Highwire's
// `citation_*`, which Zotero and Google Scholar read first, and Dublin Core's `DC.*`, with a
// canonical link. One writer for the case pages and the HTML export (`comparisonHead`), so that
// the same work is saved the same way from both.
//
// How Zotero reads them (its "Embedded Metadata" translator, which most reference managers
// follow) decides three things here:
// - Dates are ISO 8601, `1938-03-12`, in `citation_date` as in `DC.date`. Google Scholar's
//   guidelines show `1938/03/12`, but Zotero reads either form into the same date, ISO is the form
//   DC.date requires, and it is how the corpus writes dates: one form everywhere.
// - A translation has no `citation_author`. Highwire has no tag for a translator, and once Zotero
//   finds a `citation_author` it drops every creator given any other way: the speaker would be
//   saved as the sole author of the translator's English. Without it Zotero takes the creators
//   from the Dublin Core and Zotero vocabularies: `DC.creator` (the speaker) as the author and
//   `z.translators` (Zotero's own RDF term) as the translator. `DC.contributor` names the
//   translator too, for Dublin Core readers; Zotero reads a contributor only where no creator is
//   given, so it does not make the translator an author.
// - A page's address is root-relative (`/cases/gettysburg/hay/bliss`): the site is prerendered
//   and may be published under any address, and reference managers resolve it against the page.

import { hasDate, formatDate } from '../format';
import type { ExcerptWitness } from '../types';
import { SITE, translatorsOf } from './citation';
import { subtitle } from './modes';

/** What a page says about the work it shows. */
export interface CitedWork {
	title: string;
	/** Who spoke or wrote the text. */
	authors: string[];
	/** Who translated it, when the text shown is a translation. */
	translators?: string[];
	/** `YYYY-MM-DD`; left out when empty (a reader's comparison may have no date). */
	date?: string;
	/** BCP 47 tag of the text's language. */
	language?: string;
	/** The publisher and the address to cite; absent for a private comparison, which has none. */
	published?: { publisher: string; url?: string };
	/** One line on what the page shows, and the full citations of its sources. */
	description?: string;
	sources?: string[];
}

/** The meta tags as `[name, content]` pairs, in the order they are written. */
export function citationMeta(work: CitedWork): [string, string][] {
	const { title, authors, published, description } = work;
	const translators = work.translators ?? [];
	const date = hasDate(work.date) ? work.date : undefined;
	const language = work.language || undefined;
	const each = (name: string, values: string[]) =>
		values.map((value): [string, string] => [name, value]);
	const tags: [string, string | undefined][] = [
		['citation_title', title],
		...(translators.length ? [] : each('citation_author', authors)),
		['citation_date', date],
		['citation_language', language],
		['citation_publisher', published?.publisher],
		['citation_public_url', published?.url],
		['DC.title', title],
		...each('DC.creator', authors),
		...each('DC.contributor', translators),
		...each('z.translators', translators),
		['DC.publisher', published?.publisher],
		['DC.date', date],
		['DC.language', language],
		['DC.type', 'Text'],
		['DC.format', 'text/html'],
		['DC.identifier', published?.url],
		['DC.description', description],
		...each('DC.source', work.sources ?? [])
	];
	return tags.filter((tag): tag is [string, string] => tag[1] !== undefined);
}

/** A comparison as a case page shows it or an excerpt of it is exported. */
export interface CitedComparison {
	/** The title to cite: the case's, or for a page of another pair, one that names the pair. */
	title: string;
	kind: string;
	date: string;
	authors: string[];
	language: string;
	/** The two witnesses compared, with their translators. */
	base: Pick<ExcerptWitness, 'label' | 'translator'>;
	target: Pick<ExcerptWitness, 'label' | 'translator'>;
	/** Full citations of the case's sources. */
	sources: string[];
	/** The address to cite; absent for a reader's own comparison, which has none and no publisher. */
	url?: string;
}

/**
 * What the head of a page of a comparison says to reference managers: its meta tags, and the
 * address of the page as its canonical link (the cited address without the view mode and the
 * place in the text, which only say how to show it).
 */
export function comparisonHead(c: CitedComparison): { meta: [string, string][]; canonical?: string } {
	const meta = citationMeta({
		title: c.title,
		authors: c.authors,
		translators: translatorsOf([c.base, c.target]),
		date: c.date,
		language: c.language,
		published: c.url === undefined ? undefined : { publisher: SITE, url: c.url },
		description: subtitle(c, formatDate(c.date)),
		sources: c.sources
	});
	const canonical = c.url?.replace(/[?#].*$/s, '');
	return canonical ? { meta, canonical } : { meta };
}
