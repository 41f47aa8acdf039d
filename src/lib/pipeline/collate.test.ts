import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	apparatusFigures,
	placeAt,
	placeStarts,
	shownApparatus,
	textAt,
	variantPlaces,
	withContext,
	witnessText
} from './apparatus';
import { collate, pairApparatus } from './collate';
import { compare } from './compare';
import type { Tokens } from '../types';

const corpus = (id: string) => readFileSync(`corpus/gettysburg/${id}.txt`, 'utf8');

describe('collate', () => {
	it('merges the witnesses on the base: one place for what all read, a reading per variant', () => {
		const apparatus = collate([
			{ id: 'base', text: 'We are met on a great battle field of that war.' },
			{ id: 'hay', text: 'We are met on a great battle-field of that war.' },
			{ id: 'bliss', text: 'We are met on a great battle-field of that war.' }
		]);
		expect(apparatus.places.map((p) => p.readings)).toEqual([
			[{ text: 'We are met on a great ', witnesses: ['base', 'hay', 'bliss'], words: 6 }],
			[
				{ text: 'battle field', witnesses: ['base'], words: 2 },
				{ text: 'battle-field', witnesses: ['hay', 'bliss'], words: 1 }
			],
			[{ text: ' of that war.', witnesses: ['base', 'hay', 'bliss'], words: 3 }]
		]);
	});

	it('gives text a witness adds a place of its own, where the base reads nothing', () => {
		const apparatus = collate([
			{ id: 'a', text: 'this nation shall have' },
			{ id: 'b', text: 'this nation, under God, shall have' },
			{ id: 'c', text: 'this nation shall have' }
		]);
		expect(apparatus.places.map((p) => [p.from, p.to, p.readings])).toEqual([
			[0, 11, [{ text: 'this nation', witnesses: ['a', 'b', 'c'], words: 2 }]],
			[
				11,
				11,
				[
					{ text: '', witnesses: ['a', 'c'], words: 0 },
					{ text: ', under God,', witnesses: ['b'], words: 2 }
				]
			],
			[11, 22, [{ text: ' shall have', witnesses: ['a', 'b', 'c'], words: 2 }]]
		]);
	});

	it('reads the five Gettysburg copies at once: “upon” until the Everett copy, “on” after it', () => {
		const ids = ['nicolay', 'hay', 'everett', 'bancroft', 'bliss'];
		const apparatus = collate(ids.map((id) => ({ id, text: corpus(id) })));
		const upon = apparatus.places.find((p) => p.readings.some((r) => r.text === 'upon'));
		expect(upon?.readings).toEqual([
			{ text: 'upon', witnesses: ['nicolay', 'hay', 'everett'], words: 1 },
			{ text: 'on', witnesses: ['bancroft', 'bliss'], words: 1 }
		]);
		expect(variantPlaces(apparatus, new Set(ids))).toHaveLength(48);
		for (const id of ids) expect(witnessText(apparatus, id)).toBe(corpus(id));
	});

	it('reads text wrapped or ended differently as one reading, keeping each witness’s characters', () => {
		const apparatus = collate([
			{ id: 'a', text: 'We are met\non a great field.' },
			{ id: 'b', text: 'We are met on a\r\ngreat field.' },
			{ id: 'c', text: 'We are met on a great field.' }
		]);
		expect(apparatus.places).toEqual([
			{
				from: 0,
				to: 28,
				readings: [
					{
						text: 'We are met\non a great field.',
						witnesses: ['a', 'b', 'c'],
						words: 7,
						layout: { b: 'We are met on a\r\ngreat field.', c: 'We are met on a great field.' }
					}
				]
			}
		]);
		expect(witnessText(apparatus, 'b')).toBe('We are met on a\r\ngreat field.');
		// Without the first witness, the reading is written as the next writes it.
		expect(shownApparatus(apparatus, new Set(['b', 'c'])).places[0].readings).toEqual([
			{
				text: 'We are met on a\r\ngreat field.',
				witnesses: ['b', 'c'],
				words: 7,
				layout: { c: 'We are met on a great field.' }
			}
		]);
	});

	it('makes a pair’s apparatus from the pair’s own alignment: a variant place per change', () => {
		const a = 'I am kneeling before the country, before the party, before the whole people.';
		const b = 'I am kneeling before the country, before the whole people.';
		const apparatus = pairApparatus(compare(a, b), 'spoken', 'published');
		expect(apparatus.witnesses).toEqual(['spoken', 'published']);
		const variants = variantPlaces(apparatus, new Set(['spoken', 'published']));
		expect(variants.map((i) => apparatus.places[i].readings.map((r) => [r.text, r.witnesses]))).toEqual([
			[
				['before the party, ', ['spoken']],
				['', ['published']]
			]
		]);
		expect(witnessText(apparatus, 'spoken')).toBe(a);
		expect(witnessText(apparatus, 'published')).toBe(b);
	});

	it('makes a pair into an apparatus whose variant places are exactly the pair’s changes of words', () => {
		// Changes of white space only are no variants (layout): every other change is a place.
		const word = fc.constantFrom('the', 'court', 'Ёлка', 'é', 'e\u0301', '😀', '—', ',', 'mercy', 'a');
		const space = fc.constantFrom(' ', '  ', '\n', '\r\n', '\n\n', '\t');
		const text = fc.array(fc.tuple(word, space), { maxLength: 30 }).map((p) => p.map(([w, s]) => w + s).join(''));
		const keys = (t: Tokens, from: number, to: number) =>
			Array.from(t.keys.subarray(from, to), (k) => t.vocabulary.keys[k]).join('\u0000');
		fc.assert(
			fc.property(text, text, (a, b) => {
				const pair = compare(a, b);
				const apparatus = pairApparatus(pair, 'a', 'b');
				const places = variantPlaces(apparatus, new Set(['a', 'b'])).map((i) => apparatus.places[i]);
				const changes = pair.segments.filter(
					(s) => s.kind !== 'equal' && keys(pair.aTokens, s.aFrom, s.aTo) !== keys(pair.bTokens, s.bFrom, s.bTo)
				);
				expect(places.map((p) => [p.from, p.to, textAt(p, 'a'), textAt(p, 'b')])).toEqual(
					changes.map((s) => [
						pair.aTokens.starts[s.aFrom],
						pair.aTokens.starts[s.aTo],
						a.slice(pair.aTokens.starts[s.aFrom], pair.aTokens.starts[s.aTo]),
						b.slice(pair.bTokens.starts[s.bFrom], pair.bTokens.starts[s.bTo])
					])
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('counts each witness’s words shared with the base, its lone readings, and who agrees with whom', () => {
		const apparatus = collate([
			{ id: 'a', text: 'upon this continent a new nation' },
			{ id: 'b', text: 'upon this continent a free nation' },
			{ id: 'c', text: 'on this continent a free nation' }
		]);
		const figures = apparatusFigures(apparatus, new Set(['a', 'b', 'c']));
		expect(figures).toEqual({
			variants: 2,
			witnesses: [
				{ id: 'a', words: 6, shared: 6, alone: 1 },
				{ id: 'b', words: 6, shared: 5, alone: 0 },
				{ id: 'c', words: 6, shared: 4, alone: 1 }
			],
			agree: [
				[2, 1, 0],
				[1, 2, 1],
				[0, 1, 2]
			]
		});
		// Set the third aside: one variant place is left, where the second stands alone.
		expect(apparatusFigures(apparatus, new Set(['a', 'b']))).toEqual({
			variants: 1,
			witnesses: [
				{ id: 'a', words: 6, shared: 6, alone: 1 },
				{ id: 'b', words: 6, shared: 5, alone: 1 }
			],
			agree: [
				[1, 0],
				[0, 1]
			]
		});
	});

	it('gives an excerpt of places some text around them, but not across a paragraph break', () => {
		const apparatus = collate([
			{ id: 'a', text: 'One two.\n\nWe are met on a great field of that war. We have come.' },
			{ id: 'b', text: 'One too.\n\nWe are met on a great battle-field of that war. We have come.' }
		]);
		const field = apparatus.places.findIndex((p) => p.readings[0].text === 'field');
		const cut = (r: { from: number; to: number }) =>
			apparatus.places.slice(r.from, r.to).map((p) => p.readings[0].text).join('');
		expect(cut(withContext(apparatus, field, field + 1))).toBe('We are met on a great field of that war. We have come.');
		expect(cut(withContext(apparatus, field, field + 1, 0))).toBe('field');
		// The paragraph before is not reached, however much context is asked for.
		expect(cut(withContext(apparatus, field, field + 1, 1000))).toBe('We are met on a great field of that war. We have come.');
	});

	it('finds the place that holds an offset of any witness', () => {
		const apparatus = collate([
			{ id: 'a', text: 'this nation shall have' },
			{ id: 'b', text: 'this nation, under God, shall have' }
		]);
		const starts = placeStarts(apparatus, 'b');
		expect(starts).toEqual([0, 11, 23, 34]);
		expect([0, 10, 11, 15, 23, 33].map((at) => placeAt(starts, at))).toEqual([0, 0, 1, 1, 2, 2]);
		// In the base the added place is empty: an offset there is in the place after it.
		expect(placeAt(placeStarts(apparatus, 'a'), 11)).toBe(2);
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
				// A place all read alike ends at a paragraph break, never runs on past one.
				for (const p of apparatus.places) {
					if (p.readings.length === 1) expect(p.readings[0].text).not.toMatch(/\n[ \t\r]*\n\s*\S/);
				}
				// Set the first witness aside: the others still rebuild, from their own readings only.
				const rest = shownApparatus(apparatus, new Set(witnesses.slice(1).map((w) => w.id)));
				for (const w of witnesses.slice(1)) expect(witnessText(rest, w.id)).toBe(w.text);
				for (const p of rest.places) for (const r of p.readings) expect(r.witnesses).not.toContain('w0');
				// Each witness's text cut at its place starts is what it has at each place.
				for (const w of witnesses) {
					const starts = placeStarts(apparatus, w.id);
					expect(starts.at(-1)).toBe(w.text.length);
				}
				// Every place has each witness in exactly one reading.
				for (const p of apparatus.places) {
					expect(p.readings.flatMap((r) => r.witnesses).sort()).toEqual(witnesses.map((w) => w.id).sort());
				}
			}),
			{ numRuns: 150 }
		);
	});
});
