import { error } from '@sveltejs/kit';
import { caseApparatus } from '$lib/apparatus-view';
import { getCase, getCases } from '$lib/server/corpus';
import type { EntryGenerator, PageServerLoad } from './$types';

// The apparatus with each other witness as its base; the case's own base lives at /apparatus.
export const entries: EntryGenerator = () =>
	getCases()
		.filter((c) => c.witnesses.length > 2)
		.flatMap((c) =>
			c.witnesses.filter((w) => w.id !== c.comparison.base).map((w) => ({ slug: c.slug, base: w.id }))
		);

export const load = (({ params }) => {
	const found = getCase(params.slug);
	if (!found) error(404, `No case called “${params.slug}”`);
	if (!found.witnesses.some((w) => w.id === params.base)) {
		error(404, `“${found.title}” has no witness ${params.base}`);
	}
	return caseApparatus(found, params.base);
}) satisfies PageServerLoad;
