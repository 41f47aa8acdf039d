// Aligns a reader's own texts off the main thread, so the page never freezes on long texts.
// One message in (the two sides, the notes and attributions, and whether to align exactly),
// progress messages, then the reading or an error. The reading's packed columns are transferred,
// not copied: the page receives a 4 MB pair's layout in milliseconds.

import type { NoteRef, Sides } from './pipeline';
import type { Attribution, Comparison, LineBreaks } from './types';
import { isMarkdown } from './pipeline/brackets';
import { buffers } from './pipeline/laid';
import { readingData, type ReadingData } from './view';

export type SideOf = 'a' | 'b';

/**
 * A piece of a side's text; the first piece of a side starts it afresh. The texts cross in pieces
 * (each copied in a task of its own on the page) and stay here for the alignments that follow.
 */
export interface TextPiece {
	type: 'piece';
	side: SideOf;
	text: string;
	first: boolean;
}

/** Aligns the texts the worker holds. */
export interface AlignRequest {
	type: 'align';
	id: number;
	/** Each side's witness, and whether its lines matter (by default they do not). */
	sides: Record<SideOf, { id: string; label: string; lines?: LineBreaks }>;
	notes: NoteRef[];
	/** Attributions to place, by their anchors: where each landed comes back in the reading. */
	attributions: Pick<Attribution, 'anchor'>[];
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
 * The last comparison, with the sides and the kind of alignment it was made from: when only the
 * notes change (a note added on a 20 MB pair), the texts are not aligned again, only the notes
 * placed and the text laid out.
 */
let last: { sides: Sides; precise: boolean; comparison: Comparison } | null = null;

/** Whether two sides are read alike: the same text, with its lines and brackets read the same. */
const alike = (x: Sides['a'], y: Sides['a']) =>
	x.text === y.text && x.lines === y.lines && x.brackets === y.brackets;

/** The texts, as their pieces arrive. */
const pieces: Record<SideOf, string[]> = { a: [], b: [] };
const texts: Record<SideOf, string> = { a: '', b: '' };

onmessage = (event: MessageEvent<TextPiece | AlignRequest>) => {
	if (event.data.type === 'piece') {
		const { side, text, first } = event.data;
		if (first) pieces[side] = [];
		pieces[side].push(text);
		return;
	}
	for (const side of ['a', 'b'] as const) {
		if (pieces[side].length) texts[side] = pieces[side].join('');
		pieces[side] = [];
	}
	const { id, notes, attributions, precise } = event.data;
	// A reader's own text has its square brackets editorial, as a transcript's `[inaudible]` is,
	// unless it is written in Markdown, whose brackets are its own (links, footnotes): read here,
	// off the page, since it reads the whole text, and once per text.
	const brackets = (side: SideOf) =>
		last?.sides[side].text === texts[side]
			? last.sides[side].brackets
			: isMarkdown(texts[side])
				? 'text'
				: 'editorial';
	const sides: Sides = {
		a: { ...event.data.sides.a, text: texts.a, brackets: brackets('a') },
		b: { ...event.data.sides.b, text: texts.b, brackets: brackets('b') }
	};
	const started = performance.now();
	// The same texts, aligned as exactly as asked or more so: only the notes changed.
	const same =
		last !== null &&
		(last.precise || !precise) &&
		alike(last.sides.a, sides.a) &&
		alike(last.sides.b, sides.b);
	const stage = same ? 'Placing the notes' : precise ? 'Aligning precisely' : 'Aligning the texts';
	post({ id, type: 'progress', stage });
	try {
		const options = precise
			? {
					attributions,
					precise: true,
					onprecise: (k: number) =>
						post({
							id,
							type: 'progress',
							stage: `Aligning precisely: stretch ${Math.min(k + 1, precise.stretches)} of ${precise.stretches}`
						})
				}
			: { attributions };
		const { comparison, ...reading } = readingData(
			sides,
			notes,
			options,
			() => post({ id, type: 'progress', stage: 'Laying out the text' }),
			same ? last!.comparison : undefined
		);
		last = { sides, precise: same ? last!.precise : Boolean(precise), comparison };
		post({ id, type: 'done', reading, ms: performance.now() - started }, buffers(reading.text));
	} catch (error) {
		post({ id, type: 'error', message: (error as Error).message });
	}
};
