// Builds the Excerpt that every export format writes, from what the reader has on screen.

import { cut, formatExcerptFragment, type Range } from '$lib/pipeline/excerpt';
import type { CaseView } from '$lib/view';
import type { Excerpt, ViewMode } from '$lib/types';

/** The absolute link that reopens the page at `page` (origin and path) in `mode`, at `fragment`. */
export function permalink(page: string, mode: ViewMode, fragment: string): string {
	const query = mode === 'marks' ? '' : `?mode=${mode}`;
	return `${page}${query}#${fragment}`;
}

export function buildExcerpt(
	view: CaseView,
	range: Range,
	options: { mode: ViewMode; includeNotes: boolean; page: string; accessed: string }
): Excerpt {
	const blocks = cut(view.blocks, range);
	const marked = new Set(
		blocks.flatMap((b) => (b.kind === 'paragraph' ? b.spans.flatMap((s) => s.noteMarkers ?? []) : []))
	);
	return {
		title: view.title,
		slug: view.slug,
		kind: view.kind,
		date: view.date,
		authors: view.authors,
		language: view.language,
		base: view.base,
		target: view.target,
		mode: options.mode,
		blocks,
		notes: options.includeNotes
			? view.notes
					.filter((n) => marked.has(n.noteId))
					.map((n) => ({ id: n.noteId, title: n.title, markdown: n.markdown, html: n.html }))
			: [],
		citation: {
			sources: view.sources.map((s) => s.citation),
			permalink: permalink(
				options.page,
				options.mode,
				formatExcerptFragment(view.blocks, range)
			),
			accessed: options.accessed
		}
	};
}
