// Aligns a reader's own texts off the main thread, so the page never freezes on long texts.
// One message in (the two sides, the notes, and whether to align exactly), progress messages, then
// the reading or an error. The reading's packed columns are transferred, not copied: the page
// receives a 4 MB pair's layout in milliseconds.

import type { NoteRef, Sides } from './pipeline';
import { buffers } from './pipeline/laid';
import { readingData } from './view';

export interface AlignRequest {
	id: number;
	sides: Sides;
	notes: NoteRef[];
	/**
	 * Align exactly the stretches that would otherwise be rough; `stretches` is how many the last
	 * alignment had, for the progress message.
	 */
	precise?: { stretches: number };
}

export type AlignResponse =
	| { id: number; type: 'progress'; stage: string }
	| { id: number; type: 'done'; reading: ReturnType<typeof readingData>; ms: number }
	| { id: number; type: 'error'; message: string };

const post = (message: AlignResponse, transfer: Transferable[] = []) => postMessage(message, { transfer });

onmessage = (event: MessageEvent<AlignRequest>) => {
	const { id, sides, notes, precise } = event.data;
	const started = performance.now();
	post({ id, type: 'progress', stage: precise ? 'Aligning precisely' : 'Aligning the texts' });
	try {
		const options = precise
			? {
					precise: true,
					onprecise: (k: number) =>
						post({
							id,
							type: 'progress',
							stage: `Aligning precisely: stretch ${Math.min(k + 1, precise.stretches)} of ${precise.stretches}`
						})
				}
			: {};
		const reading = readingData(sides, notes, options, () =>
			post({ id, type: 'progress', stage: 'Laying out the text' })
		);
		post({ id, type: 'done', reading, ms: performance.now() - started }, buffers(reading.text));
	} catch (error) {
		post({ id, type: 'error', message: (error as Error).message });
	}
};
