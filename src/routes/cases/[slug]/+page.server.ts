import { error } from '@sveltejs/kit';
import { getCase, getCases } from '$lib/server/corpus';
import { caseView } from '$lib/view';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getCases().map((c) => ({ slug: c.slug }));

export const load = (({ params }) => {
	const found = getCase(params.slug);
	if (!found) error(404, `No case called “${params.slug}”`);
	return caseView(found);
}) satisfies PageServerLoad;
