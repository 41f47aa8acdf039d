// Builds the Excerpt that every export format writes, from what the reader has on screen.

import { show, type ShownSpan } from '$lib/export/modes';
import { runsOf } from '$lib/pipeline/chunks';
import { cut, cutShown, formatExcerptFragment, type Range } from '$lib/pipeline/excerpt';
import type { LaidText } from '$lib/pipeline/laid';
import type { CaseView } from '$lib/view';
import { DEFAULT_HIDDEN, hiddenParam, kindsInOrder, NONE_BY, type Hidden, type HiddenBy } from '$lib/modes';
import type { Block, Excerpt, ExcerptWitness, ViewMode } from '$lib/types';

/**
 * The absolute link that reopens the page at `page` (origin and path) in `mode`, with the kinds of
 * change `hidden`, at `fragment`.
 */
export function permalink(
	page: string,
	mode: ViewMode,
	fragment: string,
	hidden: Hidden = DEFAULT_HIDDEN,
	by: HiddenBy = NONE_BY
): string {
	const query = new URLSearchParams();
	if (mode !== 'marks') query.set('mode', mode);
	const hide = hiddenParam(hidden);
	if (hide !== null) query.set('hide', hide);
	for (const hand of by.hands) query.append('hide-hand', hand);
	for (const cause of by.causes) query.append('hide-cause', cause);
	const search = query.size ? `?${query.toString().replaceAll('%2C', ',')}` : '';
	return `${page}${search}#${fragment}`;
}

/**
 * The excerpt `range` of a text, as on screen: in `mode`, with the kinds of change `hidden`
 * unmarked, and with `context` set (the changes-only view), the unchanged paragraphs folded as on
 * screen.
 */
export function buildExcerpt(
	view: CaseView,
	text: LaidText,
	range: Range,
	options: {
		mode: ViewMode;
		hidden?: Hidden;
		/** Changes made quiet by a hand or cause hidden (ids), and those hidden, as the exports name them. */
		quiet?: ReadonlySet<string>;
		hiddenBy?: { hands: string[]; causes: string[] };
		/** The hands and causes hidden, by key, for the permalink. */
		by?: HiddenBy;
		includeNotes: boolean;
		page: string;
		accessed: string;
		context?: number | null;
	}
): Excerpt {
	const context = options.context ?? null;
	const hidden = options.hidden ?? DEFAULT_HIDDEN;
	const blocks =
		context === null
			? cut(text, range)
			: cutShown(text, range, runsOf(text, options.mode, context, new Set(), hidden, quietIndices(text, options.quiet)));
	const marked = new Set(
		blocks.flatMap((b) => (b.kind === 'paragraph' ? b.spans.flatMap((s) => s.noteMarkers ?? []) : []))
	);
	const attributions = attributionsIn(blocks, view);
	return {
		title: view.title,
		slug: view.slug,
		kind: view.kind,
		date: view.date,
		authors: view.authors,
		base: described(view, view.base),
		target: described(view, view.target),
		mode: options.mode,
		...(hidden.size ? { hidden: kindsInOrder(hidden) } : {}),
		...(options.quiet?.size ? { quiet: [...options.quiet] } : {}),
		...(options.hiddenBy && options.hiddenBy.hands.length + options.hiddenBy.causes.length
			? { hiddenBy: options.hiddenBy }
			: {}),
		comparisonFigures: view.stats.byWitness,
		blocks,
		...(attributions ? { attributions } : {}),
		notes: options.includeNotes
			? view.notes
					.filter((n) => marked.has(n.noteId))
					.map((n) => ({ id: n.noteId, title: n.title, markdown: n.markdown, html: n.html }))
			: [],
		// A private comparison's address opens only in the browser that made it: it has none.
		...(view.private ? { private: { people: view.people } } : {}),
		citation: {
			sources: view.sources.map((s) => s.citation),
			permalink: view.private
				? ''
				: permalink(options.page, options.mode, formatExcerptFragment(text, range), hidden, options.by),
			accessed: options.accessed
		}
	};
}

/**
 * A witness of the pair with what the case says of it, for the citation. A reader's own texts say
 * only where they came from (a file name, "pasted"), which is no description: they keep their label.
 */
function described(view: CaseView, pair: ExcerptWitness): ExcerptWitness {
	const w = view.witnesses.find((x) => x.id === pair.id);
	if (view.private || !w) return { ...pair };
	const { description, translator, written, heldBy } = w;
	return {
		...pair,
		description,
		...(translator ? { translator } : {}),
		...(written ? { written } : {}),
		...(heldBy ? { heldBy } : {})
	};
}

/** What is said of who made the changes in `blocks`, why and how sure; undefined if nothing. */
function attributionsIn(blocks: Block[], view: CaseView): Excerpt['attributions'] {
	const said: NonNullable<Excerpt['attributions']> = {};
	for (const block of blocks) {
		if (block.kind !== 'paragraph') continue;
		for (const { change } of block.spans) {
			const attribution = change && view.attributions[change];
			if (!attribution || said[change]) continue;
			// What the excerpt says of the change, not what the page counts of it.
			const { id: _id, wordsStruck: _struck, wordsAdded: _added, ...rest } = attribution;
			said[change] = rest;
		}
	}
	return Object.keys(said).length ? said : undefined;
}

/** A word of an excerpt as its mode shows it, with its mark. */
export interface ShownWord {
	text: string;
	mark: ShownSpan['mark'];
}

/**
 * The words of the excerpt as its mode shows it, each with its mark, for a summary of what it
 * covers. A word ends at white space, at a paragraph's end and where its mark changes, so that a
 * rewrite reads as a word struck and a word added ("everlasting" "eternal"), never as the two
 * run together ("everlastingeternal"), which is what the aligned text holds.
 */
export function shownWords(excerpt: Excerpt): ShownWord[] {
	const words: ShownWord[] = [];
	for (const block of show(excerpt).blocks) {
		if (block.kind !== 'paragraph') continue;
		let current: ShownWord | null = null;
		for (const span of block.spans) {
			for (const piece of span.text.split(/(\s+)/)) {
				if (piece === '') continue;
				if (/^\s/.test(piece)) current = null;
				else if (current && current.mark === span.mark) current.text += piece;
				else words.push((current = { text: piece, mark: span.mark }));
			}
		}
	}
	return words;
}

/** The indices of the changes with these ids (those still in the text). */
export function quietIndices(text: LaidText, ids: ReadonlySet<string> = new Set()): ReadonlySet<number> {
	const found = new Set<number>();
	for (const id of ids) {
		const c = text.changeIndex(id);
		if (c >= 0) found.add(c);
	}
	return found;
}
