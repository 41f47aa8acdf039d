import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Brackets, Comparison, LineBreaks, Token } from '../types';
import { compare, type CompareOptions } from './compare';
import { CHANGE_KINDS } from './kinds';
import { tokenize } from './tokenize';
import { tokenObjects } from './tokens';

// Properties that must hold for any input whatsoever: both witnesses are rebuilt exactly from the
// tokens and from the segments, and the segments are well formed.

function expectLosslessTokens(text: string, tokens: Token[]): void {
	expect(tokens.map((t) => t.text).join('')).toBe(text);
	// One expectation for all tokens: per-token ones make the 100,000-character cases slow.
	let offset = 0;
	const misplaced = tokens.filter((t) => {
		const wrong = t.start !== offset || t.text.length === 0;
		offset += t.text.length;
		return wrong;
	});
	expect(misplaced).toEqual([]);
}

function expectWellFormed(a: string, b: string, c: Comparison): void {
	const aList = tokenObjects(c.aTokens);
	const bList = tokenObjects(c.bTokens);
	expect(c.aTokens.text).toBe(a);
	expect(c.bTokens.text).toBe(b);
	expect([c.aTokens.starts.at(-1), c.bTokens.starts.at(-1)]).toEqual([a.length, b.length]);
	expectLosslessTokens(a, aList);
	expectLosslessTokens(b, bList);
	expect(c.segments.map((s) => s.a).join('')).toBe(a);
	expect(c.segments.map((s) => s.b).join('')).toBe(b);
	let aAt = 0;
	let bAt = 0;
	let aOffset = 0;
	let bOffset = 0;
	const ids = new Set<string>();
	c.segments.forEach((s, k) => {
		expect(s.aFrom).toBe(aAt);
		expect(s.bFrom).toBe(bAt);
		expect(s.aStart).toBe(aOffset);
		expect(s.bStart).toBe(bOffset);
		expect(s.aTo).toBeGreaterThanOrEqual(s.aFrom);
		expect(s.bTo).toBeGreaterThanOrEqual(s.bFrom);
		const aTokens = aList.slice(s.aFrom, s.aTo);
		const bTokens = bList.slice(s.bFrom, s.bTo);
		expect(aTokens.map((t) => t.text).join('')).toBe(s.a);
		expect(bTokens.map((t) => t.text).join('')).toBe(s.b);
		expect(s.a.length + s.b.length).toBeGreaterThan(0);
		if (s.kind === 'equal') {
			expect(aTokens.map((t) => t.key)).toEqual(bTokens.map((t) => t.key));
			expect(k > 0 && c.segments[k - 1].kind === 'equal').toBe(false);
			expect(aTokens.some((t) => t.kind === 'gap')).toBe(false);
		} else if (s.kind === 'gap') {
			const whitespace = ['space', 'line', 'break'];
			const gaps = [...aTokens, ...bTokens].filter((t) => !whitespace.includes(t.kind));
			expect(gaps.length).toBeGreaterThan(0);
			expect(gaps.every((t) => t.kind === 'gap')).toBe(true);
			expect(aTokens.filter((t) => t.kind === 'gap').length).toBeLessThanOrEqual(1);
			expect(bTokens.filter((t) => t.kind === 'gap').length).toBeLessThanOrEqual(1);
			// A side without a marker is empty: a gap is never "in" a side by whitespace alone.
			for (const side of [aTokens, bTokens]) {
				expect(side.length === 0 || side.some((t) => t.kind === 'gap')).toBe(true);
			}
		} else {
			// The sides differ in their text, or else in what it is: a line end kept on one side,
			// wrapping on the other.
			const kinds = (tokens: Token[]) => tokens.map((t) => t.kind).join(' ');
			expect(s.a !== s.b || kinds(aTokens) !== kinds(bTokens)).toBe(true);
			expect([...aTokens, ...bTokens].some((t) => t.kind === 'gap')).toBe(false);
			expect(s.kind).toBe(s.a === '' ? 'insert' : s.b === '' ? 'delete' : 'replace');
			expect(s.id).toMatch(/^c-[0-9a-z]{7}(-\d+)?$/);
			expect(ids.has(s.id!)).toBe(false);
			ids.add(s.id!);
		}
		aAt = s.aTo;
		bAt = s.bTo;
		aOffset += s.a.length;
		bOffset += s.b.length;
	});
	expect(aAt).toBe(c.aTokens.length);
	expect(bAt).toBe(c.bTokens.length);
	expect(c.stats.changes).toBe(ids.size);
	expectWellFormedKinds(c, aList, bList);
	expectWellFormedMoves(c, aList, bList);
	expectWellFormedRough(a, b, c, aList, bList);
}

/** Rough stretches are in order, do not overlap, and their offsets and counts are their tokens'. */
function expectWellFormedRough(
	a: string,
	b: string,
	c: Comparison,
	aList: Token[],
	bList: Token[]
): void {
	let aAt = 0;
	let bAt = 0;
	const at = (tokens: Token[], i: number, text: string) => (i < tokens.length ? tokens[i].start : text.length);
	const words = (tokens: Token[], from: number, to: number) =>
		tokens.slice(from, to).filter((t) => t.kind === 'word').length;
	for (const r of c.rough) {
		expect(r.aFrom).toBeGreaterThanOrEqual(aAt);
		expect(r.bFrom).toBeGreaterThanOrEqual(bAt);
		expect([r.aStart, r.aEnd, r.bStart, r.bEnd]).toEqual([
			at(aList, r.aFrom, a),
			at(aList, r.aTo, a),
			at(bList, r.bFrom, b),
			at(bList, r.bTo, b)
		]);
		expect([r.wordsA, r.wordsB]).toEqual([
			words(aList, r.aFrom, r.aTo),
			words(bList, r.bFrom, r.bTo)
		]);
		aAt = r.aTo;
		bAt = r.bTo;
	}
	expect(aAt).toBeLessThanOrEqual(c.aTokens.length);
	expect(bAt).toBeLessThanOrEqual(c.bTokens.length);
	expect(c.stats.roughStretches).toBe(c.rough.length);
}

/**
 * Every change has one kind and nothing else has one; a move's ends are moved; the kinds that
 * say where the words are say it truly; the counts per kind add up to the totals.
 */
function expectWellFormedKinds(c: Comparison, aList: Token[], bList: Token[]): void {
	const seen = (tokens: Token[]) =>
		tokens.filter((t) => !['space', 'line', 'break', 'gap'].includes(t.kind));
	const words = (tokens: Token[]) => tokens.filter((t) => t.kind === 'word').length;
	const known = new Set(CHANGE_KINDS.map((k) => k.kind));
	const wrong = c.segments.filter((s) => {
		if (s.kind === 'equal' || s.kind === 'gap') return s.changeKind !== undefined || s.hidden !== undefined;
		const a = aList.slice(s.aFrom, s.aTo);
		const b = bList.slice(s.bFrom, s.bTo);
		const kind = s.changeKind!;
		if (!known.has(kind) || (kind === 'moved') !== (s.move !== undefined)) return true;
		if ((kind === 'placeholder') !== (s.hidden !== undefined)) return true;
		if (kind === 'placeholder') return s.hidden! < 0 || s.hidden! > words(a);
		if (kind === 'moved') return false;
		const sameText = seen(a).map((t) => t.key).join('\0') === seen(b).map((t) => t.key).join('\0');
		return (
			(kind === 'layout') !== sameText ||
			(kind === 'cut' && words(b) > 0) ||
			(kind === 'addition' && words(a) > 0)
		);
	});
	expect(wrong).toEqual([]);
	const sum = (key: 'changes' | 'wordsStruck' | 'wordsAdded') =>
		Object.values(c.stats.kinds).reduce((n, k) => n + k[key], 0);
	expect([sum('changes'), sum('wordsStruck'), sum('wordsAdded')]).toEqual([
		c.stats.changes,
		c.stats.wordsStruck,
		c.stats.wordsAdded
	]);
}

/**
 * Each move has two ends that name each other, `from` on a deletion and `to` on an insertion,
 * and its inner script covers the base text of the one and the target text of the other exactly.
 */
function expectWellFormedMoves(c: Comparison, aList: Token[], bList: Token[]): void {
	const byId = new Map(c.segments.map((s) => [s.id, s]));
	for (const s of c.segments) {
		if (!s.move) continue;
		const other = byId.get(s.move.partner)!;
		expect(other.move!.partner).toBe(s.id);
		expect(other.move!.inner).toBe(s.move.inner);
		const [from, to] = s.move.end === 'from' ? [s, other] : [other, s];
		expect([from.kind, from.move!.end, to.kind, to.move!.end]).toEqual(['delete', 'from', 'insert', 'to']);
		let i = from.aFrom;
		let j = to.bFrom;
		for (const e of s.move.inner) {
			expect([e.aFrom, e.bFrom]).toEqual([i, j]);
			if (e.kind === 'equal') {
				expect(aList.slice(e.aFrom, e.aTo).map((t) => t.key)).toEqual(
					bList.slice(e.bFrom, e.bTo).map((t) => t.key)
				);
			}
			i = e.aTo;
			j = e.bTo;
		}
		expect([i, j]).toEqual([from.aTo, to.bTo]);
	}
}

// Pieces that stress the tokenizer: scripts, combining marks, emoji sequences, line ends,
// editorial matter, gap markers, lone surrogates and control characters.
const PIECES = [
	'word',
	'the',
	'a',
	'of',
	'Я',
	'опровергаю',
	'prosecutor’s',
	"don't",
	'well-known',
	'1938',
	'e\u0301',
	'ё',
	'\u0301',
	'👩\u200d👩\u200d👧',
	'❤\ufe0f',
	'🇷🇺',
	'1\ufe0f\u20e3',
	' ',
	'  ',
	'\t',
	'\n',
	'\r\n',
	'\r',
	'\n\n',
	'\r\n\r\n',
	'\n \t\n',
	'\\\n',
	'\\\r\n',
	'  \n',
	'  \r\n',
	'\n    ',
	'\u00a0',
	'\u2029',
	'.',
	',',
	'!',
	'?',
	'—',
	'«',
	'»',
	'“',
	'”',
	"'",
	'’',
	'-',
	'(',
	')',
	'[',
	']',
	'{',
	'}',
	'[non-existent]',
	'[REDACTED]',
	'█',
	'Word',
	'. . .',
	'. . . .',
	'…',
	'{gap}',
	'{gap: two pages}',
	'\n\n{gap}\n\n',
	'\ud800',
	'\udc00',
	'\u0000',
	'\u200d',
	'\ufeff'
];
const hostile = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
const anyText = fc.oneof(
	hostile,
	fc.string({ unit: 'grapheme', maxLength: 60 }),
	fc.string({ unit: 'binary', maxLength: 60 }),
	fc.string({ unit: fc.constantFrom(...'аб вг\n.,'.split('')), maxLength: 60 })
);

// Prose-like texts and edited copies of them, so that the alignment has real work to do.
const VOCABULARY = [
	'I',
	'deny',
	'admit',
	'the',
	'group',
	'court',
	'never',
	'existed',
	'crimes',
	'of',
	'a',
	'and',
	'Я',
	'не',
	'признаю',
	'себя',
	'виновным',
	'{gap}'
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '! ', '\n', '\n\n', '\r\n\r\n', ' . . . ', ' — '];
const words = fc.array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS)), {
	minLength: 0,
	maxLength: 60
});
type Mutation = { at: number; op: 'delete' | 'insert' | 'replace'; word: string; length: number };
const mutations = fc.array(
	fc.record({
		at: fc.nat(),
		op: fc.constantFrom<Mutation['op']>('delete', 'insert', 'replace'),
		word: fc.constantFrom(...VOCABULARY),
		length: fc.integer({ min: 1, max: 6 })
	}),
	{ maxLength: 8 }
);

function render(items: [string, string][]): string {
	return items.map(([w, s]) => w + s).join('');
}

function mutate(items: [string, string][], ms: Mutation[]): [string, string][] {
	const out = [...items];
	for (const m of ms) {
		const at = out.length === 0 ? 0 : m.at % (out.length + 1);
		if (m.op === 'delete') out.splice(at, m.length);
		else if (m.op === 'insert') out.splice(at, 0, ...Array(m.length).fill([m.word, ' ']));
		else out.splice(at, m.length, [m.word, ' ']);
	}
	return out;
}

// However each witness's lines and brackets are read: the two alike, or each its own way.
const readAs = fc.record({
	lines: fc.constantFrom<LineBreaks>('wrapped', 'kept', 'marked'),
	brackets: fc.constantFrom<Brackets>('editorial', 'text')
});
const howRead: fc.Arbitrary<CompareOptions> = fc.oneof(
	readAs.map((both) => ({ a: both, b: both })),
	fc.record({ a: readAs, b: readAs })
);
// Separators with every line end, and Markdown's hard breaks.
const LINE_SEPARATORS = [...SEPARATORS, '\r\n', '\r', '\n    ', ' \\\n', '  \n', '\u2028'];

describe('compare keeps both witnesses exactly', () => {
	it('rebuilds any pair of hostile or random strings from tokens and segments', () => {
		fc.assert(
			fc.property(anyText, anyText, (a, b) => expectWellFormed(a, b, compare(a, b))),
			{ numRuns: 400 }
		);
	});

	it('rebuilds a text compared with an edited copy of it', () => {
		fc.assert(
			fc.property(words, mutations, (items, ms) => {
				const a = render(items);
				const b = render(mutate(items, ms));
				expectWellFormed(a, b, compare(a, b));
				expectWellFormed(b, a, compare(b, a));
			}),
			{ numRuns: 400 }
		);
	});

	it('rebuilds a hostile text compared with an edited copy of it', () => {
		const pieces = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), {
			maxLength: 50
		});
		fc.assert(
			fc.property(pieces, mutations, (items, ms) => {
				const a = render(items);
				const b = render(mutate(items, ms));
				expectWellFormed(a, b, compare(a, b));
			}),
			{ numRuns: 300 }
		);
	});

	it('rebuilds a text in which a passage moved, with edits inside and around it', () => {
		// The passage's words are its own: words the rest also has would be aligned with the rest.
		const own = ['Берлин', 'staff', 'meeting', '1932', 'representatives', 'general', 'German', 'Тухачевский'];
		const passage = fc.array(fc.tuple(fc.constantFrom(...own), fc.constantFrom(...SEPARATORS)), {
			minLength: 8,
			maxLength: 16
		});
		// Text around it long enough that an alignment keeps it, not the passage.
		const rest = fc.array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS)), {
			minLength: 30,
			maxLength: 80
		});
		// At most one word edited inside the passage, so that it stays the same passage.
		const oneWordEdit = fc.array(
			fc.record({
				at: fc.nat(),
				op: fc.constantFrom<Mutation['op']>('delete', 'insert', 'replace'),
				word: fc.constantFrom(...VOCABULARY),
				length: fc.constant(1)
			}),
			{ maxLength: 1 }
		);
		let withMoves = 0;
		fc.assert(
			fc.property(rest, passage, fc.nat(), fc.nat(), oneWordEdit, mutations, (items, moved, at, to, inside, around) => {
				const start = items.length === 0 ? 0 : at % (items.length + 1);
				const a = render([...items.slice(0, start), ...moved, ...items.slice(start)]);
				const others = mutate(items, around);
				const place = others.length === 0 ? 0 : to % (others.length + 1);
				const b = render([...others.slice(0, place), ...mutate(moved, inside), ...others.slice(place)]);
				const c = compare(a, b);
				expectWellFormed(a, b, c);
				expectWellFormed(b, a, compare(b, a));
				if (c.stats.moves > 0) withMoves++;
			}),
			{ numRuns: 300 }
		);
		// The property is about moves: many runs must have one to check (about a third do).
		expect(withMoves).toBeGreaterThan(50);
	}, 30_000);

	it('rebuilds long repetitive texts, aligned through runs and windows', () => {
		// Three words and three separators, 1,500 of them, up to 200 edits: no word is unique, and
		// the stretch is long, so the anchors on runs and the windows do the work.
		const few = fc.array(fc.tuple(fc.constantFrom('Lord', 'have', 'mercy'), fc.constantFrom(' ', ', ', '.\n')), {
			minLength: 1000,
			maxLength: 1500
		});
		const many = fc.array(
			fc.record({
				at: fc.nat(),
				op: fc.constantFrom<Mutation['op']>('delete', 'insert', 'replace'),
				word: fc.constantFrom('Lord', 'Christ', 'pity'),
				length: fc.integer({ min: 1, max: 3 })
			}),
			{ minLength: 50, maxLength: 200 }
		);
		fc.assert(
			fc.property(few, many, (items, ms) => {
				const a = render(items);
				const b = render(mutate(items, ms));
				expectWellFormed(a, b, compare(a, b));
			}),
			{ numRuns: 25 }
		);
	}, 60_000);

	it('rebuilds a repetitive text against one many times longer, in windows that stay small', () => {
		// The base runs out long before the target: the last windows must not take all that is left
		// of the target at once (issue 7).
		const line = (k: number) => (k % 3 ? 'Lord, have mercy.\n' : 'Christ, have mercy.\n');
		const a = Array.from({ length: 300 }, (_, k) => line(k)).join('');
		const b = Array.from({ length: 6000 }, (_, k) => line(k + (k % 7 === 0 ? 1 : 0))).join('');
		const c = compare(a, b);
		expectWellFormed(a, b, c);
		expectWellFormed(b, a, compare(b, a));
		// Every base word is found in the target, as in an exact alignment; the windows, which ended
		// in long insertions, say that the texts drifted apart there.
		expect([c.stats.wordsUnchanged, c.stats.wordsStruck, c.stats.roughStretches]).toEqual([900, 0, 1]);
	});

	it('rebuilds any pair, however their lines and brackets are read', () => {
		fc.assert(
			fc.property(anyText, anyText, howRead, (a, b, options) =>
				expectWellFormed(a, b, compare(a, b, options))
			),
			{ numRuns: 400 }
		);
	});

	it('rebuilds verse or code compared with an edited and rewrapped copy, lines kept or not', () => {
		const lines = fc.array(
			fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...LINE_SEPARATORS)),
			{ maxLength: 60 }
		);
		// The copy's line ends fall elsewhere: some spaces become line ends, and the other way.
		const rewrap = fc.array(fc.nat(), { maxLength: 10 });
		fc.assert(
			fc.property(lines, mutations, rewrap, howRead, (items, ms, places, options) => {
				const edited = mutate(items, ms);
				for (const at of places) {
					if (edited.length === 0) break;
					const k = at % edited.length;
					edited[k] = [edited[k][0], edited[k][1] === ' ' ? '\r\n' : ' '];
				}
				const a = render(items);
				const b = render(edited);
				expectWellFormed(a, b, compare(a, b, options));
				expectWellFormed(b, a, compare(b, a, options));
			}),
			{ numRuns: 400 }
		);
	});

	it('handles empty witnesses', () => {
		expectWellFormed('', '', compare('', ''));
		expectWellFormed('', 'Added.', compare('', 'Added.'));
		expectWellFormed('Struck.', '', compare('Struck.', ''));
		expect(compare('', '').segments).toEqual([]);
	});

	it('handles a line of 100,000 characters with and without spaces', () => {
		const long = 'слово '.repeat(16_000) + 'x'.repeat(4_000);
		expect(long.length).toBe(100_000);
		const edited = long.slice(0, 50_000) + 'вставка ' + long.slice(50_000);
		expectWellFormed(long, edited, compare(long, edited));
		const noSpaces = 'ab'.repeat(50_000);
		expectWellFormed(noSpaces, noSpaces + '!', compare(noSpaces, noSpaces + '!'));
		const marks = 'e\u0301'.repeat(50_000);
		expectWellFormed(marks, '', compare(marks, ''));
	});

	// These runs once took seconds each (quadratic scans); the benchmark measures speed, this only
	// that each finishes and stays lossless.
	it('handles long runs of punctuation, emoji, marks and editorial matter', () => {
		for (const run of [
			'…'.repeat(100_000),
			'[.]'.repeat(33_000),
			'[.]\u0301'.repeat(25_000),
			'. . . '.repeat(16_000),
			'['.repeat(100_000),
			'[a'.repeat(50_000),
			'{gap:'.repeat(20_000),
			'\n\n{gap}'.repeat(14_000),
			'👩\u200d👩\u200d👧'.repeat(12_000),
			'!' + '\u0301'.repeat(100_000)
		]) {
			expectLosslessTokens(run, tokenize(run));
			expectWellFormed(
				run,
				run.slice(0, run.length >> 1),
				compare(run, run.slice(0, run.length >> 1))
			);
		}
	}, 60_000);

	it('tokenizes any string losslessly', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					hostile,
					fc.string({ unit: 'grapheme' }),
					fc.string({ unit: 'binary' }),
					fc.string({ unit: 'binary-ascii' })
				),
				(text) => expectLosslessTokens(text, tokenize(text))
			),
			{ numRuns: 1000 }
		);
	});

	it('tokenizes any string losslessly however its lines and brackets are read', () => {
		fc.assert(
			fc.property(fc.oneof(hostile, fc.string({ unit: 'binary' })), readAs, (text, options) =>
				expectLosslessTokens(text, tokenize(text, options))
			),
			{ numRuns: 1000 }
		);
	});
});
