// Collates a reader's own texts off the main thread: every text against the base at once, so the
// page never freezes on long texts. The texts cross in pieces (collate-client.ts) and stay here,
// by id, for the collations that follow: a change to one text sends that text only.

import type { Apparatus } from './pipeline/apparatus';
import { isMarkdown } from './pipeline/brackets';
import { collate } from './pipeline/collate';
import type { Brackets } from './types';

/** A piece of a text; the first piece of a text starts it afresh. */
export interface CollatePiece {
	type: 'piece';
	id: string;
	text: string;
	first: boolean;
}

/** Collates the texts the worker holds, in this order: the base first. */
export interface CollateRequest {
	type: 'collate';
	run: number;
	/** Each text, and whether its lines matter (by default they do not). */
	texts: { id: string; lines: boolean }[];
}

export type CollateResponse =
	| { run: number; type: 'done'; apparatus: Apparatus; ms: number }
	| { run: number; type: 'error'; message: string };

const post = (message: CollateResponse) => postMessage(message);

/** The texts, as their pieces arrive, and once whole, with how their brackets are read. */
const pieces = new Map<string, string[]>();
const held = new Map<string, { text: string; brackets: Brackets }>();

onmessage = (event: MessageEvent<CollatePiece | CollateRequest>) => {
	const message = event.data;
	if (message.type === 'piece') {
		if (message.first) pieces.set(message.id, []);
		pieces.get(message.id)!.push(message.text);
		return;
	}
	const { run, texts } = message;
	try {
		for (const [id, parts] of pieces) {
			const text = parts.join('');
			// A reader's square brackets are editorial (`[inaudible]`), unless the text is Markdown,
			// whose brackets are its own: as the alignment worker reads them (compare.worker.ts).
			held.set(id, { text, brackets: isMarkdown(text) ? 'text' : 'editorial' });
		}
		pieces.clear();
		// Texts the page no longer has are let go.
		for (const id of held.keys()) if (!texts.some((t) => t.id === id)) held.delete(id);
		const started = performance.now();
		const witnesses = texts.map(({ id, lines }) => {
			const own = held.get(id);
			if (!own) throw new Error(`The text “${id}” did not reach the collation: collate again.`);
			return { id, text: own.text, scan: { lines: lines ? ('kept' as const) : ('wrapped' as const), brackets: own.brackets } };
		});
		// Every stretch aligned exactly: an apparatus has no way to show one aligned roughly.
		const apparatus = collate(witnesses, { precise: true });
		post({ run, type: 'done', apparatus, ms: performance.now() - started });
	} catch (error) {
		post({ run, type: 'error', message: (error as Error).message });
	}
};
