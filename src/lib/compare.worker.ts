// Aligns a reader's own texts off the main thread, so the page never freezes on long texts.
// One message in (the two sides and the notes), progress messages, then the reading or an error.

import type { NoteRef, Sides } from './pipeline';
import { readingData } from './view';

export interface AlignRequest {
	id: number;
	sides: Sides;
	notes: NoteRef[];
}

export type AlignResponse =
	| { id: number; type: 'progress'; stage: string }
	| { id: number; type: 'done'; reading: ReturnType<typeof readingData>; ms: number }
	| { id: number; type: 'error'; message: string };

const post = (message: AlignResponse) => postMessage(message);

onmessage = (event: MessageEvent<AlignRequest>) => {
	const { id, sides, notes } = event.data;
	const started = performance.now();
	post({ id, type: 'progress', stage: 'Aligning the texts' });
	try {
		const reading = readingData(sides, notes);
		post({ id, type: 'done', reading, ms: performance.now() - started });
	} catch (error) {
		post({ id, type: 'error', message: (error as Error).message });
	}
};
