import { describe, expect, it } from 'vitest';
import { fixture, inMode } from '$lib/test/excerpt-fixture';
import { shownWords } from './build-excerpt';

const drawn = (words: ReturnType<typeof shownWords>) =>
	words.map((w) => ({ none: w.text, struck: `-${w.text}`, added: `+${w.text}`, moved: `>${w.text}` })[
		w.mark
	]);

describe('shownWords', () => {
	// Issue 9: the export dialog's summary read "everlastingeternal", "1989, 19912007".
	it('keeps a rewrite apart: a word struck, then a word added', () => {
		const excerpt = {
			...fixture,
			blocks: [
				{
					kind: 'paragraph' as const,
					inA: true,
					inB: true,
					spans: [
						{ kind: 'equal' as const, text: 'In 1989, ' },
						{ kind: 'delete' as const, text: '1991', change: 'c-1', first: true },
						{ kind: 'insert' as const, text: '2007', change: 'c-1' },
						{ kind: 'equal' as const, text: ' and for ' },
						{ kind: 'delete' as const, text: 'everlasting', change: 'c-2', first: true },
						{ kind: 'insert' as const, text: 'eternal', change: 'c-2' },
						{ kind: 'equal' as const, text: 'ly.' }
					]
				}
			]
		};
		expect(drawn(shownWords(excerpt))).toEqual([
			'In',
			'1989,',
			'-1991',
			'+2007',
			'and',
			'for',
			'-everlasting',
			'+eternal',
			'ly.'
		]);
		expect(drawn(shownWords({ ...excerpt, mode: 'target' }))).toEqual([
			'In',
			'1989,',
			'2007',
			'and',
			'for',
			'eternally.'
		]);
	});

	it('ends a word at a paragraph’s end, and leaves out gaps', () => {
		expect(drawn(shownWords(inMode('base')))).toEqual(
			(
				'The accused Bukharin pleads guilty to the sum total of the crimes. I was never in the ' +
				'[non-existent] bloc. I ask the court for mercy.'
			).split(' ')
		);
		expect(drawn(shownWords(fixture)).slice(-9)).toEqual([
			'bloc',
			'+abroad',
			'.',
			'-I',
			'-ask',
			'-the',
			'-court',
			'-for',
			'-mercy.'
		]);
	});
});
