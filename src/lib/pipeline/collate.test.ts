import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collate, witnessText } from './collate';

const corpus = (id: string) => readFileSync(`corpus/gettysburg/${id}.txt`, 'utf8');

describe('collate', () => {
	it('merges the witnesses on the base: one place for what all read, a reading per variant', () => {
		const apparatus = collate([
			{ id: 'base', text: 'We are met on a great battle field of that war.' },
			{ id: 'hay', text: 'We are met on a great battle-field of that war.' },
			{ id: 'bliss', text: 'We are met on a great battle-field of that war.' }
		]);
		expect(apparatus.places.map((p) => p.readings)).toEqual([
			[{ text: 'We are met on a great ', witnesses: ['base', 'hay', 'bliss'] }],
			[
				{ text: 'battle field', witnesses: ['base'] },
				{ text: 'battle-field', witnesses: ['hay', 'bliss'] }
			],
			[{ text: ' of that war.', witnesses: ['base', 'hay', 'bliss'] }]
		]);
	});

	it('gives text a witness adds a place of its own, where the base reads nothing', () => {
		const apparatus = collate([
			{ id: 'a', text: 'this nation shall have' },
			{ id: 'b', text: 'this nation, under God, shall have' },
			{ id: 'c', text: 'this nation shall have' }
		]);
		expect(apparatus.places.map((p) => [p.from, p.to, p.readings])).toEqual([
			[0, 11, [{ text: 'this nation', witnesses: ['a', 'b', 'c'] }]],
			[11, 11, [{ text: '', witnesses: ['a', 'c'] }, { text: ', under God,', witnesses: ['b'] }]],
			[11, 22, [{ text: ' shall have', witnesses: ['a', 'b', 'c'] }]]
		]);
	});

	it('reads the five Gettysburg copies at once: “upon” until the Everett copy, “on” after it', () => {
		const ids = ['nicolay', 'hay', 'everett', 'bancroft', 'bliss'];
		const apparatus = collate(ids.map((id) => ({ id, text: corpus(id) })));
		const upon = apparatus.places.find((p) => p.readings.some((r) => r.text === 'upon'));
		expect(upon?.readings).toEqual([
			{ text: 'upon', witnesses: ['nicolay', 'hay', 'everett'] },
			{ text: 'on', witnesses: ['bancroft', 'bliss'] }
		]);
		for (const id of ids) expect(witnessText(apparatus, id)).toBe(corpus(id));
	});

	it('rebuilds every witness byte for byte, from two to six hostile witnesses', () => {
		const word = fc.constantFrom('the', 'court', 'Ёлка', 'é', 'e\u0301', '😀', '—', ',', 'mercy', '[gap]', 'a');
		const space = fc.constantFrom(' ', '  ', '\n', '\r\n', '\n\n', '\t');
		const text = fc
			.array(fc.tuple(word, space), { maxLength: 40 })
			.map((parts) => parts.map(([w, s]) => w + s).join(''));
		fc.assert(
			fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (texts) => {
				const witnesses = texts.map((t, i) => ({ id: `w${i}`, text: t }));
				const apparatus = collate(witnesses);
				for (const w of witnesses) expect(witnessText(apparatus, w.id)).toBe(w.text);
				// Every place has each witness in exactly one reading.
				for (const p of apparatus.places) {
					expect(p.readings.flatMap((r) => r.witnesses).sort()).toEqual(witnesses.map((w) => w.id).sort());
				}
			}),
			{ numRuns: 150 }
		);
	});
});
