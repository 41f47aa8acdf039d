import { getCases } from '$lib/server/corpus';
import { caseView } from '$lib/view';
import type { PageServerLoad } from './$types';

export const load = (() => ({
	cases: getCases().map((c) => {
		const { slug, title, date, summary, kind, stats, base, target } = caseView(c);
		return { slug, title, date, summary, kind, stats, base, target, witnesses: c.witnesses.length };
	})
})) satisfies PageServerLoad;
