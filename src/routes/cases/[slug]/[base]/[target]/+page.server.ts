import { error } from '@sveltejs/kit';
import { getCase, getCases } from '$lib/server/corpus';
import { caseView } from '$lib/view';
import type { EntryGenerator, PageServerLoad } from './$types';

// Any two witnesses of a case, either way round, are prerendered; the case's own pair lives at
// /cases/<case> and is not written twice.
export const entries: EntryGenerator = () =>
	getCases().flatMap((c) =>
		c.witnesses.flatMap((base) =>
			c.witnesses
				.filter((target) => target.id !== base.id)
				.filter((target) => base.id !== c.comparison.base || target.id !== c.comparison.target)
				.map((target) => ({ slug: c.slug, base: base.id, target: target.id }))
		)
	);

export const load = (({ params }) => {
	const found = getCase(params.slug);
	if (!found) error(404, `No case called “${params.slug}”`);
	const ids = found.witnesses.map((w) => w.id);
	if (!ids.includes(params.base) || !ids.includes(params.target) || params.base === params.target) {
		error(404, `“${found.title}” has no pair ${params.base} and ${params.target}`);
	}
	return caseView(found, { base: params.base, target: params.target });
}) satisfies PageServerLoad;
