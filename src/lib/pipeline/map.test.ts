import { describe, expect, it } from 'vitest';
import { read } from './index';
import { changeRefs, LaidText, pack } from './laid';
import { changeMap } from './map';

const laidOut = (a: string, b: string) => {
	const reading = read({ a: { id: 'a', label: 'A', text: a }, b: { id: 'b', label: 'B', text: b } }, []);
	return new LaidText(pack(reading.blocks, changeRefs(reading.comparison.segments)), { a, b });
};

describe('changeMap', () => {
	// Ten paragraphs of 30 characters; changes in the first, the second and the last.
	const para = (k: number, word = 'alpha') => `Paragraph ${k} holds ${word} here.`;
	const a = Array.from({ length: 10 }, (_, k) => para(k)).join('\n\n');
	const b = Array.from({ length: 10 }, (_, k) => para(k, k === 0 || k === 1 || k === 9 ? 'omega' : 'alpha')).join('\n\n');
	const text = laidOut(a, b);
	const all = Int32Array.from({ length: text.changeCount }, (_, c) => c);

	it('counts the changes that start in each part of the text, leaving out parts without one', () => {
		expect(text.changeCount).toBe(3);
		expect(changeMap(text, all, 5)).toEqual([
			{ from: 0, to: 0.2, count: 2, first: 0, firstShown: 1, lastShown: 2 },
			{ from: 0.8, to: 1, count: 1, first: 2, firstShown: 3, lastShown: 3 }
		]);
	});

	it('maps only the changes shown, numbered among them', () => {
		expect(changeMap(text, Int32Array.of(1, 2), 5)).toEqual([
			{ from: 0, to: 0.2, count: 1, first: 1, firstShown: 1, lastShown: 1 },
			{ from: 0.8, to: 1, count: 1, first: 2, firstShown: 2, lastShown: 2 }
		]);
		expect(changeMap(text, new Int32Array(0))).toEqual([]);
	});
});
