import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, LineBreaks } from '../types';
import { read, type Sides } from './index';
import { buffers, changeRefs, LaidText, pack } from './laid';

const sides = (a: string, b: string, lines: LineBreaks[] = ['wrapped', 'wrapped']): Sides => ({
	a: { id: 'a', label: 'A', text: a, lines: lines[0] },
	b: { id: 'b', label: 'B', text: b, lines: lines[1] }
});

/** The changes of a comparison as the worker lists them (every segment with an id). */
function laidOut(
	a: string,
	b: string,
	notes: Parameters<typeof read>[1] = [],
	lines?: LineBreaks[]
) {
	const reading = read(sides(a, b, lines), notes);
	const changes = changeRefs(reading.comparison.segments);
	const text = new LaidText(pack(reading.blocks, changes), { a, b });
	return { reading, changes, text };
}

const alignedText = (blocks: Block[]) =>
	blocks.map((b) => (b.kind === 'paragraph' ? b.spans.map((s) => s.text).join('') : '')).join('');

describe('LaidText', () => {
	const a = 'We met at noon that day.\n\nThe plan was agreed by all.\n\n{gap: a page lost}\n\nThen we parted.';
	const b = 'We met at one that day.\n\n{gap: a page lost}\n\nThen we parted, friends.';

	it('gives back every block as layout made it, its text cut from the witnesses', () => {
		const { reading, text } = laidOut(a, b);
		expect(text.blocks()).toEqual(reading.blocks);
		expect(text.blockCount).toBe(reading.blocks.length);
		expect(text.slice(0, text.length)).toBe(alignedText(reading.blocks));
	});

	it('finds blocks by position, gaps having no length', () => {
		const { reading, text } = laidOut(a, b);
		const lengths = reading.blocks.map((bl) => (bl.kind === 'paragraph' ? alignedText([bl]).length : 0));
		expect(lengths).toEqual([...text.starts].slice(1).map((end, i) => end - text.starts[i]));
		const gap = reading.blocks.findIndex((bl) => bl.kind === 'gap');
		// The gap starts where the paragraph after it starts: that paragraph holds the position.
		expect(text.blockAt(text.starts[gap])).toBe(gap + 1);
		expect(text.blockAt(0)).toBe(0);
		expect(text.blockAt(text.length - 1)).toBe(reading.blocks.length - 1);
	});

	it('walks the spans of a block with where each starts in the aligned text', () => {
		const { text } = laidOut(a, b);
		const walk = (i: number, from?: number, to?: number) =>
			[...text.placedSpans(i, from, to)].map(({ span, at }) => [at, span.kind, span.text]);
		expect(walk(0)).toEqual([
			[0, 'equal', 'We met at '],
			[10, 'delete', 'noon'],
			[14, 'insert', 'one'],
			[17, 'equal', ' that day.']
		]);
		expect(walk(0, 1, 3)).toEqual([
			[10, 'delete', 'noon'],
			[14, 'insert', 'one']
		]);
		expect(walk(3, 1)).toEqual([
			[68, 'insert', ', friends'],
			[77, 'equal', '.']
		]);
		// A gap has no spans.
		expect(walk(2)).toEqual([]);
	});

	it('lists the changes in reading order, with their blocks and texts', () => {
		const { changes, text } = laidOut(a, b);
		expect(text.changeCount).toBe(changes.length);
		expect(changes.map((_, c) => text.change(c))).toEqual(changes);
		expect(changes.map((c) => c.changeKind)).toEqual(['rewording', 'cut', 'addition']);
		expect(changes.map((_, c) => text.changeText(c))).toEqual([
			{ a: 'noon', b: 'one' },
			{ a: 'The plan was agreed by all.', b: '' },
			{ a: '', b: ', friends' }
		]);
		expect(changes.map((_, c) => text.changeBlocks(c))).toEqual([
			[0, 0],
			[1, 1],
			[3, 3]
		]);
		expect(text.changeIndex(changes[2].id)).toBe(2);
		expect(text.changeIndex('c-none')).toBe(-1);
	});

	it('keeps moves, notes and note markers', () => {
		const moved = 'the whole of this long paragraph moved to the very end of the text';
		const one = 'First of the middle paragraphs, which stays where it was all along.';
		const two = 'Second of the middle paragraphs, which also stays where it was.';
		const { reading, text } = laidOut(`${moved}\n\n${one}\n\n${two}`, `${one}\n\n${two}\n\n${moved}`, [
			{ id: 'n1', anchor: { witness: 'a', quote: 'also stays' } }
		]);
		expect(text.blocks()).toEqual(reading.blocks);
		const ends = [...Array(text.changeCount).keys()].map((c) => text.change(c));
		expect(ends.map((c) => c.move)).toEqual(['to', 'from']);
		expect([ends[0].partner, ends[1].partner]).toEqual([ends[1].id, ends[0].id]);
		// The note's passage is in the paragraph where the pair stood in the base: block 4.
		const noted = reading.blocks.flatMap((bl, i) =>
			bl.kind === 'paragraph' && bl.spans.some((s) => s.notes?.includes('n1')) ? [i] : []
		);
		expect(noted).toEqual([4]);
		expect(text.noteBlocks('n1')).toEqual([4, 4]);
		expect(text.noteBlocks('n2')).toBeNull();
	});

	it('keeps each change’s kind on it and its spans, and the words a placeholder hides', () => {
		const x = 'He met John Smith in Paris at noon.\n\nThen we parted.';
		const y = 'He met [REDACTED] in Paris at noon!\n\nThen we parted.';
		const { changes, text } = laidOut(x, y);
		const moved = structuredClone(text.packed, { transfer: buffers(text.packed) });
		const laid = new LaidText(moved, { a: x, b: y });
		expect(changes.map((_, c) => laid.change(c))).toEqual([
			{ id: changes[0].id, kind: 'replace', changeKind: 'placeholder', hidden: 2 },
			{ id: changes[1].id, kind: 'replace', changeKind: 'punctuation' }
		]);
		const spans = Array.from(laid.placedSpans(0), ({ span: s }) => [s.kind, s.text, s.changeKind]);
		expect(spans).toEqual([
			['equal', 'He met ', undefined],
			['delete', 'John Smith', 'placeholder'],
			['insert', '[REDACTED]', 'placeholder'],
			['equal', ' in Paris at noon', undefined],
			['delete', '.', 'punctuation'],
			['insert', '!', 'punctuation']
		]);
	});

	it('keeps which spans are kept line breaks', () => {
		const { reading, text } = laidOut('To be,\nor not', 'To be, or\nnot', [], ['kept', 'kept']);
		const lineSpans = (blocks: Block[]) =>
			blocks.flatMap((b) => (b.kind === 'paragraph' ? b.spans.filter((s) => s.line) : []));
		expect(lineSpans(text.blocks()).map((s) => [s.kind, s.text])).toEqual([
			['delete', '\n'],
			['insert', '\n']
		]);
		expect(text.blocks()).toEqual(reading.blocks);
	});

	it('transfers as buffers: a clone without them holds the same text', () => {
		const { reading, changes } = laidOut(a, b);
		const packed = pack(reading.blocks, changes);
		const moved = structuredClone(packed, { transfer: buffers(packed) });
		expect(packed.spanFlags.length).toBe(0);
		expect(new LaidText(moved, { a, b }).blocks()).toEqual(reading.blocks);
	});

	it('rebuilds the blocks of any pair, whatever the text', () => {
		const word = fc.constantFrom('a', 'the', 'Бухарин', 'e\u0301té', '👩🏽‍🔬', '{gap}', '[sic]', '. . .', 'x');
		const sep = fc.constantFrom(' ', '\n', '\r\n', '\n\n', '\r\n\r\n', '\t', ', ', ' \\\n', '\n ');
		const text = fc.array(fc.tuple(word, sep), { maxLength: 60 }).map((parts) => parts.flat().join(''));
		const lines = fc.constantFrom<LineBreaks>('wrapped', 'kept', 'marked');
		fc.assert(
			fc.property(text, text, lines, lines, (x, y, linesA, linesB) => {
				const { reading, text: laid } = laidOut(x, y, [], [linesA, linesB]);
				expect(laid.blocks()).toEqual(reading.blocks);
				// Every change is found by its id, and nothing else is.
				const ids = Array.from({ length: laid.changeCount }, (_, c) => laid.change(c).id);
				expect(ids.map((id) => laid.changeIndex(id))).toEqual(ids.map((_, c) => c));
				expect(laid.changeIndex('c-nothing')).toBe(-1);
				expect(laid.slice(0, laid.length)).toBe(alignedText(reading.blocks));
				// Any window of the aligned text reads the same as a slice of the whole.
				const whole = alignedText(reading.blocks);
				const from = Math.floor(whole.length / 3);
				expect(laid.slice(from, from + 17)).toBe(whole.slice(from, from + 17));
			}),
			{ numRuns: 200 }
		);
	});
});
