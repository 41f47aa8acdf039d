import { describe, expect, it } from 'vitest';
import type { Attribution } from '../types';
import { placeAttributions } from './attribute';
import { compare } from './compare';

describe('placeAttributions', () => {
	const spoken =
		'I accept it. I deny most of all the charge. We met in May. The sum total of it.\n\nThis I admit.';
	const published = 'I accept it. We met in May. The whole of it. This I admit. We agreed.';
	const sides = {
		a: { id: 'spoken', label: 'As spoken', text: spoken },
		b: { id: 'published', label: 'As published', text: published }
	};
	const comparison = compare(spoken, published);
	// The changes, in text order: a cut, a rewording, a paragraph run on, an addition.
	const ids = comparison.segments.filter((s) => s.id).map((s) => s.id!);
	const [cut, rewording, runOn, addition] = ids;
	const on = (witness: string, quote: string, more: Partial<Attribution> = {}): Attribution => ({
		anchor: { witness, quote },
		...more
	});
	const place = (...attributions: Attribution[]) =>
		placeAttributions(comparison, attributions, sides);

	it('finds the four changes the examples below name', () => {
		expect(comparison.segments.filter((s) => s.id).map((s) => [s.kind, s.a, s.b])).toEqual([
			['delete', 'I deny most of all the charge. ', ''],
			['replace', 'sum total', 'whole'],
			['replace', '\n\n', ' '],
			['insert', '', ' We agreed.']
		]);
	});

	it('puts an attribution on the one change its quote overlaps, in the base or the target', () => {
		const struck = on('spoken', 'the charge', {
			hand: 'Stalin, pencil',
			cause: 'political',
			cert: 'certain'
		});
		const reworded = on('published', 'whole', { hand: 'Editor', date: '2024-05-02T09:30:00Z' });
		// A quote of more than the change, equal words around it, still names only that change.
		const added = on('published', 'admit. We agreed', { hand: 'Editor' });
		expect(place(struck, reworded, added)).toEqual([
			{ attribution: struck, change: cut },
			{ attribution: reworded, change: rewording },
			{ attribution: added, change: addition }
		]);
	});

	it('places a change of white space by the words on either side of it', () => {
		const joined = on('spoken', 'of it.\n\nThis', { hand: 'Editor' });
		expect(place(joined)).toEqual([{ attribution: joined, change: runOn }]);
	});

	it('reports a quote that is not found, or not found once, in its witness', () => {
		const missing = on('spoken', 'never said');
		const twice = on('published', 'We');
		expect(place(missing, twice)).toEqual([
			{ attribution: missing, problem: 'quote not found in witness "spoken"' },
			{ attribution: twice, problem: 'quote found 2 times in witness "published"' }
		]);
	});

	it('reports a witness that is not one of the two compared', () => {
		const elsewhere = on('draft', 'I accept it.');
		expect(place(elsewhere)).toEqual([
			{
				attribution: elsewhere,
				problem: 'witness "draft" is not one of the two compared ("spoken" and "published")'
			}
		]);
	});

	it('reports a quote on no change, and a quote on two changes, naming them', () => {
		const unchanged = on('spoken', 'We met in May.');
		const both = on('spoken', 'charge. We met in May. The sum');
		expect(place(unchanged, both)).toEqual([
			{ attribution: unchanged, problem: 'quote is on no change' },
			{
				attribution: both,
				problem:
					`quote is on 2 changes: ${cut} (“I deny most of all the charge.” struck), ` +
					`${rewording} (“sum total” → “whole”)`
			}
		]);
	});

	it('reports a second attribution on the same change as a duplicate, with the first one’s line', () => {
		const first = on('spoken', 'sum total', { hand: 'A', file: 'changes.txt', line: 4 });
		const second = on('published', 'whole', { hand: 'B', file: 'changes.txt', line: 9 });
		const third = on('published', 'The whole', { hand: 'C' });
		const problem = `duplicate: change ${rewording} (“sum total” → “whole”) already has an attribution`;
		expect(place(first, second, third)).toEqual([
			{ attribution: first, change: rewording },
			{ attribution: second, problem: `${problem} (first on line 4)` },
			{ attribution: third, problem: `${problem} (first on line 4)` }
		]);
		// Without a line to point to, the message says no more than it knows.
		expect(place(third, second)[1]).toEqual({ attribution: second, problem });
	});

	it('names a change of white space in words, and shortens a long passage to 30 characters', () => {
		const wide = on('spoken', 'sum total of it.\n\nThis');
		expect(place(wide)[0].problem).toBe(
			`quote is on 2 changes: ${rewording} (“sum total” → “whole”), ` +
				`${runOn} (a paragraph break → a space)`
		);
		const a = 'We met. I deny most of all the prosecutor’s charge. We parted. Then.';
		const b = 'We met. We parted. Now.';
		const long = compare(a, b);
		const [first, second] = long.segments.filter((s) => s.id).map((s) => s.id);
		const [placed] = placeAttributions(long, [on('a', 'charge. We parted. Then')], {
			a: { id: 'a', label: 'A', text: a },
			b: { id: 'b', label: 'B', text: b }
		});
		expect(placed.problem).toBe(
			`quote is on 2 changes: ${first} (“I deny most of all the prosec…” struck), ` +
				`${second} (“Then” → “Now”)`
		);
	});
});
