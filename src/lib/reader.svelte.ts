// The reader's place in a case: the mode on screen and the change they are on. Both live in the
// URL (`?mode=published#c-1x2y3z`), so a reload or a shared link opens the same view.

import type { ViewMode } from './types';

export const modes: ViewMode[] = ['marks', 'spoken', 'published', 'side'];

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

export interface ChangeRef {
	id: string;
	kind: 'delete' | 'insert' | 'replace';
	/** One end of a moved passage (a `delete` where it stood, an `insert` where it stands). */
	move?: 'from' | 'to';
}

export class Reader {
	mode = $state<ViewMode>('marks');
	/** Id of the current change, or null before the reader has moved to one. */
	current = $state<string | null>(null);
	#changes = $state.raw<ChangeRef[]>([]);

	constructor(changes: ChangeRef[], mode: ViewMode = 'marks') {
		this.#changes = changes;
		this.mode = mode;
	}

	/** The changes of the text; a new alignment keeps the mode, and the current change if it is still there. */
	get changes(): ChangeRef[] {
		return this.#changes;
	}
	set changes(changes: ChangeRef[]) {
		this.#changes = changes;
		if (this.current && !changes.some((c) => c.id === this.current)) this.current = null;
	}

	/** The changes the current mode shows: a clean witness has no text for the other's changes. */
	get visible(): ChangeRef[] {
		if (this.mode === 'spoken') return this.#changes.filter((c) => c.kind !== 'insert');
		if (this.mode === 'published') return this.#changes.filter((c) => c.kind !== 'delete');
		return this.#changes;
	}

	/** 1-based position of the current change among the visible ones; 0 when none. */
	get position(): number {
		return this.visible.findIndex((c) => c.id === this.current) + 1;
	}

	/** Moves to the next (`+1`) or previous (`-1`) visible change, stopping at the ends. */
	step(direction: 1 | -1): string | null {
		const list = this.visible;
		if (list.length === 0) return null;
		const at = list.findIndex((c) => c.id === this.current);
		const next = at === -1 ? (direction === 1 ? 0 : list.length - 1) : at + direction;
		if (next < 0 || next >= list.length) return null;
		this.current = list[next].id;
		return this.current;
	}

	/**
	 * Reads `?mode=` and `#c-…` from a URL. What it cannot follow (an unknown mode, a fragment
	 * that is not a valid escape) leaves the defaults, and is returned, in words, to be shown.
	 */
	fromUrl(url: URL): string[] {
		const problems: string[] = [];
		const mode = url.searchParams.get('mode');
		if (mode !== null && modes.includes(mode as ViewMode)) this.mode = mode as ViewMode;
		else if (mode !== null) {
			const asked = mode
				? `a view called “${mode}”, which this page does not have (it has ${modes.join(', ')})`
				: 'a view but names none';
			problems.push(`This link asks for ${asked}: the text is shown as usual.`);
		}
		const hash = fragmentOf(url);
		if (hash === null) {
			problems.push(
				`The end of this link (${url.hash}) is not a valid web address, so it was not followed.`
			);
		} else if (this.#changes.some((c) => c.id === hash)) {
			this.current = hash;
		}
		return problems;
	}

	/** The URL for the current state, relative to `url` (other parameters are kept). */
	toUrl(url: URL): URL {
		const next = new URL(url);
		if (this.mode === 'marks') next.searchParams.delete('mode');
		else next.searchParams.set('mode', this.mode);
		if (this.current) next.hash = this.current;
		return next;
	}
}
