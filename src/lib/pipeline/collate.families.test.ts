import { describe, expect, it } from 'vitest';
import { proseSource, witnessesOf, type SourceMaker } from '../../../scripts/bench-data';
import { SOURCES } from '../../../scripts/bench-families';
import type { Segment } from '../types';
import {
	apparatusFigures,
	readingOf,
	textAt,
	variantPlaces,
	witnessText,
	type Apparatus,
	type ApparatusPlace
} from './apparatus';
import { collate } from './collate';
import { compare } from './compare';

// Collation on the texts that are hard to align: formulae and litanies in which every line is
// nearly every other, a line repeated, empty witnesses, a witness identical to the base and one
// that shares nothing with it, hostile Unicode, CRLF, a line of 130 KB, and the benchmark's
// families (scripts/bench-families.ts). On each, every witness rebuilds byte for byte and has one
// reading at each place; where the answer is known, the variant places are exactly it, so that a
// collation that gave up and read a stretch as one rewrite fails.

/**
 * Collates `texts` (by witness id, the base's first) and checks what holds of any apparatus:
 * every witness rebuilt byte for byte, one reading for each witness at each place, and the places
 * following the base from its start to its end, each reading the base's text there.
 */
function collated(texts: Record<string, string>): Apparatus {
	const witnesses = Object.entries(texts).map(([id, text]) => ({ id, text }));
	const ids = witnesses.map((w) => w.id);
	const base = witnesses[0];
	const apparatus = collate(witnesses);
	for (const w of witnesses) expect(witnessText(apparatus, w.id)).toBe(w.text);
	let at = 0;
	for (const place of apparatus.places) {
		expect(place.readings.flatMap((r) => r.witnesses).sort()).toEqual([...ids].sort());
		expect(place.from).toBe(at);
		expect(textAt(place, base.id)).toBe(base.text.slice(place.from, place.to));
		at = place.to;
	}
	expect(at).toBe(base.text.length);
	return apparatus;
}

/** The variant places: where each stands in the base, and each reading's text and sigla. */
function variants(apparatus: Apparatus) {
	return variantPlaces(apparatus, new Set(apparatus.witnesses)).map((i) => {
		const { from, to, readings } = apparatus.places[i];
		return { at: [from, to], readings: readings.map((r) => [r.text, r.witnesses]) };
	});
}

const PETITIONS = [
	'For the peace of the whole world',
	'For this holy house',
	'For our city',
	'For seasonable weather',
	'For the abundance of the fruits of the earth',
	'For peaceful times',
	'For travellers by land, by sea and by air',
	'For the sick and the suffering',
	'For captives and their salvation'
];

/** A litany: each petition ends in the same formula, and each is followed by the same response. */
function litany(petitions: string[]): string {
	const lines = petitions.flatMap((p) => [`${p}, let us pray to the Lord.`, 'Lord, have mercy.']);
	return ['In peace let us pray to the Lord.', 'Lord, have mercy.', ...lines].join('\n') + '\n';
}
const LITANY = litany(PETITIONS);
const edited = (k: number, petition: string) =>
	litany(PETITIONS.map((p, i) => (i === k ? petition : p)));

describe('collate on hard texts', () => {
	it('reads a litany with one petition changed in one witness as that one variant place', () => {
		const apparatus = collated({
			base: LITANY,
			a: LITANY,
			b: edited(5, 'For peaceful days'),
			c: LITANY
		});
		const at = LITANY.indexOf('times');
		expect(variants(apparatus)).toEqual([
			{
				at: [at, at + 'times'.length],
				readings: [
					['times', ['base', 'a', 'c']],
					['days', ['b']]
				]
			}
		]);
		// What all read before and after it is one place each.
		expect(apparatus.places).toHaveLength(3);
	});

	it('reads a petition struck in one witness and words changed in two others as three places', () => {
		const apparatus = collated({
			base: LITANY,
			a: litany(PETITIONS.filter((_, i) => i !== 3)),
			b: edited(5, 'For peaceful days'),
			c: LITANY,
			d: edited(7, 'For the sick and the dying')
		});
		const places = variantPlaces(apparatus, new Set(apparatus.witnesses));
		expect(places).toHaveLength(3);
		const [struck, days, dying] = places.map((i) => apparatus.places[i].readings);
		// Each petition's formula and response are the next one's too, so where the struck petition
		// is cut is the pair alignment's choice; its words (nine, and the response's three) are not.
		expect(struck.map((r) => [r.witnesses, r.words, r.text === ''])).toEqual([
			[['base', 'b', 'c', 'd'], 12, false],
			[['a'], 0, true]
		]);
		expect(days.map((r) => [r.text, r.witnesses])).toEqual([
			['times', ['base', 'a', 'c', 'd']],
			['days', ['b']]
		]);
		expect(dying.map((r) => [r.text, r.witnesses])).toEqual([
			['suffering', ['base', 'a', 'b', 'c']],
			['dying', ['d']]
		]);
	});

	it('reads a line repeated twenty times, once fewer and once more, as one variant place each', () => {
		const line = 'Lord, have mercy.\n';
		const apparatus = collated({
			base: line.repeat(20),
			fewer: line.repeat(19),
			more: line.repeat(21),
			same: line.repeat(20)
		});
		expect(variants(apparatus).map((v) => v.readings)).toEqual([
			[
				[line, ['base', 'more', 'same']],
				['', ['fewer']]
			],
			[
				['', ['base', 'fewer', 'same']],
				[line, ['more']]
			]
		]);
	});

	it('finds an answer changed in the 18th of 30 identical exchanges and one lengthened in the 5th', () => {
		const exchange = (answer: string) =>
			`THE PROSECUTOR: Do you confirm it?\n\nTHE ACCUSED: ${answer}\n\nTHE PRESIDENT: Sit down.`;
		const transcript = (answers: Record<number, string>) =>
			Array.from({ length: 30 }, (_, k) => exchange(answers[k] ?? 'I confirm it.')).join('\n\n');
		const base = transcript({});
		const apparatus = collated({
			base,
			a: transcript({ 17: 'I do not confirm it.' }),
			b: base,
			c: transcript({ 4: 'I confirm it in full.' })
		});
		// Where the nth exchange's answer begins in the base.
		const answer = (n: number) => {
			let at = -1;
			for (let k = 0; k <= n; k++) at = base.indexOf('THE ACCUSED: ', at + 1);
			return at + 'THE ACCUSED: '.length;
		};
		const inFull = answer(4) + 'I confirm it'.length;
		const doNot = answer(17) + 'I '.length;
		expect(variants(apparatus)).toEqual([
			{
				at: [inFull, inFull],
				readings: [
					['', ['base', 'a', 'b']],
					[' in full', ['c']]
				]
			},
			{
				at: [doNot, doNot],
				readings: [
					['', ['base', 'b', 'c']],
					['do not ', ['a']]
				]
			}
		]);
	});

	it('reads an empty witness, one of white space only and one identical to the base: the words, then the last line end', () => {
		const apparatus = collated({ base: LITANY, empty: '', blank: ' \n', same: LITANY });
		// The blank witness's line end is the base's last; the empty one has not even that.
		expect(variants(apparatus)).toEqual([
			{
				at: [0, LITANY.length - 1],
				readings: [
					[LITANY.slice(0, -1), ['base', 'same']],
					['', ['empty', 'blank']]
				]
			},
			{
				at: [LITANY.length - 1, LITANY.length],
				readings: [
					['\n', ['base', 'blank', 'same']],
					['', ['empty']]
				]
			}
		]);
	});

	it('reads a witness that shares nothing with the base as one reading against the base’s', () => {
		const other = 'Ёлка горит в лесу, и снег идёт.\nМы молчим.\n';
		const apparatus = collated({ base: LITANY, other, same: LITANY });
		// The two end alike, in a full stop and a line break.
		expect(apparatus.places.map((p) => p.readings.map((r) => [r.text, r.witnesses]))).toEqual([
			[
				[LITANY.slice(0, -2), ['base', 'same']],
				[other.slice(0, -2), ['other']]
			],
			[['.\n', ['base', 'other', 'same']]]
		]);
	});

	// A witness that shares nothing with the base is one rewrite of all of it; a place is never cut
	// inside a rewrite, but this one's must be, or another witness's one-word variant would read as
	// an eleven-word one.
	it('keeps another witness’s variant apart when one witness shares nothing with the base', () => {
		const base = 'We are met on a great battle field of that war.';
		const apparatus = collated({
			base,
			hay: base.replace('great', 'grand'),
			other: 'Ёлка горит.'
		});
		const differs = apparatus.places.filter((p) => readingOf(p, 'hay') !== readingOf(p, 'base'));
		expect(differs.map((p) => [textAt(p, 'base'), textAt(p, 'hay')])).toEqual([['great', 'grand']]);
	});

	it('counts the words of a base collated alone', () => {
		const apparatus = collated({ base: 'Lord, have mercy.' });
		expect(apparatusFigures(apparatus, new Set(['base'])).witnesses).toEqual([
			{ id: 'base', words: 3, shared: 3, alone: 0 }
		]);
	});

	it('reads hostile Unicode: combining marks, a joined emoji, right to left, NUL, a lone surrogate', () => {
		const base =
			'Ёлка e\u0301té 👩‍👩‍👧 שלום עולם \u200b\ufeff x\u0000y 😀😀 \u2028 Ǆemal ﬁne ١٢٣ 𝔘𝔫𝔦 \ud800 end.';
		const apparatus = collated({
			base,
			a: base.replace('שלום', 'שלום\u05c1'),
			b: base,
			c: base.replace('😀😀', '😀'),
			d: base.replace('\ud800', '\udc00')
		});
		const hebrew = base.indexOf('שלום');
		const smile = base.indexOf('😀😀');
		const surrogate = base.indexOf('\ud800');
		expect(variants(apparatus)).toEqual([
			{
				at: [hebrew, hebrew + 4],
				readings: [
					['שלום', ['base', 'b', 'c', 'd']],
					['שלום\u05c1', ['a']]
				]
			},
			{
				at: [smile, smile + 2],
				readings: [
					['😀', ['base', 'a', 'b', 'd']],
					['', ['c']]
				]
			},
			{
				at: [surrogate, surrogate + 1],
				readings: [
					['\ud800', ['base', 'a', 'b', 'c']],
					['\udc00', ['d']]
				]
			}
		]);
	});

	it('reads CRLF and CR copies of an LF base as the base, each keeping its own line ends', () => {
		const base =
			'We are met on a great battle field\nof that war. We have come to dedicate\na portion of that field.\n';
		const crlf = base.replace(/\n/g, '\r\n');
		const apparatus = collated({
			base,
			crlf,
			changed: crlf.replace('portion', 'part'),
			cr: base.replace(/\n/g, '\r')
		});
		const at = base.indexOf('portion');
		expect(variants(apparatus)).toEqual([
			{
				at: [at, at + 'portion'.length],
				readings: [
					['portion', ['base', 'crlf', 'cr']],
					['part', ['changed']]
				]
			}
		]);
		expect(apparatus.places.map((p) => Object.keys(p.readings[0].layout ?? {}))).toEqual([
			['crlf', 'changed', 'cr'],
			[],
			['crlf', 'changed', 'cr']
		]);
	});

	it('finds two one-word variants in a line of 30,000 words, with their sigla', () => {
		const formula = ['Lord', 'have', 'mercy', 'on', 'us'];
		const words = Array.from({ length: 30_000 }, (_, i) => formula[i % 5]);
		const line = (k: number, word: string) => words.map((w, i) => (i === k ? word : w)).join(' ');
		const base = words.join(' ');
		const apparatus = collated({
			base,
			a: line(1000, 'grace'),
			b: line(20_000, 'peace'),
			c: base,
			d: line(1000, 'grace')
		});
		const offset = (k: number) => words.slice(0, k).join(' ').length + 1;
		expect(variants(apparatus)).toEqual([
			{
				at: [offset(1000), offset(1000) + 4],
				readings: [
					['Lord', ['base', 'b', 'c']],
					['grace', ['a', 'd']]
				]
			},
			{
				at: [offset(20_000), offset(20_000) + 4],
				readings: [
					['Lord', ['base', 'a', 'c', 'd']],
					['peace', ['b']]
				]
			}
		]);
	});
});

/**
 * The changes of `base` to `text` whose two sides differ in their words or punctuation (the keys
 * of their tokens), as readings are told apart.
 */
function changesOf(base: string, text: string): Segment[] {
	const { segments, aTokens, bTokens } = compare(base, text);
	return segments.filter((s) => {
		const a = aTokens.keys.subarray(s.aFrom, s.aTo);
		const b = bTokens.keys.subarray(s.bFrom, s.bTo);
		return s.kind !== 'equal' && (a.length !== b.length || a.some((k, i) => k !== b[i]));
	});
}

/**
 * Whether `place` holds change `s`: its stretch of the base, or for text added at a point, that
 * point's own place or one the point is inside of (another witness's change there).
 */
function holds({ from, to }: ApparatusPlace, s: Segment): boolean {
	const [start, end] = [s.aStart, s.aStart + s.a.length];
	if (start < end) return from <= start && end <= to;
	return from === to ? from === start : from < start && start < to;
}

const FAMILIES: [string, SourceMaker][] = [['prose', proseSource], ...Object.entries(SOURCES)];

describe('collate on the benchmark’s families', () => {
	for (const [family, make] of FAMILIES) {
		for (const share of [0.05, 0.2]) {
			const { texts } = witnessesOf(make, family, 20_000, share, 21, 3);
			const [base, b, c, d] = texts;

			it(`reads a ${family} copy given twice as the pair alignment does, with ${share * 100}% edited`, () => {
				const apparatus = collated({ base, b, again: b });
				// Text added at one point of the base is one place, even where the pair makes two
				// changes of it (a moved passage, and words added after it).
				const places: { at: number[]; readings: [string, string[]][] }[] = [];
				for (const s of changesOf(base, b)) {
					const last = places.at(-1);
					if (s.a === '' && last?.at[0] === s.aStart && last.at[1] === s.aStart) {
						last.readings[1][0] += s.b;
						continue;
					}
					places.push({
						at: [s.aStart, s.aStart + s.a.length],
						readings: [
							[s.a, ['base']],
							[s.b, ['b', 'again']]
						]
					});
				}
				expect(variants(apparatus)).toEqual(places);
			});

			it(`collates a ${family} base, three copies with ${share * 100}% edited and the base again`, () => {
				const apparatus = collated({ base, b, c, d, same: base });
				const { places } = apparatus;
				for (const p of places) expect(readingOf(p, 'same')).toBe(readingOf(p, 'base'));
				// A copy reads otherwise than the base exactly at the places that hold its changes.
				for (const [id, text] of [
					['b', b],
					['c', c],
					['d', d]
				]) {
					const own = places.flatMap((p, i) =>
						readingOf(p, id) !== readingOf(p, 'base') ? [i] : []
					);
					const holding = changesOf(base, text).map((s) => own.find((i) => holds(places[i], s)));
					expect(holding).not.toContain(undefined);
					expect([...new Set(holding)]).toEqual(own);
				}
			});
		}
	}
});
