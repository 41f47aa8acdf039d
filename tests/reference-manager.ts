// What a reference manager saves from a page: the rules of Zotero's "Embedded Metadata" web
// translator (zotero/translators, `Embedded Metadata.js`, with the `RDF.js` import it hands Dublin
// Core and other vocabularies to), which Zotero and the tools modelled on it follow. Only the rules
// for the fields a citation needs are written here: title, creators, date, address, language,
// publisher and abstract. The item type, and which fields Zotero keeps for it, are left out.
//
// The order of the rules is the translator's:
// 1. Meta tags whose name starts with a known vocabulary's prefix (`DC.`, `dcterms.`, `z.`,
//    `bib.`, `og:` …; split at the first `.`, `:` or `_`) become RDF statements, and the RDF import
//    fills the item from them: `dc:title`, `dc:date`, `dc:publisher`, `dc:language`,
//    `dc:description` (the abstract); authors from the first of `bib:authors`, `dc:creator`,
//    `dcterms:creator`, then `dc:contributor` (only when none of those is given); contributors from
//    `bib:contributors`; editors from `bib:editors`; translators from `z:translators`.
// 2. Highwire tags overwrite what they name (the first tag whose name ends with it):
//    `citation_title`, `citation_date`, `citation_publisher`, `citation_public_url` (the address),
//    `citation_language`, `citation_abstract`. Creators come from `citation_author` (or
//    `citation_authors`) and `citation_editor`: a value holding `;` is several names, and a single
//    tag holding a comma with a space on both sides of it is several names too. When there is any
//    Highwire creator, the RDF creators are dropped (only an editor's role is kept for a name
//    given both ways).
// 3. What is still missing is guessed: the title from `<title>`, the abstract from
//    `<meta name="description">`, the address from `<link rel="canonical">` or else the page's,
//    the language from `<meta name="language">` or `<html lang>`.
// 4. An address is resolved against the page, as the translator's `relativeToAbsolute` does.
// Names are split as `ZU.cleanAuthor` splits them: `Last, First`, or else the last word is the
// last name.

import type { Page } from '@playwright/test';

/** The parts of a page's `<head>` (and `<html>`) that the translator reads. */
export interface Head {
	url: string;
	lang: string | null;
	title: string;
	meta: { name: string | null; property: string | null; content: string | null }[];
	links: { rel: string | null; href: string | null }[];
}

export interface Creator {
	firstName: string;
	lastName: string;
	creatorType: 'author' | 'editor' | 'contributor' | 'translator';
}

/** The item as saved, with the fields a citation needs. */
export interface Item {
	title?: string;
	creators: Creator[];
	date?: string;
	url?: string;
	language?: string;
	publisher?: string;
	abstractNote?: string;
}

/** Reads the page's head as the translator finds it, after the page's scripts have run. */
export async function headOf(page: Page): Promise<Head> {
	return page.evaluate(() => ({
		url: location.href,
		lang: document.documentElement.getAttribute('lang'),
		title: document.title,
		meta: [...document.querySelectorAll('meta')].map((m) => ({
			name: m.getAttribute('name'),
			property: m.getAttribute('property'),
			content: m.getAttribute('content')
		})),
		links: [...document.querySelectorAll('head link')].map((l) => ({
			rel: l.getAttribute('rel'),
			href: l.getAttribute('href')
		}))
	}));
}

const prefixes: Record<string, string> = {
	dc: 'http://purl.org/dc/elements/1.1/',
	dcterms: 'http://purl.org/dc/terms/',
	z: 'http://www.zotero.org/namespaces/export#',
	bib: 'http://purl.org/net/biblio#',
	og: 'http://ogp.me/ns#',
	prism: 'http://prismstandard.org/namespaces/1.2/basic/',
	eprints: 'http://purl.org/eprint/terms/'
};

/** `ZU.cleanAuthor`, for the names a page gives: `Last, First`, or the last word as last name. */
function cleanAuthor(name: string, creatorType: Creator['creatorType']): Creator {
	const clean = name.replace(/\s+/g, ' ').trim();
	if (clean.includes(',')) {
		const [lastName, ...first] = clean.split(/\s*,\s*/);
		return { firstName: first.join(', '), lastName, creatorType };
	}
	const at = clean.lastIndexOf(' ');
	return { firstName: at < 0 ? '' : clean.slice(0, at), lastName: clean.slice(at + 1), creatorType };
}

/** What the translator saves from a page with this head. */
export function readItem(head: Head): Item {
	// The vocabularies are read from `name` or else `property`; Highwire from `name` only.
	const tags = head.meta.flatMap(({ name, property, content }) => {
		const key = name ?? property;
		return key && content ? key.split(/\s+/).map((tag) => ({ tag, content, named: !!name })) : [];
	});

	// 1. Vocabularies, through the RDF import.
	const statements = new Map<string, string[]>();
	for (const { tag, content } of tags) {
		const at = tag.search(/[.:_]/);
		const prefix = prefixes[tag.slice(0, at).toLowerCase()];
		if (at < 0 || !prefix) continue;
		const property = prefix + tag.charAt(at + 1).toLowerCase() + tag.slice(at + 2);
		statements.set(property, [...(statements.get(property) ?? []), content]);
	}
	const first = (...properties: string[]) => {
		for (const p of properties) {
			const values = statements.get(p);
			if (values) return values;
		}
		return undefined;
	};
	const { dc, dcterms, z, bib } = prefixes;
	const item: Item = { creators: [] };
	item.title = first(dc + 'title', dcterms + 'title')?.[0];
	item.date = first(dcterms + 'issued', dc + 'date', dcterms + 'date')?.[0];
	item.publisher = first(dc + 'publisher', dcterms + 'publisher')?.[0];
	item.language = first(dc + 'language', dcterms + 'language')?.[0];
	item.abstractNote = first(dcterms + 'abstract', dc + 'description', dcterms + 'description')?.[0];
	const rdfCreators: Creator[] = [
		...(first(bib + 'authors', dc + 'creator', dcterms + 'creator', dc + 'contributor', dcterms + 'contributor') ?? []).map(
			(n) => cleanAuthor(n, 'author')
		),
		...(first(bib + 'contributors') ?? []).map((n) => cleanAuthor(n, 'contributor')),
		...(first(bib + 'editors') ?? []).map((n) => cleanAuthor(n, 'editor')),
		...(first(z + 'translators') ?? []).map((n) => cleanAuthor(n, 'translator'))
	];

	// 2. Highwire.
	const highwire = (name: string) =>
		tags.filter((t) => t.named && t.tag.endsWith(name)).map((t) => t.content);
	const fields: [keyof Item, string][] = [
		['title', 'citation_title'],
		['date', 'citation_date'],
		['publisher', 'citation_publisher'],
		['url', 'citation_public_url'],
		['language', 'citation_language'],
		['abstractNote', 'citation_abstract']
	];
	for (const [field, name] of fields) {
		const value = highwire(name)[0]?.replace(/\s+/g, ' ').trim();
		if (value) (item[field] as string) = value;
	}
	const names = (values: string[], role: Creator['creatorType']) =>
		values.flatMap((value) => {
			let parts = value.split(/\s*;\s*/);
			const byComma = parts[0].split(/\s*,\s*/);
			if (parts.length === 1 && values.length === 1 && byComma.length > 1 && byComma[0].includes(' ') && byComma[1].includes(' ')) {
				parts = byComma;
			}
			return parts.filter((p) => /[^\s,-.;]/.test(p)).map((p) => cleanAuthor(p, role));
		});
	const authors = highwire('citation_author');
	const highwireCreators = [
		...names(authors.length ? authors : highwire('citation_authors'), 'author'),
		...names(highwire('citation_editor'), 'editor')
	];
	item.creators = highwireCreators.length ? highwireCreators : rdfCreators;

	// 3. Guesses.
	item.title ??= head.title;
	item.abstractNote ??= head.meta.find((m) => m.name?.toLowerCase() === 'description')?.content ?? undefined;
	item.url ??= head.links.find((l) => l.rel === 'canonical')?.href ?? head.url;
	item.language ??= head.meta.find((m) => m.name?.toLowerCase() === 'language')?.content ?? head.lang ?? undefined;

	// 4. Addresses.
	item.url = new URL(item.url, head.url).href;
	return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as Item;
}
