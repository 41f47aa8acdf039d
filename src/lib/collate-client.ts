// The page's side of the collation worker: one collation at a time, cancellable, as the alignment
// worker's (align-client.ts). Cancelling ends the worker outright; the next run starts a fresh
// one. A text crosses in pieces, each copied in a task of its own, and only when the worker does
// not hold it already.

import { Cancelled, PIECE_CHARS } from './align-client';
import type { CollateRequest, CollateResponse } from './collate.worker';
import CollateWorker from './collate.worker?worker';
import type { Apparatus } from './pipeline/apparatus';
import type { CollationText } from './workspace/apparatus';

export class CollateWorkerClient {
	#worker: Worker | null = null;
	#next = 1;
	#pending: { run: number; reject: (error: Error) => void } | null = null;
	/** The texts the worker holds, by id. */
	#held = new Map<string, string>();

	/**
	 * Collates `texts` against the first; a newer call or `cancel()` rejects an older one with
	 * `Cancelled`. `ms`: how long the collation took in the worker.
	 */
	async run(texts: CollationText[]): Promise<{ apparatus: Apparatus; ms: number }> {
		if (this.#pending) this.cancel();
		this.#worker ??= new CollateWorker();
		const worker = this.#worker;
		const run = this.#next++;
		const done = new Promise<{ apparatus: Apparatus; ms: number }>((resolve, reject) => {
			this.#pending = { run, reject };
			worker.onmessage = (event: MessageEvent<CollateResponse>) => {
				const message = event.data;
				if (message.run !== run) return;
				this.#pending = null;
				if (message.type === 'done') resolve({ apparatus: message.apparatus, ms: message.ms });
				else reject(new Error(message.message));
			};
			worker.onerror = (event) => {
				this.#pending = null;
				reject(new Error(event.message || 'The collation failed.'));
			};
		});
		// The worker lets go of the texts not asked for: so does this list of what it holds.
		for (const id of this.#held.keys()) if (!texts.some((t) => t.id === id)) this.#held.delete(id);
		for (const { id, text } of texts) {
			if (this.#held.get(id) === text) continue;
			this.#held.delete(id);
			for (let at = 0; at === 0 || at < text.length; at += PIECE_CHARS) {
				if (at > 0) await new Promise((next) => setTimeout(next));
				// Cancelled, or a newer run began, meanwhile.
				if (this.#pending?.run !== run) return done;
				worker.postMessage({ type: 'piece', id, text: text.slice(at, at + PIECE_CHARS), first: at === 0 });
			}
			this.#held.set(id, text);
		}
		const request: CollateRequest = { type: 'collate', run, texts: texts.map(({ id, lines }) => ({ id, lines })) };
		worker.postMessage(request);
		return done;
	}

	cancel() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#held.clear();
		this.#pending?.reject(new Cancelled());
		this.#pending = null;
	}
}
