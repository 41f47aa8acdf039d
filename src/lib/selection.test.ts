import { describe, expect, it } from 'vitest';
import { snapToWords } from './pipeline/excerpt';
import { snapSelection } from './selection';
import type { Block } from './types';

const para = (text: string): Block => ({
	kind: 'paragraph',
	inA: true,
	inB: true,
	spans: [{ kind: 'equal', text }]
});

// "Article 18" ends at 10; "Everyone has the right to freedom of opinion." runs from 10 to 55.
const blocks: Block[] = [
	para('Article 18'),
	{ kind: 'gap', inA: true, inB: true },
	para('Everyone has the right to freedom of opinion.'),
	para('Article 19')
];

describe('snapSelection', () => {
	// Issue 9: selecting the paragraph after "Article 18" exported "18Everyone…".
	it('keeps a selected paragraph from taking the last word of the one before it', () => {
		expect(snapToWords(blocks, { start: 10, end: 55 })).toEqual({ start: 8, end: 55 });
		expect(snapSelection(blocks, { start: 10, end: 55 })).toEqual({ start: 10, end: 55 });
	});

	it('keeps a selected paragraph from taking the first word of the one after it', () => {
		expect(snapToWords(blocks, { start: 0, end: 10 })).toEqual({ start: 0, end: 18 });
		expect(snapSelection(blocks, { start: 0, end: 10 })).toEqual({ start: 0, end: 10 });
	});

	it('still widens to whole words inside a paragraph', () => {
		expect(snapSelection(blocks, { start: 13, end: 21 })).toEqual({ start: 10, end: 22 });
		expect(snapSelection(blocks, { start: 3, end: 9 })).toEqual({ start: 0, end: 10 });
	});

	it('widens across paragraphs only inside the ones the selection touches', () => {
		expect(snapSelection(blocks, { start: 9, end: 12 })).toEqual({ start: 8, end: 18 });
		expect(snapSelection(blocks, { start: 50, end: 57 })).toEqual({ start: 47, end: 62 });
	});
});
