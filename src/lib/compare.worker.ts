// Aligns a reader's own texts off the main thread, so the page never freezes on long texts.
// One message in (the two sides, the notes, and whether to align exactly), progress messages, then
// the reading or an error. The reading's packed columns are transferred, not copied: the page
// receives a 4 MB pair's layout in milliseconds.

import type { NoteRef, Sides } from './pipeline';
import type { Comparison } from './types';
import { buffers } from './pipeline/laid';
import { readingData, type ReadingData } from './view';

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
	| { id: number; type: 'done'; reading: ReadingData; ms: number }
	| { id: number; type: 'error'; message: string };

const post = (message: AlignResponse, transfer: Transferable[] = []) => postMessage(message, { transfer });

/**
 * The last comparison, with the texts and the kind of alignment it was made from: when only the
 * notes change (a note added on a 20 MB pair), the texts are not aligned again, only the notes
 * placed and the text laid out.
 */
let last: { a: string; b: string; precise: boolean; comparison: Comparison } | null = null;

onmessage = (event: MessageEvent<AlignRequest>) => {
	const { id, sides, notes, precise } = event.data;
	const started = performance.now();
	// The same texts, aligned as exactly as asked or more so: only the notes changed.
	const same =
		last !== null &&
		(last.precise || !precise) &&
		last.a === sides.a.text &&
		last.b === sides.b.text;
	const stage = same ? 'Placing the notes' : precise ? 'Aligning precisely' : 'Aligning the texts';
	post({ id, type: 'progress', stage });
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
		const { comparison, ...reading } = readingData(
			sides,
			notes,
			options,
			() => post({ id, type: 'progress', stage: 'Laying out the text' }),
			same ? last!.comparison : undefined
		);
		last = { a: sides.a.text, b: sides.b.text, precise: same ? last!.precise : Boolean(precise), comparison };
		post({ id, type: 'done', reading, ms: performance.now() - started }, buffers(reading.text));
	} catch (error) {
		post({ id, type: 'error', message: (error as Error).message });
	}
};
