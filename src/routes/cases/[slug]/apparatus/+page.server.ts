import { error } from '@sveltejs/kit';
import { caseApparatus } from '$lib/apparatus-view';
import { getCase, getCases } from '$lib/server/corpus';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every case of three witnesses or more has an apparatus page: all of them at once.
export const entries: EntryGenerator = () =>
	getCases()
		.filter((c) => c.witnesses.length > 2)
		.map((c) => ({ slug: c.slug }));

export const load = (({ params }) => {
	const found = getCase(params.slug);
	if (!found) error(404, `No case called “${params.slug}”`);
	return caseApparatus(found);
}) satisfies PageServerLoad;
