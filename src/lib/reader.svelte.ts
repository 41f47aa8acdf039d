// The reader's place in a case: the mode on screen, the kinds of change hidden, whether the whole
// text or the changes only are shown, and the change they are on. All live in the URL
// (`?mode=target&hide=punctuation,layout&context=2#c-1x2y3z`),
// so a reload or a shared link opens the same view. Changes are looked up by index, never by
// scanning a list: a 4 MB pair has a hundred thousand of them.

import type { ChangeEdit, ChangeRef } from './pipeline/laid';
import {
	DEFAULT_HIDDEN,
	hiddenKind,
	hiddenParam,
	MODES,
	NONE_BY,
	parseHidden,
	parseMode,
	type Hidden,
	type HiddenBy
} from './modes';
import type { ChangeKind, ViewMode } from './types';

export type { ChangeRef };


/**
 * The fragment of `url` (`#c-1x2y3z`), decoded, or null when it holds an escape that cannot be
 * decoded (`#%`, `#%E0%A4%A`): a link cut short or typed by hand.
 */
export function fragmentOf(url: URL): string | null {
	try {
		return decodeURIComponent(url.hash.slice(1));
	} catch {
		return null;
	}
}

/** The changes of a text, in reading order (a LaidText is one). */
export interface Changes {
	readonly changeCount: number;
	change(c: number): ChangeRef;
	/** What change `c` does and its kind, without making its reference. */
	changeEdit(c: number): ChangeEdit;
	changeKindOf(c: number): ChangeKind | undefined;
	/** The index of the change with this id, or -1. */
	changeIndex(id: string): number;
}

/** The most paragraphs of context a link may ask for around each change. */
export const MAX_CONTEXT = 20;

export class Reader {
	mode = $state<ViewMode>('marks');
	/** Id of the current change, or null before the reader has moved to one. */
	current = $state<string | null>(null);
	/**
	 * Changes only, with this many paragraphs of context around each (`?context=2`); null for the
	 * whole text.
	 */
	context = $state<number | null>(null);
	/** The kinds of change hidden (`?hide=`): drawn as plain text, not stepped to or counted. */
	hidden = $state.raw<Hidden>(DEFAULT_HIDDEN);
	/** The hands and causes hidden (`?hide-hand=`, `?hide-cause=`). */
	hiddenBy = $state.raw<HiddenBy>(NONE_BY);
	/** The changes those make quiet, by index: the page works them out from the attributions. */
	quiet = $state.raw<ReadonlySet<number>>(new Set());
	#changes = $state.raw<Changes>({
		changeCount: 0,
		change: () => ({ id: '', kind: 'delete' }),
		changeEdit: () => 'delete',
		changeKindOf: () => undefined,
		changeIndex: () => -1
	});
	#visible: { changes: Changes; mode: ViewMode; hidden: Hidden; quiet: ReadonlySet<number>; list: Int32Array } | null =
		null;

	constructor(changes: Changes, mode: ViewMode = 'marks') {
		this.#changes = changes;
		this.mode = mode;
	}

	/** The changes of the text; a new alignment keeps the mode, and the current change if it is still there. */
	get changes(): Changes {
		return this.#changes;
	}
	set changes(changes: Changes) {
		this.#changes = changes;
		if (this.current && changes.changeIndex(this.current) < 0) this.current = null;
	}

	/**
	 * The indices of the changes the current mode shows (a clean witness has no text for the
	 * other's changes), in reading order; made once per mode, not on every look.
	 */
	get visible(): Int32Array {
		const [changes, mode, hidden, quiet] = [this.#changes, this.mode, this.hidden, this.quiet];
		const made = this.#visible;
		if (made?.changes !== changes || made.mode !== mode || made.hidden !== hidden || made.quiet !== quiet) {
			const edit = hiddenKind(mode);
			const list = new Int32Array(changes.changeCount);
			let n = 0;
			for (let c = 0; c < changes.changeCount; c++) {
				if (edit !== null && changes.changeEdit(c) === edit) continue;
				if (quiet.has(c)) continue;
				const kind = hidden.size ? changes.changeKindOf(c) : undefined;
				if (kind === undefined || !hidden.has(kind)) list[n++] = c;
			}
			this.#visible = { changes, mode, hidden, quiet, list: list.subarray(0, n) };
		}
		return this.#visible!.list;
	}

	/** How many changes the current mode shows (without listing them where it shows all). */
	get count(): number {
		const all = hiddenKind(this.mode) === null && this.hidden.size === 0 && this.quiet.size === 0;
		return all ? this.#changes.changeCount : this.visible.length;
	}

	/** 1-based position of the current change among the visible ones; 0 when none. */
	get position(): number {
		if (!this.current) return 0;
		const c = this.#changes.changeIndex(this.current);
		const at = lowerBound(this.visible, c);
		return this.visible[at] === c ? at + 1 : 0;
	}

	/** Moves to the next (`+1`) or previous (`-1`) visible change, stopping at the ends. */
	step(direction: 1 | -1): string | null {
		const list = this.visible;
		if (list.length === 0) return null;
		const c = this.current ? this.#changes.changeIndex(this.current) : -1;
		let next: number;
		if (c < 0) next = direction === 1 ? 0 : list.length - 1;
		else {
			// From a change this mode hides, the next is the first shown after it.
			const at = lowerBound(list, c);
			next = direction === 1 ? (list[at] === c ? at + 1 : at) : at - 1;
		}
		if (next < 0 || next >= list.length) return null;
		this.current = this.#changes.change(list[next]).id;
		return this.current;
	}

	/**
	 * Reads `?mode=` and `#c-…` from a URL; a mode's former name (`?mode=published`) opens its
	 * mode. What it cannot follow (an unknown mode, a fragment that is not a valid escape) leaves
	 * the defaults, and is returned, in words, to be shown.
	 */
	fromUrl(url: URL): string[] {
		const problems: string[] = [];
		const mode = url.searchParams.get('mode');
		const parsed = parseMode(mode);
		if (parsed) this.mode = parsed;
		else if (mode !== null) {
			const asked = mode
				? `a view called “${mode}”, which this page does not have (it has ${MODES.join(', ')})`
				: 'a view but names none';
			problems.push(`This link asks for ${asked}: the text is shown as usual.`);
		}
		const hash = fragmentOf(url);
		if (hash === null) {
			problems.push(
				`The end of this link (${url.hash}) is not a valid web address, so it was not followed.`
			);
		} else if (hash.startsWith('c-') && this.#changes.changeIndex(hash) >= 0) {
			this.current = hash;
		}
		const hide = parseHidden(url.searchParams.get('hide'));
		this.hidden = hide.hidden;
		if (hide.unknown.length) {
			const names = hide.unknown.map((name) => `“${name}”`).join(', ');
			problems.push(`This link hides kinds of change this page does not have (${names}): the others are hidden as asked.`);
		}
		this.hiddenBy = {
			hands: new Set(url.searchParams.getAll('hide-hand')),
			causes: new Set(url.searchParams.getAll('hide-cause'))
		};
		const context = url.searchParams.get('context');
		if (context !== null && /^\d{1,2}$/.test(context) && Number(context) <= MAX_CONTEXT) {
			this.context = Number(context);
		} else if (context !== null) {
			problems.push(
				`This link asks for the changes with “${context}” paragraphs of context, which is not a number from 0 to ${MAX_CONTEXT}: the whole text is shown.`
			);
		}
		return problems;
	}

	/** The URL for the current state, relative to `url` (other parameters are kept). */
	toUrl(url: URL): URL {
		const next = new URL(url);
		if (this.mode === 'marks') next.searchParams.delete('mode');
		else next.searchParams.set('mode', this.mode);
		const hide = hiddenParam(this.hidden);
		if (hide === null) next.searchParams.delete('hide');
		else next.searchParams.set('hide', hide);
		next.searchParams.delete('hide-hand');
		next.searchParams.delete('hide-cause');
		for (const hand of this.hiddenBy.hands) next.searchParams.append('hide-hand', hand);
		for (const cause of this.hiddenBy.causes) next.searchParams.append('hide-cause', cause);
		if (this.context === null) next.searchParams.delete('context');
		else next.searchParams.set('context', String(this.context));
		if (this.current) next.hash = this.current;
		// A list of kinds reads better with its commas as they are, which a query may hold.
		next.search = next.search.replaceAll('%2C', ',');
		return next;
	}
}

/** The first place in a sorted list holding a value >= `value`. */
function lowerBound(list: Int32Array, value: number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (list[mid] < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
