// A new comparison, what the page calls things the reader has not named, and the ids its texts
// get from their labels.

import { showControls } from '../bidi';
import { UNDETERMINED } from '../language';
import type { Cause } from '../types';
import type { Workspace, WorkspaceAttribution } from './types';

/** What a comparison whose kind the reader has not given is called in its exports. */
export const DEFAULT_KIND = 'Comparison';

/** Kinds offered as the reader types one (any words may be given). */
export const KIND_SUGGESTIONS = [
	'Redaction',
	'Censorship',
	'Draft-to-final revision history',
	'Two editions',
	'Translation',
	'Licence versions'
];

/** The kind of comparison as exports say it: the reader's words, or `Comparison`. */
export function kindOf(kind: string): string {
	return kind.trim() || DEFAULT_KIND;
}

/** A comparison with nothing in it yet: two empty texts, spoken against published, of no known
 * date, kind or language. */
export function emptyWorkspace(): Workspace {
	const text = (id: string, label: string) => ({
		id,
		label,
		text: '',
		origin: 'pasted',
		language: UNDETERMINED
	});
	return {
		texts: [text('spoken', 'As spoken'), text('published', 'As published')],
		base: 'spoken',
		target: 'published',
		notes: [],
		attributions: [],
		meta: {
			title: 'Untitled comparison',
			date: '',
			people: [],
			summary: '',
			kind: '',
			source: '',
			rights: 'The texts belong to their owners; this comparison was made privately.'
		},
		mode: 'marks'
	};
}

/**
 * Whether a text's `label` is one the page gave it, not one the reader typed: a new text's
 * (`As spoken`, `As published`, `Version 3`), or the name taken from the file it was read from
 * (`origin`). Only such a name gives way to the next file's.
 */
export function isGivenLabel(label: string, origin: string): boolean {
	if (/^(?:As spoken|As published|Version \d+)$/.test(label)) return true;
	return origin !== 'pasted' && label === nameFromFile(origin);
}

/**
 * What a text read from the file `name` is called: the name without its extension
 * (`gpl-2.0.txt` -> `gpl-2.0`, `letter.tei.xml` -> `letter`), directional controls shown as marks
 * (see bidi.ts). A name with no extension (`v2.0`: `.0` is none) is kept whole.
 */
export function nameFromFile(name: string): string {
	const stem = name.replace(/(?:\.tei)?\.[A-Za-z][A-Za-z0-9]{0,9}$/i, '');
	return showControls(stem || name);
}

/** Longest id `slugify` makes: ids end up in addresses and folder names. */
const maxLength = 60;

/**
 * An id for a label: lowercase ASCII letters, digits and hyphens, starting with a letter or digit
 * (what corpus ids allow). Accents are dropped (`Élysée` -> `elysee`) and apostrophes vanish
 * rather than split a word (`Bukharin’s` -> `bukharins`); letters without an ASCII form, such as
 * Cyrillic, are dropped, and a label left with nothing becomes `fallback`.
 */
export function slugify(label: string, fallback = 'text'): string {
	let slug = label
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['‘’ʼ]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length > maxLength) {
		// Cut at a hyphen when there is one, so that the id does not end in half a word.
		const cut = slug.slice(0, maxLength + 1).lastIndexOf('-');
		slug = slug.slice(0, cut > 0 ? cut : maxLength).replace(/-+$/, '');
	}
	return slug || fallback;
}

/** `base`, or `base-2`, `base-3` ... whichever is first not in `taken`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	if (!used.has(base)) return base;
	let n = 2;
	while (used.has(`${base}-${n}`)) n++;
	return `${base}-${n}`;
}

/**
 * The causes the reader named, in the order first named: each distinct wording once, with an id
 * made from it (`Data protection` -> `data-protection`, then `-2` for a wording that makes the
 * same id), as a case's changes.txt names its causes.
 */
export function workspaceCauses(attributions: Pick<WorkspaceAttribution, 'cause'>[]): Cause[] {
	const causes: Cause[] = [];
	for (const { cause } of attributions) {
		if (!cause || causes.some((c) => c.label === cause)) continue;
		const id = uniqueId(slugify(cause, 'cause'), causes.map((c) => c.id));
		causes.push({ id, label: cause });
	}
	return causes;
}
