import { describe, expect, it } from 'vitest';
import { DEFAULT_HIDDEN } from '../modes';
import { find, findSoon } from './find';
import { LaidText } from './laid';

// Aligned text: "We met at " "noon" "one" " that day." | "Then we parted." (two paragraphs).
const text = LaidText.fromBlocks([
	{
		kind: 'paragraph',
		inA: true,
		inB: true,
		spans: [
			{ kind: 'equal', text: 'We met at ' },
			{ kind: 'delete', text: 'noon', change: 'c-1', first: true },
			{ kind: 'insert', text: 'one', change: 'c-1' },
			{ kind: 'equal', text: ' that day.' }
		]
	},
	{ kind: 'gap', inA: true, inB: true },
	{ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text: 'Then we   parted.' }] }
]);
const words = (mode: Parameters<typeof find>[1], query: string) =>
	find(text, mode, query).matches.map((r) => text.slice(r.start, r.end));

describe('find', () => {
	it('finds every match as the mode shows the text, ignoring case', () => {
		expect(find(text, 'marks', 'WE').matches).toEqual([
			{ start: 0, end: 2 },
			{ start: 32, end: 34 }
		]);
		expect(words('marks', 'noon')).toEqual(['noon']);
		expect(words('target', 'noon')).toEqual([]);
		// In the target alone, "at one that": its range in the aligned text holds the struck "noon" too.
		expect(find(text, 'target', 'at one that').matches).toEqual([{ start: 7, end: 22 }]);
		expect(words('target', 'at one that')).toEqual(['at noonone that']);
		expect(find(text, 'base', 'at noon that').matches).toEqual([{ start: 7, end: 22 }]);
		expect(words('base', 'one')).toEqual([]);
	});

	it('lets a space match any white space, never a paragraph break into the next', () => {
		expect(words('marks', 'we parted')).toEqual(['we   parted']);
		expect(words('marks', 'day. Then')).toEqual([]);
		expect(words('marks', '   ')).toEqual([]);
	});

	it('takes the query as text, not as a pattern', () => {
		expect(words('marks', 'day.')).toEqual(['day.']);
		expect(words('marks', 'd.y')).toEqual([]);
	});
});

describe('findSoon', () => {
	// 4,000 paragraphs: the text is searched in slices, the page free to answer between them.
	const many = LaidText.fromBlocks(
		Array.from({ length: 4000 }, (_, i) => ({
			kind: 'paragraph' as const,
			inA: true,
			inB: true,
			spans: [{ kind: 'equal' as const, text: i % 1000 === 999 ? `Paragraph ${i} of the Court.` : `Paragraph ${i}.` }]
		}))
	);

	it('finds what find finds, across slices, in reading order', async () => {
		const expected = find(many, 'marks', 'the court');
		expect(expected.matches.length).toBe(4);
		expect(expected.matches.map((r) => many.slice(r.start, r.end))).toEqual(Array(4).fill('the Court'));
		expect(await findSoon(many, 'marks', 'the court', new AbortController().signal, DEFAULT_HIDDEN, 0)).toEqual(expected);
	});

	it('stops when aborted, for a newer query', async () => {
		const controller = new AbortController();
		const pending = findSoon(many, 'target', 'paragraph', controller.signal, DEFAULT_HIDDEN, 0);
		controller.abort();
		expect(await pending).toBeNull();
	});
});
