import { describe, expect, it } from 'vitest';
import type { Segment, SegmentKind, Token, Tokens } from '../types';
import type { Edit } from './align';
import {
	absorbTrivialEqualities,
	cleanup,
	pairRewrites,
	slideToWordBoundaries,
	splitOutGaps,
	toSegments
} from './cleanup';
import { compare, type CompareOptions } from './compare';
import { tokenize } from './tokenize';
import { packTokens, Vocabulary } from './tokens';

// The examples are written in the notation of the comments in cleanup.ts: `<del>`, `<ins>`,
// `<rep>base|target</rep>` and `<gap>base|target</gap>`, with plain text equal.

interface Parsed {
	edits: Edit[];
	aTokens: Tokens;
	bTokens: Tokens;
	a: string;
	b: string;
}

/** Build tokens and an edit script from markup; each piece is tokenized on its own. */
function parse(markup: string): Parsed {
	const p = { edits: [] as Edit[], aList: [] as Token[], bList: [] as Token[], a: '', b: '' };
	const add = (side: 'a' | 'b', text: string): [number, number] => {
		const tokens = side === 'a' ? p.aList : p.bList;
		const from = tokens.length;
		for (const t of tokenize(text)) tokens.push({ ...t, start: t.start + p[side].length });
		p[side] += text;
		return [from, tokens.length];
	};
	for (const m of markup.matchAll(/<(del|ins|rep|gap)>([^]*?)<\/\1>|([^<]+)/g)) {
		const [, tag, inner, plain] = m;
		const [aText, bText] =
			plain !== undefined
				? [plain, plain]
				: tag === 'del'
					? [inner, '']
					: tag === 'ins'
						? ['', inner]
						: inner.split('|');
		const kind: SegmentKind =
			plain !== undefined
				? 'equal'
				: ({ del: 'delete', ins: 'insert', rep: 'replace', gap: 'gap' } as const)[tag as 'del'];
		const [aFrom, aTo] = add('a', aText);
		const [bFrom, bTo] = add('b', bText);
		p.edits.push({ kind, aFrom, aTo, bFrom, bTo });
	}
	const vocabulary = new Vocabulary();
	return {
		edits: p.edits,
		aTokens: packTokens(p.aList, p.a, vocabulary),
		bTokens: packTokens(p.bList, p.b, vocabulary),
		a: p.a,
		b: p.b
	};
}

function render(edits: Edit[], p: Parsed): string {
	const text = (tokens: Tokens, from: number, to: number) =>
		tokens.text.slice(tokens.starts[from], tokens.starts[to]);
	return edits
		.map((e) => {
			const a = text(p.aTokens, e.aFrom, e.aTo);
			const b = text(p.bTokens, e.bFrom, e.bTo);
			if (e.kind === 'equal') return a;
			if (e.kind === 'delete') return `<del>${a}</del>`;
			if (e.kind === 'insert') return `<ins>${b}</ins>`;
			const tag = e.kind === 'replace' ? 'rep' : 'gap';
			return `<${tag}>${a}|${b}</${tag}>`;
		})
		.join('');
}

type Pass = (edits: Edit[], aTokens: Tokens, bTokens: Tokens) => Edit[];
const run = (pass: Pass, markup: string): string => {
	const p = parse(markup);
	return render(pass(p.edits, p.aTokens, p.bTokens), p);
};

describe('slideToWordBoundaries', () => {
	it('slides a deleted word so that it carries the space after it', () => {
		expect(run(slideToWordBoundaries, 'The<del> very</del> big.')).toBe('The <del>very </del>big.');
	});

	it('slides a deleted paragraph so that it carries the break after it', () => {
		expect(run(slideToWordBoundaries, 'One.<del>\n\nTwo.</del>\n\nThree.')).toBe(
			'One.\n\n<del>Two.\n\n</del>Three.'
		);
	});

	it('joins two deletions that only a shiftable space separates', () => {
		expect(run(slideToWordBoundaries, 'x<del> a</del> <del>b </del>y')).toBe('x <del>a b </del>y');
	});

	it('puts the space first at the end of a paragraph, where no space follows', () => {
		expect(run(slideToWordBoundaries, 'A<del>. B</del>.\n\nC.')).toBe('A.<del> B.</del>\n\nC.');
	});

	it('slides insertions the same way, and leaves changes that cannot move', () => {
		expect(run(slideToWordBoundaries, 'The<ins> very</ins> big.')).toBe('The <ins>very </ins>big.');
		expect(run(slideToWordBoundaries, 'The <del>very</del><ins>quite</ins> big.')).toBe(
			'The <del>very</del><ins>quite</ins> big.'
		);
	});
});

describe('pairRewrites', () => {
	it('makes a deletion next to an insertion one rewrite', () => {
		expect(run(pairRewrites, 'I <del>deny</del><ins>admit</ins> it.')).toBe('I <rep>deny|admit</rep> it.');
	});

	it('reads a deletion next to an insertion of the same words as no change', () => {
		expect(run(pairRewrites, 'I <del>deny it</del><ins>deny it</ins>, all of it.')).toBe('I deny it, all of it.');
		expect(run(pairRewrites, 'Lord, <ins>have mercy.</ins><del>have mercy.</del>')).toBe('Lord, have mercy.');
		// The same words with other white space are the same to alignment too.
		expect(run(pairRewrites, 'Lord, <rep>have  mercy.|have\nmercy.</rep> Amen.')).toBe('Lord, have  mercy. Amen.');
	});
});

describe('absorbTrivialEqualities', () => {
	it('joins two rewrites separated only by a space', () => {
		expect(run(absorbTrivialEqualities, '<rep>the cat|a dog</rep> <rep>sat|lay</rep>')).toBe(
			'<rep>the cat sat|a dog lay</rep>'
		);
	});

	it('joins two rewrites of two words or more around a single short word', () => {
		expect(
			run(
				absorbTrivialEqualities,
				'<rep>deny most|admit all</rep> of <rep>the charges|these crimes</rep>'
			)
		).toBe('<rep>deny most of the charges|admit all of these crimes</rep>');
	});

	it('keeps real content between rewrites equal', () => {
		expect(run(absorbTrivialEqualities, '<rep>one|two</rep> of the <rep>three|four</rep>')).toBe(
			'<rep>one|two</rep> of the <rep>three|four</rep>'
		);
		expect(run(absorbTrivialEqualities, '<rep>one|two</rep> of <rep>three|four</rep>')).toBe(
			'<rep>one|two</rep> of <rep>three|four</rep>'
		);
		expect(run(absorbTrivialEqualities, '<rep>a b|c d</rep>.\n\n<rep>e f|g h</rep>')).toBe(
			'<rep>a b|c d</rep>.\n\n<rep>e f|g h</rep>'
		);
	});

	it('never joins two deletions into a rewrite of the kept text', () => {
		expect(run(absorbTrivialEqualities, '<del>a</del>, <del>b</del>')).toBe(
			'<del>a</del>, <del>b</del>'
		);
	});
});

describe('splitOutGaps', () => {
	it('takes a gap out of a deletion, with the blank line after it', () => {
		expect(run(splitOutGaps, 'A.\n\n<del>{gap}\n\nB. </del>C.')).toBe(
			'A.\n\n<gap>{gap}\n\n|</gap><del>B. </del>C.'
		);
	});

	it('pairs a gap in each side and keeps what they share around it equal', () => {
		expect(run(splitOutGaps, '<rep>{gap}\n\nA.|{gap: p. 3}\n\nB.</rep>')).toBe(
			'<gap>{gap}|{gap: p. 3}</gap>\n\n<rep>A|B</rep>.'
		);
	});

	it('splits an equality that holds gap markers', () => {
		expect(run(splitOutGaps, 'A.\n\n{gap}\n\nB.')).toBe('A.\n\n<gap>{gap}|{gap}</gap>\n\nB.');
	});

	it('gives a side with fewer gaps an empty range', () => {
		expect(run(splitOutGaps, '<rep>{gap}\n\nx\n\n{gap}|{gap}\n\ny</rep>')).toBe(
			'<gap>{gap}|{gap}</gap>\n\n<rep>x\n\n|y</rep><gap>{gap}|</gap>'
		);
	});
});

describe('splitLineBreaks', () => {
	const segments = (a: string, b: string, options: CompareOptions) =>
		compare(a, b, options).segments.map((s) => [s.kind, s.a, s.b]);
	const kept = { a: { lines: 'kept' }, b: { lines: 'kept' } } as const;

	it('cuts a line broken elsewhere out of the equality, every word still aligned', () => {
		expect(segments('Because I could not\nstop', 'Because I could\nnot stop', kept)).toEqual([
			['equal', 'Because I could', 'Because I could'],
			['replace', ' ', '\n'],
			['equal', 'not', 'not'],
			['replace', '\n', ' '],
			['equal', 'stop', 'stop']
		]);
	});

	it('keeps words added or struck at the end of a line on that line', () => {
		expect(segments('pencil --strike\n```', 'pencil --strike --all\n```', kept)).toEqual([
			['equal', 'pencil --strike', 'pencil --strike'],
			['insert', '', ' --all'],
			['equal', '\n```', '\n```']
		]);
		expect(segments('one two\nthree four\nfive', 'one\nthree four\nfive', kept)).toEqual([
			['equal', 'one', 'one'],
			['delete', ' two', ''],
			['equal', '\nthree four\nfive', '\nthree four\nfive']
		]);
		expect(segments('a\nc', 'a\nb\nc', kept)).toEqual([
			['equal', 'a\n', 'a\n'],
			['insert', '', 'b\n'],
			['equal', 'c', 'c']
		]);
	});

	it('joins a line broken differently to the change beside it', () => {
		expect(segments('one two\nthree', 'one zwei three', kept)).toEqual([
			['equal', 'one ', 'one '],
			['replace', 'two\n', 'zwei '],
			['equal', 'three', 'three']
		]);
	});

	it('takes every kept line break as a change against a witness whose lines do not matter', () => {
		expect(segments('a\nb\r\nc', 'a\nb\r\nc', { b: { lines: 'kept' } })).toEqual([
			['equal', 'a', 'a'],
			['replace', '\n', '\n'],
			['equal', 'b', 'b'],
			['replace', '\r\n', '\r\n'],
			['equal', 'c', 'c']
		]);
	});
});

describe('cleanup', () => {
	it('turns two word-by-word rewrites into one rewrite of the phrase', () => {
		const p = parse('<del>the cat</del><ins>a dog</ins> <del>sat</del><ins>lay</ins> on the mat');
		const segments = cleanup(p.edits, p.aTokens, p.bTokens);
		expect(segments.map(({ kind, a, b }) => ({ kind, a, b }))).toEqual([
			{ kind: 'replace', a: 'the cat sat', b: 'a dog lay' },
			{ kind: 'equal', a: ' on the mat', b: ' on the mat' }
		]);
	});
});

describe('toSegments', () => {
	it('gives each edit its texts and offsets', () => {
		const p = parse('I <rep>deny|admit</rep> it.<ins> Yes.</ins>');
		const segments: Segment[] = toSegments(p.edits, p.aTokens, p.bTokens);
		expect(segments).toEqual([
			{ kind: 'equal', a: 'I ', b: 'I ', aStart: 0, bStart: 0, aFrom: 0, aTo: 2, bFrom: 0, bTo: 2 },
			{
				kind: 'replace',
				a: 'deny',
				b: 'admit',
				aStart: 2,
				bStart: 2,
				aFrom: 2,
				aTo: 3,
				bFrom: 2,
				bTo: 3
			},
			{
				kind: 'equal',
				a: ' it.',
				b: ' it.',
				aStart: 6,
				bStart: 7,
				aFrom: 3,
				aTo: 6,
				bFrom: 3,
				bTo: 6
			},
			{
				kind: 'insert',
				a: '',
				b: ' Yes.',
				aStart: 10,
				bStart: 11,
				aFrom: 6,
				aTo: 6,
				bFrom: 6,
				bTo: 9
			}
		]);
	});
});
