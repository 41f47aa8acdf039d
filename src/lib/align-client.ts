// The page's side of the alignment worker: one alignment at a time, cancellable. Cancelling ends
// the worker outright (an alignment cannot be interrupted from outside); the next run starts a
// fresh one.
//
// A text crosses to the worker in pieces, one task each, and only when the worker does not hold
// it already: posting two 20 MB texts in one message copies them in one 70 ms task, and a note
// added on them would copy them again.

import type { AlignRequest, AlignResponse, SideOf } from './compare.worker';
import AlignWorker from './compare.worker?worker';
import type { NoteRef, Sides } from './pipeline';
import type { Attribution } from './types';
import type { ReadingData } from './view';

/** Characters per piece of a text sent to the worker: a few milliseconds to copy. */
export const PIECE_CHARS = 1 << 20;

export class Cancelled extends Error {
	constructor() {
		super('The alignment was cancelled.');
		this.name = 'Cancelled';
	}
}

export class AlignWorkerClient {
	#worker: Worker | null = null;
	#next = 1;
	#pending: { id: number; reject: (error: Error) => void } | null = null;
	/** The texts the worker holds, by side. */
	#held: Partial<Record<SideOf, string>> = {};

	/**
	 * Aligns the sides and places the notes and the attributions on them; a newer call or
	 * `cancel()` rejects the older one with `Cancelled`. `precise` aligns exactly what the last run
	 * left rough (it had `stretches` such stretches).
	 */
	async run(
		sides: Sides,
		notes: NoteRef[],
		onprogress: (stage: string) => void,
		precise?: { stretches: number },
		attributions: Pick<Attribution, 'anchor'>[] = []
	): Promise<{ reading: ReadingData; ms: number }> {
		if (this.#pending) this.cancel();
		this.#worker ??= new AlignWorker();
		const worker = this.#worker;
		const id = this.#next++;
		const done = new Promise<{ reading: ReadingData; ms: number }>((resolve, reject) => {
			this.#pending = { id, reject };
			worker.onmessage = (event: MessageEvent<AlignResponse>) => {
				const message = event.data;
				if (message.id !== id) return;
				if (message.type === 'progress') return onprogress(message.stage);
				this.#pending = null;
				if (message.type === 'done') resolve({ reading: message.reading, ms: message.ms });
				else reject(new Error(message.message));
			};
			worker.onerror = (event) => {
				this.#pending = null;
				reject(new Error(event.message || 'The alignment failed.'));
			};
		});
		for (const side of ['a', 'b'] as const) {
			const text = sides[side].text;
			if (this.#held[side] === text) continue;
			this.#held[side] = undefined;
			for (let at = 0; at === 0 || at < text.length; at += PIECE_CHARS) {
				if (at > 0) await new Promise((next) => setTimeout(next));
				// Cancelled, or a newer run began, meanwhile.
				if (this.#pending?.id !== id) return done;
				worker.postMessage({ type: 'piece', side, text: text.slice(at, at + PIECE_CHARS), first: at === 0 });
			}
			this.#held[side] = text;
		}
		const meta = (side: SideOf) => ({
			id: sides[side].id,
			label: sides[side].label,
			lines: sides[side].lines
		});
		// Only the anchors cross: placing needs nothing else of an attribution.
		const anchors = attributions.map(({ anchor }) => ({ anchor }));
		const sent = { a: meta('a'), b: meta('b') };
		worker.postMessage({ type: 'align', id, sides: sent, notes, attributions: anchors, precise } satisfies AlignRequest);
		return done;
	}

	cancel() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#held = {};
		this.#pending?.reject(new Cancelled());
		this.#pending = null;
	}
}
