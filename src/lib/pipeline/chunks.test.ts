import { describe, expect, it } from 'vitest';
import type { Block } from '../types';
import { CHUNK_BLOCKS, chunkOf, chunksOf, paragraphsIn, runsOf } from './chunks';
import { LaidText } from './laid';

const same = (text: string): Block => ({ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text }] });
const struck = (text: string, change: string): Block => ({
	kind: 'paragraph',
	inA: true,
	inB: false,
	spans: [{ kind: 'delete', text, change, first: true }]
});
const added = (text: string, change: string): Block => ({
	kind: 'paragraph',
	inA: false,
	inB: true,
	spans: [{ kind: 'insert', text, change, first: true }]
});

// Blocks 0-9: a struck paragraph at 2, a gap at 5, an added paragraph at 8.
const text = LaidText.fromBlocks([
	same('p0'),
	same('p1'),
	struck('p2', 'c-1'),
	same('p3'),
	same('p4'),
	{ kind: 'gap', inA: true, inB: true },
	same('p6'),
	same('p7'),
	added('p8', 'c-2'),
	same('p9')
]);

describe('runsOf', () => {
	it('is the whole text in one run without a context', () => {
		expect(runsOf(text, 'marks', null)).toEqual([{ from: 0, to: 10, folded: false }]);
	});

	it('keeps the changed paragraphs with their context and folds the rest', () => {
		// The gap at 5 stays, alone: a fold would hide that text is missing there.
		expect(runsOf(text, 'marks', 1)).toEqual([
			{ from: 0, to: 1, folded: true },
			{ from: 1, to: 4, folded: false },
			{ from: 4, to: 5, folded: true },
			{ from: 5, to: 6, folded: false },
			{ from: 6, to: 7, folded: true },
			{ from: 7, to: 10, folded: false }
		]);
		expect(runsOf(text, 'marks', 0)).toEqual([
			{ from: 0, to: 2, folded: true },
			{ from: 2, to: 3, folded: false },
			{ from: 3, to: 5, folded: true },
			{ from: 5, to: 6, folded: false },
			{ from: 6, to: 8, folded: true },
			{ from: 8, to: 9, folded: false },
			{ from: 9, to: 10, folded: true }
		]);
		expect(paragraphsIn(text, 3, 8)).toBe(4);
	});

	it('keeps only the changes the mode shows', () => {
		expect(runsOf(text, 'target', 0)).toEqual([
			{ from: 0, to: 5, folded: true },
			{ from: 5, to: 6, folded: false },
			{ from: 6, to: 8, folded: true },
			{ from: 8, to: 9, folded: false },
			{ from: 9, to: 10, folded: true }
		]);
	});

	it('opens a fold the reader expanded, joining it to the text around it', () => {
		expect(runsOf(text, 'marks', 0, new Set([3]))).toEqual([
			{ from: 0, to: 2, folded: true },
			{ from: 2, to: 6, folded: false },
			{ from: 6, to: 8, folded: true },
			{ from: 8, to: 9, folded: false },
			{ from: 9, to: 10, folded: true }
		]);
	});
});

describe('chunksOf', () => {
	it('cuts long runs into chunks of a bounded number of blocks, and finds a block in them', () => {
		const many = LaidText.fromBlocks(Array.from({ length: 150 }, (_, i) => same(`p${i}`)));
		const chunks = chunksOf(many, runsOf(many, 'marks', null));
		expect(chunks.map((c) => c.runs)).toEqual([
			[{ from: 0, to: CHUNK_BLOCKS, folded: false }],
			[{ from: CHUNK_BLOCKS, to: 2 * CHUNK_BLOCKS, folded: false }],
			[{ from: 2 * CHUNK_BLOCKS, to: 150, folded: false }]
		]);
		expect(chunks.map((c) => c.chars)).toEqual([
			10 * 2 + 50 * 3,
			40 * 3 + 20 * 4,
			30 * 4
		]);
		expect([chunkOf(chunks, 0), chunkOf(chunks, 60), chunkOf(chunks, 149), chunkOf(chunks, 150)]).toEqual([0, 1, 2, -1]);
		expect(chunks.map((c) => c.key)).toEqual(['0-60', '60-120', '120-150']);
	});

	it('keeps folds in the chunks beside the text around them', () => {
		const chunks = chunksOf(text, runsOf(text, 'marks', 0));
		expect(chunks).toEqual([
			{
				runs: runsOf(text, 'marks', 0),
				chars: 4,
				blocks: 3,
				folds: 4,
				key: '0~2 2-3 3~5 5-6 6~8 8-9 9~10'
			}
		]);
		expect(chunkOf(chunks, 5)).toBe(0);
	});
});

describe('a paragraph longer than a few chunks', () => {
	// 20 spans of 1,000 characters in one paragraph (a text without blank lines), between two short ones.
	const long: Block = {
		kind: 'paragraph',
		inA: true,
		inB: true,
		spans: Array.from({ length: 20 }, (_, k) =>
			k % 2 ? { kind: 'delete' as const, text: 'x'.repeat(1000), change: `c-${k}`, first: true } : { kind: 'equal' as const, text: 'y'.repeat(1000) }
		)
	};
	const text = LaidText.fromBlocks([same('before'), long, same('after')]);
	const chunks = chunksOf(text, runsOf(text, 'marks', null));

	it('is cut into pieces of about a chunk each, between its spans, a chunk each', () => {
		expect(chunks.map((c) => c.key)).toEqual(['0-1', '1-2[0:4]', '1-2[4:8]', '1-2[8:12]', '1-2[12:16]', '1-2[16:20]', '2-3']);
		expect(chunks.slice(1, 6).map((c) => c.chars)).toEqual([4000, 4000, 4000, 4000, 4000]);
	});

	it('finds the piece that holds a span', () => {
		expect([chunkOf(chunks, 1), chunkOf(chunks, 1, 5), chunkOf(chunks, 1, 19), chunkOf(chunks, 2)]).toEqual([1, 2, 5, 6]);
		expect(text.spanAt(1, text.starts[1] + 5500)).toBe(5);
		expect(text.spanStart(1, 5)).toBe(text.starts[1] + 5000);
		expect(text.changeSpan(text.changeIndex('c-7'))).toBe(7);
	});
});
