// The Compare page's texts all at once: when it holds three or more and the reader reads them so
// (`OwnComparison.together`), every text is collated against the base in a worker, after a pause
// in typing as the pair is aligned, one collation at a time, cancellable; the page shows the
// apparatus (ApparatusView.svelte) and says what it is doing.

import { Cancelled } from '../align-client';
import type { ApparatusView } from '../apparatus-view';
import { CollateWorkerClient } from '../collate-client';
import {
	collationNotice,
	collationProblem,
	collationTexts,
	sameTexts,
	workspaceApparatus,
	type Collation,
	type CollationText
} from './apparatus';
import { ALIGN_DELAY, seconds, SHOW_AFTER, type OwnComparison } from './own-comparison.svelte';

/** What the status line says of the collation: under way (with Cancel), failed (with Collate
 * again), waiting for a text, or how it went. */
export interface CollationStatus {
	kind: 'collating' | 'failed' | 'waiting' | 'collated';
	text: string;
}

export class OwnCollation {
	/** The collation on screen, and the texts it was made from. */
	collation = $state.raw<Collation | null>(null);
	/** The collation under way: since when. */
	collating = $state<{ since: number } | null>(null);
	error = $state('');
	/** How long the last collation took in the worker. */
	lastMs = $state(0);

	readonly #own: OwnComparison;
	readonly #collator: Pick<CollateWorkerClient, 'run' | 'cancel'>;
	/** Counts collations: a newer one (the reader typed on) takes over from an older one. */
	#turn = 0;
	/** The texts last given to the collator: not given again as they are, unless the reader asks
	 * (after a failure or Cancel). Plain, not state: that it changes is no reason to collate. */
	#asked: CollationText[] | null = null;

	// (Each a function: the fields are set before the constructor gives them `own`.)
	/** The texts as they would be collated now, the base first. */
	texts = $derived.by<CollationText[]>(() => collationTexts(this.#own.ws));
	/** Why they cannot be collated (a text is empty), or null. */
	problem = $derived.by(() => collationProblem(this.#own.ws.texts));
	/** The view of the collation on screen; null while there is none, or while a text is empty. */
	view = $derived.by<ApparatusView | null>(() =>
		this.collation && !this.problem
			? workspaceApparatus(this.#own.ws, this.collation, this.#own.renderedNotes)
			: null
	);
	/** What to say of the texts beside the apparatus (identical ones), or null. */
	notice = $derived.by(() => (this.view && this.collation ? collationNotice(this.collation, this.#own.labels) : null));

	/** Made while a component is set up (or in an effect root), after the page's `own`. */
	constructor(own: OwnComparison, collator: Pick<CollateWorkerClient, 'run' | 'cancel'> = new CollateWorkerClient()) {
		this.#own = own;
		this.#collator = collator;

		// Collate again whenever a text, its lines or the base change (after a pause in typing),
		// while the texts are read all at once; texts already collated as they are stay.
		$effect(() => {
			if (!own.keeper.restored || !own.together || this.problem) return;
			const texts = this.texts;
			if (this.#asked && sameTexts(this.#asked, texts)) return;
			const timer = setTimeout(() => this.#collate(texts), ALIGN_DELAY);
			return () => clearTimeout(timer);
		});
	}

	/** The status line; null when there is nothing to say (or the pair is on screen). */
	get status(): CollationStatus | null {
		if (!this.#own.together) return null;
		if (this.problem) return { kind: 'waiting', text: this.problem };
		const n = this.texts.length;
		if (this.collating && this.#own.now - this.collating.since > SHOW_AFTER) {
			const elapsed = ((this.#own.now - this.collating.since) / 1000).toFixed(1);
			return { kind: 'collating', text: `Collating ${n} texts… ${elapsed} s` };
		}
		if (this.error) return { kind: 'failed', text: this.error };
		if (!this.collation) return null;
		return { kind: 'collated', text: `Collated ${this.collation.texts.length} texts in ${seconds(this.lastMs)}.` };
	}

	/** Collates the texts as they are now (again, after a failure or Cancel). */
	collate() {
		return this.#collate(this.texts);
	}

	async #collate(texts: CollationText[]) {
		const turn = ++this.#turn;
		this.#asked = texts;
		this.error = '';
		this.collating = { since: performance.now() };
		try {
			const { apparatus, ms } = await this.#collator.run(texts);
			if (turn !== this.#turn) return;
			this.collation = { texts, apparatus };
			this.lastMs = ms;
		} catch (error) {
			if (error instanceof Cancelled || turn !== this.#turn) return;
			// What is on screen may have been collated from the texts as they were: then it goes.
			if (!this.#current()) this.collation = null;
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (turn === this.#turn) this.collating = null;
		}
	}

	cancel() {
		this.#collator.cancel();
		this.collating = null;
		if (!this.#current()) this.collation = null;
		this.error = 'Collation cancelled. Change a text, or press “Collate again”, to start it again.';
	}

	/**
	 * Makes text `id` the base. Read all at once, any text may be the base: the one the pair
	 * compared it with becomes the pair's base in its place, so that the pair stays two texts.
	 */
	chooseBase(id: string) {
		const ws = this.#own.ws;
		if (ws.target === id) ws.target = ws.base;
		ws.base = id;
	}

	/** The page goes: a collation under way is of no more use. */
	close() {
		this.#collator.cancel();
	}

	/** Whether the collation on screen was made from the texts as they are now. */
	#current(): boolean {
		return this.collation !== null && sameTexts(this.collation.texts, this.texts);
	}
}
