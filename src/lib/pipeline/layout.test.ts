import { describe, expect, it } from 'vitest';
import type { AnchoredNote } from '../types';
import { annotate } from './annotate';
import { compare } from './compare';
import { gapLabel, layout } from './layout';

const a = '{gap}\n\nOne two. Three four.\n\n{gap: a page lost}\n\nFive [six] seven.';
const b = '{gap}\n\nOne two.\n\n{gap: a page lost}\n\nFive [six] seven!';

describe('layout', () => {
	it('splits paragraphs at blank lines, draws gaps as blocks, flags editorial matter and kinds', () => {
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
					{ kind: 'equal', text: 'One two.', a: 7, b: 7 },
					{ kind: 'delete', text: ' Three four.', change: del, changeKind: 'cut', first: true, a: 15 }
				]
			},
			{ kind: 'gap', inA: true, inB: true, label: 'a page lost' },
			{
				kind: 'paragraph',
				inA: true,
				inB: true,
				spans: [
					{ kind: 'equal', text: 'Five ', a: 49, b: 37 },
					{ kind: 'equal', text: '[six]', editorial: true, a: 54, b: 42 },
					{ kind: 'equal', text: ' seven', a: 59, b: 47 },
					{ kind: 'delete', text: '.', change: rep, changeKind: 'punctuation', first: true, a: 65 },
					{ kind: 'insert', text: '!', change: rep, changeKind: 'punctuation', b: 53 }
				]
			}
		]);
	});

	it('lays out each kept line break as a span of its own, flagged, in one paragraph', () => {
		const code = '```\nif (x) {\n  run();\n}\n```';
		const edited = '```\nif (x) {\n  run(1);\n}\n```';
		const lines = { a: { lines: 'kept' }, b: { lines: 'kept' } } as const;
		const comparison = compare(code, edited, lines);
		const id = comparison.segments.find((s) => s.kind === 'insert')!.id;
		expect(layout(comparison)).toEqual([
			{
				kind: 'paragraph',
				inA: true,
				inB: true,
				spans: [
					{ kind: 'equal', text: '```', a: 0, b: 0 },
					{ kind: 'equal', text: '\n', line: true, a: 3, b: 3 },
					{ kind: 'equal', text: 'if (x) {', a: 4, b: 4 },
					{ kind: 'equal', text: '\n  ', line: true, a: 12, b: 12 },
					{ kind: 'equal', text: 'run(', a: 15, b: 15 },
					{ kind: 'insert', text: '1', change: id, changeKind: 'addition', first: true, b: 19 },
					{ kind: 'equal', text: ');', a: 19, b: 20 },
					{ kind: 'equal', text: '\n', line: true, a: 21, b: 22 },
					{ kind: 'equal', text: '}', a: 22, b: 23 },
					{ kind: 'equal', text: '\n', line: true, a: 23, b: 24 },
					{ kind: 'equal', text: '```', a: 24, b: 25 }
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
			{ kind: 'equal', text: 'We met. ', a: 0, b: 0 },
			{ kind: 'delete', text: 'I ', change: id, changeKind: 'cut', first: true, a: 8 },
			{
				kind: 'delete',
				text: 'deny it',
				change: id,
				changeKind: 'cut',
				notes: ['n1'],
				noteMarkers: ['n1'],
				a: 10
			},
			{ kind: 'delete', text: ' all. ', change: id, changeKind: 'cut', a: 17 },
			{ kind: 'equal', text: 'We parted.', a: 23, b: 8 }
		]);
	});

	it('notes anchored in the target cover the equal text they quote', () => {
		const comparison = compare('Alpha beta gamma.', 'Alpha beta gamma.');
		const notes: AnchoredNote[] = [
			{ noteId: 'n', status: 'anchored', side: 'b', start: 6, end: 10, changes: [] }
		];
		const spans = layout(comparison, notes).flatMap((bl) => (bl.kind === 'paragraph' ? bl.spans : []));
		expect(spans).toEqual([
			{ kind: 'equal', text: 'Alpha ', a: 0, b: 0 },
			{ kind: 'equal', text: 'beta', notes: ['n'], noteMarkers: ['n'], a: 6, b: 6 },
			{ kind: 'equal', text: ' gamma.', a: 10, b: 10 }
		]);
	});
});

describe('gapLabel', () => {
	it('reads the label of a {gap: …} marker and nothing from a bare {gap}', () => {
		expect(gapLabel('{gap: two pages missing}')).toEqual({ label: 'two pages missing' });
		expect(gapLabel('{gap}')).toEqual({});
	});
});
