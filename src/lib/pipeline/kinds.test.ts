import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChangeKind } from '../types';
import { compare, type CompareOptions } from './compare';
import { CHANGE_KINDS, HIDDEN_KINDS, kindCode, kindOfCode, respelt } from './kinds';

/** The changes of a comparison as `[base text, target text, kind]`, in order. */
function kinds(a: string, b: string, options: CompareOptions = {}): [string, string, ChangeKind][] {
	return compare(a, b, options)
		.segments.filter((s) => s.kind !== 'equal' && s.kind !== 'gap')
		.map((s) => [s.a, s.b, s.changeKind!]);
}

describe('the kinds of change', () => {
	it('tells punctuation, capitals, spelling and layout apart from changes of words', () => {
		expect(kinds('We met, at noon.', 'We met at noon!')).toEqual([
			[',', '', 'punctuation'],
			['.', '!', 'punctuation']
		]);
		expect(kinds('conceived in liberty and', 'conceived in Liberty and')).toEqual([
			['liberty', 'Liberty', 'case']
		]);
		expect(kinds('on this battle field today', 'on this battle-field today')).toEqual([
			['battle field', 'battle-field', 'spelling']
		]);
		expect(kinds('for the honour of it', 'for the honor of it')).toEqual([
			['honour', 'honor', 'spelling']
		]);
		expect(kinds('They did here.\n\nIt is for us', 'They did here. It is for us')).toEqual([
			['\n\n', ' ', 'layout']
		]);
	});

	it('calls a line broken elsewhere, where lines matter, a change of layout', () => {
		const kept = { a: { lines: 'kept' }, b: { lines: 'kept' } } as const;
		expect(kinds('I could not\nstop for Death', 'I could\nnot stop for Death', kept)).toEqual([
			[' ', '\n', 'layout'],
			['\n', ' ', 'layout']
		]);
		// A line end where the base's lines do not matter faces a kept one: their lines differ.
		expect(kinds('a\nb', 'a\nb', { b: { lines: 'kept' } })).toEqual([['\n', '\n', 'layout']]);
		// Where no one's lines matter, rewrapping is no change at all.
		expect(kinds('Because I could not\nstop', 'Because I could\nnot stop')).toEqual([]);
	});

	it('tells a cut, an addition and a rewording apart by where the words are', () => {
		expect(kinds('those who died here, that', 'those who here, that')).toEqual([
			['died ', '', 'cut']
		]);
		expect(kinds('this nation shall have', 'this nation, under God, shall have')).toEqual([
			['', ', under God,', 'addition']
		]);
		// Words in place of a comma are added words, the comma going with them.
		expect(kinds('who died here, that the', 'who died here gave their lives that the')).toEqual([
			[',', ' gave their lives', 'addition']
		]);
		expect(kinds('brought forth, upon this continent', 'brought forth, on this continent')).toEqual(
			[['upon', 'on', 'rewording']]
		);
	});

	it('calls a change of punctuation and capitals at once a change of case', () => {
		expect(kinds('the ground—the brave men', 'the ground. The brave men')).toEqual([
			['—the', '. The', 'case']
		]);
	});

	it('reads the source’s editorial matter with letters as words, an elision as punctuation', () => {
		expect(kinds('such a group existed.', 'such a [non-existent] group existed.')).toEqual([
			['', '[non-existent] ', 'addition']
		]);
		expect(kinds('such a [non-existent] group existed.', 'such a group existed.')).toEqual([
			['[non-existent] ', '', 'cut']
		]);
		expect(kinds('I said it. Then I left.', 'I said it. . . . Then I left.')).toEqual([
			['.', '. . . .', 'punctuation']
		]);
	});

	it('leaves a gap marker out of the kinds: it is structure, not a change', () => {
		expect(kinds('One.\n\n{gap}\n\nTwo.', 'One!\n\n{gap}\n\nTwo.')).toEqual([
			['.', '!', 'punctuation']
		]);
		expect(kinds('One.\n\nTwo.', 'One.\n\n{gap}\n\nTwo!')).toEqual([['.', '!', 'punctuation']]);
		expect(kinds('Aa bb.', 'Cc.\n\n{gap}\n\nDd.')).toEqual([
			['Aa bb', 'Cc.\n\n', 'rewording'],
			['', 'Dd', 'addition']
		]);
	});

	it('calls both ends of a moved passage moved, also when words changed on the way', () => {
		const p1 = 'The court will now hear the statement of the accused about the bloc.';
		const p2 =
			'I was in Berlin in 1932 and I met there with the representatives of the general staff.';
		const p3 =
			'Citizen judges, I have been in prison for over a year, and I have read a great deal.';
		const a = [p1, p2, p3].join('\n\n');
		const b = [p1, p3, p2.replace('Berlin', 'Paris')].join('\n\n');
		expect(kinds(a, b)).toEqual([
			[p2 + '\n\n', '', 'moved'],
			['', '\n\n' + p2.replace('Berlin', 'Paris'), 'moved']
		]);
		const { stats } = compare(a, b);
		expect(stats.kinds.moved).toEqual({ changes: 2, wordsStruck: 1, wordsAdded: 1 });
	});

	it('folds capitals and accents in Cyrillic and in combining marks as in Latin', () => {
		expect(kinds('и Ёлка стоит', 'и ёлка стоит')).toEqual([['Ёлка', 'ёлка', 'case']]);
		// Russian mostly prints ё as е: a respelling in a long word ...
		expect(kinds('он пришёл домой', 'он пришел домой')).toEqual([['пришёл', 'пришел', 'spelling']]);
		// ... but `все` (all) and `всё` (everything) are two words.
		expect(kinds('это все было', 'это всё было')).toEqual([['все', 'всё', 'rewording']]);
		// The prefix без- before 1918, бес- since.
		expect(kinds('он безсмертный', 'он бессмертный')).toEqual([
			['безсмертный', 'бессмертный', 'spelling']
		]);
		expect(kinds('мой дом', 'мир дом')).toEqual([['мой', 'мир', 'rewording']]);
		// `é` with a combining accent against a capital `É` in one character.
		expect(kinds('the cafe\u0301 was', 'the CAFÉ was')).toEqual([['cafe\u0301', 'CAFÉ', 'case']]);
		// The same letters in another encoding: only a respelling does that.
		expect(kinds('the café was', 'the cafe\u0301 was')).toEqual([
			['café', 'cafe\u0301', 'spelling']
		]);
		expect(kinds('to cooperate now', 'to coöperate now')).toEqual([
			['cooperate', 'coöperate', 'spelling']
		]);
	});
});

describe('respelt', () => {
	it.each([
		['battle field', 'battle-field', true],
		['battlefield', 'Battle-field', true],
		['to-day', 'today', true],
		['don’t', 'dont', true],
		['honour', 'honor', true],
		['judgement', 'judgment', true],
		['travelled', 'traveled', true],
		['fulfil', 'fulfill', true],
		['realise', 'realize', true],
		['sceptic', 'skeptic', true],
		['centre', 'center', true],
		['coöperate', 'cooperate', true],
		['разсказ', 'рассказ', true],
		// The same letters, `ё` as one character and as `е` with a combining diaeresis.
		['ещё', 'еще\u0308', true],
		// A letter changed in a word of five letters or fewer: left alone.
		['naïve', 'naive', false],
		['ещё', 'еще', false],
		['upon', 'on', false],
		['the', 'that', false],
		['then', 'than', false],
		['form', 'from', false],
		['those', 'these', false],
		// Other words at any length.
		['nation', 'notion', false],
		['though', 'through', false],
		['county', 'country', false],
		['breathe', 'breath', false],
		['dinner', 'diner', false],
		['casual', 'causal', false],
		['advice', 'advise', false],
		['campaña', 'campana', false],
		['hallowed', 'consecrated', false],
		['186300', '186400', false]
	])('%s and %s: %s', (x, y, same) => {
		expect(respelt(x, y)).toBe(same);
		expect(respelt(y, x)).toBe(same);
	});
});

describe('placeholders', () => {
	it('shows words replaced by a built-in marker as a placeholder hiding them', () => {
		const a = 'He met John Smith in Paris and said damn it all.';
		const cases: [string, [string, string, ChangeKind][], number[]][] = [
			[
				'He met [REDACTED] in Paris and said [EXPLETIVE DELETED].',
				[
					['John Smith', '[REDACTED]', 'placeholder'],
					['damn it all', '[EXPLETIVE DELETED]', 'placeholder']
				],
				[2, 3]
			],
			[
				'He met (b)(6) in Paris and said damn it all.',
				[['John Smith', '(b)(6)', 'placeholder']],
				[2]
			],
			[
				'He met ██████ in Paris and said damn it all.',
				[['John Smith', '██████', 'placeholder']],
				[2]
			],
			[
				'He met [PASSAGE OMITTED] said damn it all.',
				[['John Smith in Paris and', '[PASSAGE OMITTED]', 'placeholder']],
				[5]
			]
		];
		for (const [b, expected, hidden] of cases) {
			expect(kinds(a, b)).toEqual(expected);
			const { segments, stats } = compare(a, b);
			expect(segments.flatMap((s) => (s.hidden === undefined ? [] : [s.hidden]))).toEqual(hidden);
			const words = hidden.reduce((n, h) => n + h, 0);
			expect([stats.wordsStruck, stats.wordsAdded]).toEqual([words, 0]);
		}
	});

	it('counts as hidden only the words the target does not show beside the marker', () => {
		// Clean-up joins the two edits around `Smith` into one change: `Smith` is still shown.
		const { segments, stats } = compare('a Smith never came.', 'a [REDACTED] Smith came.');
		const changes = segments.filter((s) => s.kind !== 'equal');
		expect(changes.map((s) => [s.a, s.b, s.changeKind, s.hidden])).toEqual([
			['Smith never', '[REDACTED] Smith', 'placeholder', 1]
		]);
		expect([stats.wordsStruck, stats.wordsAdded]).toEqual([1, 0]);
	});

	it('takes a marker where the base has no words for a placeholder hiding none', () => {
		const { segments } = compare('He left. Then', 'He left. [REDACTED] Then');
		expect(
			segments.filter((s) => s.kind !== 'equal').map((s) => [s.b, s.changeKind, s.hidden])
		).toEqual([['[REDACTED] ', 'placeholder', 0]]);
	});

	it('reads a marker among new words as part of a rewording', () => {
		expect(kinds('He met John Smith at the station.', 'He met [REDACTED] near a house.')).toEqual([
			['John Smith at the station', '[REDACTED] near a house', 'rewording']
		]);
	});

	it('finds a case’s own markers, and not inside a longer word', () => {
		const options = { placeholders: ['XXXX', '[NAME REMOVED]'] };
		expect(kinds('He met Smith and Jones.', 'He met XXXX and [NAME REMOVED].', options)).toEqual([
			['Smith', 'XXXX', 'placeholder'],
			['Jones', '[NAME REMOVED]', 'placeholder']
		]);
		expect(kinds('a size L', 'a size XXXXL', options)).toEqual([['L', 'XXXXL', 'rewording']]);
		expect(kinds('He met Smith.', 'He met XXXX.')).toEqual([['Smith', 'XXXX', 'rewording']]);
	});

	it('does not take the source’s editorial brackets or a long note in brackets for markers', () => {
		expect(kinds('a group existed.', 'a [non-existent] group existed.')).toEqual([
			['', '[non-existent] ', 'addition']
		]);
		expect(
			kinds('It was so.', 'It [a line deleted in the manuscript by the author] was so.')
		).toEqual([['', '[a line deleted in the manuscript by the author] ', 'addition']]);
	});
});

describe('CHANGE_KINDS', () => {
	it('lists every kind once, in display order, with layout alone hidden by default', () => {
		expect(CHANGE_KINDS.map((k) => k.kind)).toEqual([
			'cut',
			'placeholder',
			'rewording',
			'addition',
			'moved',
			'spelling',
			'case',
			'punctuation',
			'layout'
		]);
		expect([...HIDDEN_KINDS]).toEqual(['layout']);
		expect(CHANGE_KINDS.every((k) => k.label !== '' && /^[A-Z].*\.$/.test(k.description))).toBe(
			true
		);
	});

	it('codes each kind as a small number and back, 0 for none', () => {
		expect(CHANGE_KINDS.map((k) => kindCode(k.kind))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(CHANGE_KINDS.map((k) => kindOfCode(kindCode(k.kind)))).toEqual(
			CHANGE_KINDS.map((k) => k.kind)
		);
		expect([kindCode(undefined), kindOfCode(0)]).toEqual([0, undefined]);
	});
});

describe('the Gettysburg Address, Nicolay copy to Bliss copy', () => {
	const corpus = (file: string) =>
		readFileSync(new URL(`../../../corpus/gettysburg/${file}`, import.meta.url), 'utf8');

	// Every change, in text order, with the kind a careful reader gives it. `rather` (18 and 20)
	// moves within its sentence, but a move is a passage of eight words or more (moves.ts): one
	// word struck here and added there is a cut and an addition.
	const expected: [string, string, ChangeKind][] = [
		['upon', 'on', 'rewording'], // brought forth, upon this continent
		['liberty', 'Liberty', 'case'],
		['"', '', 'punctuation'], // that "all men are created equal"
		['"', '.', 'punctuation'],
		[',', '', 'punctuation'], // so conceived, and so dedicated
		['battle field', 'battle-field', 'spelling'],
		['it', 'that field', 'rewording'], // a portion of it
		['died ', '', 'cut'], // those who died here
		[', ', ' gave their lives ', 'addition'], // here gave their lives that
		['the', 'that', 'rewording'], // that the nation might live
		[
			'This we\nmay, in all propriety',
			'It is altogether fitting and proper that we should',
			'rewording'
		],
		['. ', ' this.\n\n', 'addition'], // do this. (and a new paragraph)
		[', ', '—', 'punctuation'], // we can not hallow—this ground
		['—', '. ', 'punctuation'], // this ground. The brave men
		['hallowed', 'consecrated', 'rewording'],
		['; while', ', but', 'rewording'],
		['\n\n', ' ', 'layout'], // the paragraph break before "It is rather for us"
		['rather ', '', 'cut'],
		[',', '', 'punctuation'], // for us, the living
		['', 'rather, ', 'addition'],
		[
			'stand here, we here ',
			'be dedicated here to the\nunfinished work which they who fought here have thus far so nobly advanced. It\nis rather for us to ',
			'rewording'
		],
		['', 'here ', 'addition'], // be here dedicated
		[',', '', 'punctuation'], // that, from these honored dead
		['here, ', '', 'cut'], // for which they here, gave
		['', 'that ', 'addition'], // resolve that these dead
		[';\n', '—', 'punctuation'], // in vain—that
		['the', 'this', 'rewording'], // that this nation
		['', 'under God, ', 'addition'],
		[', ', '—', 'punctuation'], // freedom—and
		['', ',', 'punctuation'], // of the people, by
		['', ',', 'punctuation'], // by the people, for
		['', '\n\nAbraham Lincoln \\\nNovember 19, 1863.', 'addition'] // the signature and date
	];

	it('gives every change the kind a reader gives it', () => {
		expect(kinds(corpus('nicolay.txt'), corpus('bliss.txt'), { precise: true })).toEqual(expected);
	});

	it('counts the changes and their words per kind', () => {
		const { stats } = compare(corpus('nicolay.txt'), corpus('bliss.txt'), { precise: true });
		expect(CHANGE_KINDS.map((k) => [k.kind, stats.kinds[k.kind].changes])).toEqual([
			['cut', 3],
			['placeholder', 0],
			['rewording', 8],
			['addition', 7],
			['moved', 0],
			['spelling', 1],
			['case', 1],
			['punctuation', 11],
			['layout', 1]
		]);
		expect(stats.changes).toBe(32);
	});
});
