import { describe, expect, it } from 'vitest';
import type { Block } from '../types';
import {
	changeRange,
	cut,
	cutShown,
	fingerprint,
	formatExcerptFragment,
	noteRange,
	parseExcerptFragment,
	snapToWords,
	widenToParagraphs
} from './excerpt';
import { LaidText } from './laid';

// Aligned text: "Kept words. " + "Struck words." + "After gap." = offsets 0-12, 12-25, 25-35.
const blocks = LaidText.fromBlocks([
	{ kind: 'gap', inA: true, inB: true },
	{
		kind: 'paragraph',
		inA: true,
		inB: true,
		spans: [
			{ kind: 'equal', text: 'Kept words. ' },
			{ kind: 'delete', text: 'Struck words.', change: 'c-1', first: true, notes: ['n'], noteMarkers: ['n'] }
		]
	},
	{ kind: 'gap', inA: true, inB: true, label: 'lost' },
	{ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text: 'After gap.' }] }
]);

describe('excerpt positions', () => {
	it('index the text of every span of every block, gaps having no length', () => {
		expect(blocks.slice(0, blocks.length)).toBe('Kept words. Struck words.After gap.');
	});

	it('snap a selection to whole words and trim white space at its edges', () => {
		expect(snapToWords(blocks, { start: 7, end: 14 })).toEqual({ start: 5, end: 18 });
		expect(blocks.slice(5, 18)).toBe('words. Struck');
		expect(snapToWords(blocks, { start: 14, end: 7 })).toEqual({ start: 5, end: 18 });
	});

	it('widen to whole paragraphs', () => {
		expect(widenToParagraphs(blocks, { start: 7, end: 27 })).toEqual({ start: 0, end: 35 });
		expect(widenToParagraphs(blocks, { start: 13, end: 14 })).toEqual({ start: 0, end: 25 });
	});

	it('find the paragraphs of a change or a note', () => {
		expect(changeRange(blocks, 'c-1')).toEqual({ start: 0, end: 25 });
		expect(changeRange(blocks, 'c-404')).toBeNull();
		expect(noteRange(blocks, 'n')).toEqual({ start: 0, end: 25 });
		expect(noteRange(blocks, 'm')).toBeNull();
	});
});

describe('cut', () => {
	it('cuts spans at the edges, keeps gaps inside the range, and places note markers afresh', () => {
		expect(cut(blocks, { start: 5, end: 29 })).toEqual([
			{
				kind: 'paragraph',
				inA: true,
				inB: true,
				spans: [
					{ kind: 'equal', text: 'words. ' },
					{ kind: 'delete', text: 'Struck words.', change: 'c-1', first: true, notes: ['n'], noteMarkers: ['n'] }
				]
			},
			{ kind: 'gap', inA: true, inB: true, label: 'lost' },
			{ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text: 'Afte' }] }
		]);
	});

	it('keeps the marker of a note whose passage the excerpt cuts short', () => {
		const [paragraph] = cut(blocks, { start: 0, end: 18 });
		expect(paragraph).toEqual({
			kind: 'paragraph',
			inA: true,
			inB: true,
			spans: [
				{ kind: 'equal', text: 'Kept words. ' },
				{ kind: 'delete', text: 'Struck', change: 'c-1', first: true, notes: ['n'], noteMarkers: ['n'] }
			]
		});
	});
});

describe('cutShown', () => {
	it('cuts the paragraphs the range touches, and keeps a shown gap even at its edge', () => {
		const all = [{ from: 0, to: blocks.blockCount, folded: false }];
		expect(cutShown(blocks, { start: 12, end: 25 }, all)).toEqual([
			{
				kind: 'paragraph',
				inA: true,
				inB: false,
				spans: [
					{ kind: 'delete', text: 'Struck words.', change: 'c-1', first: true, notes: ['n'], noteMarkers: ['n'] }
				]
			},
			{ kind: 'gap', inA: true, inB: true, label: 'lost' }
		]);
	});
});

describe('excerpt links', () => {
	it('round-trip a range with its fingerprint', () => {
		const fragment = formatExcerptFragment(blocks, { start: 5, end: 18 });
		expect(fragment).toBe(`x=5-18.${fingerprint(blocks, { start: 5, end: 18 })}`);
		expect(parseExcerptFragment(blocks, fragment)).toEqual({ ok: true, range: { start: 5, end: 18 } });
	});

	it('say so when the text no longer matches, and ignore fragments that are not excerpts', () => {
		const fragment = formatExcerptFragment(blocks, { start: 5, end: 18 });
		const edited = LaidText.fromBlocks([
			{ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text: 'Kept lines. Struck words.' }] }
		]);
		expect(parseExcerptFragment(edited, fragment)).toEqual({
			ok: false,
			problem: 'The text has changed since this link was made: the passage it points to no longer matches.'
		});
		expect(parseExcerptFragment(blocks, 'x=5-999.abc')).toEqual({
			ok: false,
			problem: 'The passage this link points to is no longer in the text.'
		});
		expect(parseExcerptFragment(blocks, 'note-n')).toBeNull();
	});

	it('fingerprints depend on the passage text only', () => {
		expect(fingerprint(blocks, { start: 0, end: 4 })).toBe(fingerprint(blocks, { start: 0, end: 4 }));
		expect(fingerprint(blocks, { start: 0, end: 4 })).not.toBe(fingerprint(blocks, { start: 5, end: 9 }));
	});
});

const plain = (text: string): Block => ({
	kind: 'paragraph',
	inA: true,
	inB: true,
	spans: [{ kind: 'equal', text }]
});

// "Article 18" ends at 10; "Everyone has the right to freedom of opinion." runs from 10 to 55.
const articles = LaidText.fromBlocks([
	plain('Article 18'),
	{ kind: 'gap', inA: true, inB: true },
	plain('Everyone has the right to freedom of opinion.'),
	plain('Article 19')
]);

describe('snapToWords at the edges of paragraphs', () => {
	// Issue 9: selecting the paragraph after "Article 18" exported "18Everyone…".
	it('keeps a selected paragraph from taking the last word of the one before it', () => {
		expect(snapToWords(articles, { start: 10, end: 55 })).toEqual({ start: 10, end: 55 });
	});

	it('keeps a selected paragraph from taking the first word of the one after it', () => {
		expect(snapToWords(articles, { start: 0, end: 10 })).toEqual({ start: 0, end: 10 });
	});

	it('still widens to whole words inside a paragraph', () => {
		expect(snapToWords(articles, { start: 13, end: 21 })).toEqual({ start: 10, end: 22 });
		expect(snapToWords(articles, { start: 3, end: 9 })).toEqual({ start: 0, end: 10 });
	});

	it('widens across paragraphs only inside the ones the selection touches', () => {
		expect(snapToWords(articles, { start: 9, end: 12 })).toEqual({ start: 8, end: 18 });
		expect(snapToWords(articles, { start: 50, end: 57 })).toEqual({ start: 47, end: 62 });
	});
});
