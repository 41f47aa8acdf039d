import { describe, expect, it } from 'vitest';
import type { AnchoredNote } from '../types';
import { annotate } from './annotate';
import { compare } from './compare';
import { gapLabel, layout } from './layout';

const a = '{gap}\n\nOne two. Three four.\n\n{gap: a page lost}\n\nFive [six] seven.';
const b = '{gap}\n\nOne two.\n\n{gap: a page lost}\n\nFive [six] seven!';

describe('layout', () => {
	it('splits paragraphs at blank lines, draws gaps as blocks and flags editorial matter', () => {
		const comparison = compare(a, b);
		const del = comparison.segments.find((s) => s.kind === 'delete')!.id;
		const rep = comparison.segments.find((s) => s.kind === 'replace')!.id;
		expect(layout(comparison)).toEqual([
			{ kind: 'gap', inA: true, inB: true },
			{
				kind: 'paragraph',
				inA: true,
				inB: true,
				spans: [
					{ kind: 'equal', text: 'One two.' },
					{ kind: 'delete', text: ' Three four.', change: del, first: true }
				]
			},
			{ kind: 'gap', inA: true, inB: true, label: 'a page lost' },
			{
				kind: 'paragraph',
				inA: true,
				inB: true,
				spans: [
					{ kind: 'equal', text: 'Five ' },
					{ kind: 'equal', text: '[six]', editorial: true },
					{ kind: 'equal', text: ' seven' },
					{ kind: 'delete', text: '.', change: rep, first: true },
					{ kind: 'insert', text: '!', change: rep }
				]
			}
		]);
	});

	it('marks a struck paragraph as not in the target', () => {
		const blocks = layout(compare('Kept.\n\nStruck here.\n\nKept too.', 'Kept.\n\nKept too.'));
		expect(blocks.map((bl) => bl.kind === 'paragraph' && [bl.inA, bl.inB])).toEqual([
			[true, true],
			[true, false],
			[true, true]
		]);
	});

	it('places a note on the spans its quote covers, with its marker after the last one', () => {
		const text = 'We met. I deny it all. We parted.';
		const comparison = compare(text, 'We met. We parted.');
		const sides = {
			a: { id: 'spoken', label: 'As spoken', text },
			b: { id: 'published', label: 'As published', text: 'We met. We parted.' }
		};
		const notes = annotate(comparison, [{ id: 'n1', anchor: { witness: 'spoken', quote: 'deny it' } }], sides);
		const spans = layout(comparison, notes).flatMap((bl) => (bl.kind === 'paragraph' ? bl.spans : []));
		const id = comparison.segments.find((s) => s.kind === 'delete')!.id;
		expect(spans).toEqual([
			{ kind: 'equal', text: 'We met. ' },
			{ kind: 'delete', text: 'I ', change: id, first: true },
			{ kind: 'delete', text: 'deny it', change: id, notes: ['n1'], noteMarkers: ['n1'] },
			{ kind: 'delete', text: ' all. ', change: id },
			{ kind: 'equal', text: 'We parted.' }
		]);
	});

	it('notes anchored in the target cover the equal text they quote', () => {
		const comparison = compare('Alpha beta gamma.', 'Alpha beta gamma.');
		const notes: AnchoredNote[] = [
			{ noteId: 'n', status: 'anchored', side: 'b', start: 6, end: 10, changes: [] }
		];
		const spans = layout(comparison, notes).flatMap((bl) => (bl.kind === 'paragraph' ? bl.spans : []));
		expect(spans).toEqual([
			{ kind: 'equal', text: 'Alpha ' },
			{ kind: 'equal', text: 'beta', notes: ['n'], noteMarkers: ['n'] },
			{ kind: 'equal', text: ' gamma.' }
		]);
	});
});

describe('gapLabel', () => {
	it('reads the label of a {gap: …} marker and nothing from a bare {gap}', () => {
		expect(gapLabel('{gap: two pages missing}')).toEqual({ label: 'two pages missing' });
		expect(gapLabel('{gap}')).toEqual({});
	});
});
