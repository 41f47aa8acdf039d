// The page's side of the alignment worker: one alignment at a time, cancellable. Cancelling ends
// the worker outright (an alignment cannot be interrupted from outside); the next run starts a
// fresh one.

import type { AlignRequest, AlignResponse } from './compare.worker';
import AlignWorker from './compare.worker?worker';
import type { NoteRef, Sides } from './pipeline';
import type { ReadingData } from './view';

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

	/**
	 * Aligns the sides; a newer call or `cancel()` rejects the older one with `Cancelled`.
	 * `precise` aligns exactly what the last run left rough (it had `stretches` such stretches).
	 */
	run(
		sides: Sides,
		notes: NoteRef[],
		onprogress: (stage: string) => void,
		precise?: { stretches: number }
	): Promise<{ reading: ReadingData; ms: number }> {
		if (this.#pending) this.cancel();
		this.#worker ??= new AlignWorker();
		const worker = this.#worker;
		const id = this.#next++;
		return new Promise((resolve, reject) => {
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
			worker.postMessage({ id, sides, notes, precise } satisfies AlignRequest);
		});
	}

	cancel() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#pending?.reject(new Cancelled());
		this.#pending = null;
	}
}
