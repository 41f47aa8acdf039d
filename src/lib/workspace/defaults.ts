// A new comparison, and the ids its texts get from their labels.

import type { Cause } from '../types';
import type { Workspace, WorkspaceAttribution } from './types';

/** A comparison with nothing in it yet: two empty texts, spoken against published. `today` is an
 * ISO date (`2024-05-01`), passed in so that the result does not depend on the clock. */
export function emptyWorkspace(today: string): Workspace {
	return {
		texts: [
			{ id: 'spoken', label: 'As spoken', text: '', origin: 'pasted' },
			{ id: 'published', label: 'As published', text: '', origin: 'pasted' }
		],
		base: 'spoken',
		target: 'published',
		notes: [],
		attributions: [],
		meta: {
			title: 'Untitled comparison',
			date: today,
			people: [],
			language: 'en',
			summary: '',
			kind: 'Redaction',
			source: '',
			rights: 'The texts belong to their owners; this comparison was made privately.'
		},
		mode: 'marks'
	};
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
