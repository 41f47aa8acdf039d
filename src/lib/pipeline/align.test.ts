import { describe, expect, it } from 'vitest';
import { align, isConsistent, longestIncreasingChain, type AlignOptions, type Edit } from './align';
import { scanPair, tokenize } from './tokenize';

/** Aligns two texts; `tokenize` gives the same tokens as objects, to read the result with. */
const alignTexts = (a: string, b: string, options?: AlignOptions) => align(...scanPair(a, b), options);

/** The edit script as `kind:base|target` strings, with each side's text. */
function script(a: string, b: string): string[] {
	const aTokens = tokenize(a);
	const bTokens = tokenize(b);
	const text = (tokens: typeof aTokens, from: number, to: number) =>
		tokens
			.slice(from, to)
			.map((t) => t.text)
			.join('');
	return alignTexts(a, b).edits.map(
		(e) => `${e.kind}:${text(aTokens, e.aFrom, e.aTo)}|${text(bTokens, e.bFrom, e.bTo)}`
	);
}

/** Checks that the edits cover both token lists in order, and that equal runs match by key. */
function expectCovering(a: string, b: string, edits: Edit[]): void {
	const aTokens = tokenize(a);
	const bTokens = tokenize(b);
	let i = 0;
	let j = 0;
	for (const e of edits) {
		expect([e.aFrom, e.bFrom]).toEqual([i, j]);
		if (e.kind === 'equal') {
			expect(aTokens.slice(e.aFrom, e.aTo).map((t) => t.key)).toEqual(
				bTokens.slice(e.bFrom, e.bTo).map((t) => t.key)
			);
		}
		i = e.aTo;
		j = e.bTo;
	}
	expect([i, j]).toEqual([aTokens.length, bTokens.length]);
}

describe('align', () => {
	it('returns one equal run for texts that differ only in whitespace shape', () => {
		expect(script('I admit it.', 'I  admit\r\nit.')).toEqual(['equal:I admit it.|I  admit\r\nit.']);
	});

	it('returns nothing for two empty texts, and one run when a side is empty', () => {
		expect(script('', '')).toEqual([]);
		expect(script('Struck.', '')).toEqual(['delete:Struck.|']);
		expect(script('', 'Added.')).toEqual(['insert:|Added.']);
	});

	it('finds a deleted sentence between unchanged ones', () => {
		expect(script('I accept it. I deny it. This I admit.', 'I accept it. This I admit.')).toEqual([
			'equal:I accept it. |I accept it. ',
			'delete:I deny it. |',
			'equal:This I admit.|This I admit.'
		]);
	});

	it('keeps a paragraph break that both sides have, and marks one that only one side has', () => {
		expect(script('One.\n\nTwo.', 'One. Two.')).toEqual([
			'equal:One.|One.',
			'delete:\n\n|',
			'insert:| ',
			'equal:Two.|Two.'
		]);
	});

	it('lines up gap markers even when their labels differ', () => {
		expect(script('A.\n\n{gap}\n\nB.', 'A.\n\n{gap: two pages}\n\nC.')).toEqual([
			'equal:A.\n\n{gap}\n\n|A.\n\n{gap: two pages}\n\n',
			'delete:B|',
			'insert:|C',
			'equal:.|.'
		]);
	});

	it('aligns long texts with scattered edits through anchors, covering both sides', () => {
		const words = Array.from({ length: 6000 }, (_, k) => `w${(k * 7919) % 5003}`);
		const a = words.join(' ');
		const edited = words.map((w, k) => (k % 97 === 0 ? 'CHANGED' : w));
		edited.splice(3000, 200);
		const b = edited.join(' ');
		const { edits } = alignTexts(a, b);
		expectCovering(a, b, edits);
		const aTokens = tokenize(a);
		const kept = edits
			.filter((e) => e.kind === 'equal')
			.reduce(
				(n, e) => n + aTokens.slice(e.aFrom, e.aTo).filter((t) => t.kind === 'word').length,
				0
			);
		// Every word that was not edited is found: 6000 - 200 deleted - 60 changed outside them.
		expect(kept).toBe(
			6000 - 200 - words.filter((_, k) => k % 97 === 0 && (k < 3000 || k >= 3200)).length
		);
	});

	// Speed is measured in `npm run bench`; these only prove the cases finish with the right result.
	it('takes two unrelated long texts as one replacement', () => {
		const text = (seed: number) =>
			Array.from({ length: 40_000 }, (_, k) => `${seed}x${(k * 7919 + seed) % 30011}`).join(' ');
		const a = text(1);
		const b = text(2);
		const { edits } = alignTexts(a, b);
		expect(edits.map((e) => e.kind)).toEqual(['delete', 'insert']);
	}, 60_000);

	it('finishes on repetitive texts with no word to anchor on', () => {
		const a = 'the the the. '.repeat(5000);
		const b = 'the the. the the the. '.repeat(3000);
		expectCovering(a, b, alignTexts(a, b).edits);
	}, 60_000);
});

/** Base words the edits keep as equal. */
function keptWords(a: string, b: string, edits: Edit[]): number {
	const aTokens = tokenize(a);
	return edits
		.filter((e) => e.kind === 'equal')
		.reduce((n, e) => n + aTokens.slice(e.aFrom, e.aTo).filter((t) => t.kind === 'word').length, 0);
}

describe('align on text without unique words', () => {
	// A transcript of the usual shape: a speaker label on every turn, a few formulae, numbers from
	// a short list. No word occurs once; only runs of several words are unique.
	const formulae = [
		'Accused Rykov, do you confirm the testimony you gave on the %?',
		'I confirm it.',
		'Sit down. The court will adjourn for % minutes.',
		'Permit me to put a question to the accused about the meeting of %.'
	];
	const speakers = ['THE PRESIDENT:', 'VYSHINSKY:', 'RYKOV:'];
	const turns = Array.from({ length: 3000 }, (_, k) => {
		const formula = formulae[(k * 7) % formulae.length].replace('%', String(1 + ((k * 13) % 29)));
		return `${speakers[k % speakers.length]} ${formula}`;
	});

	it('anchors a formulaic transcript on unique runs and keeps every word that was not edited', () => {
		// Every 8th turn has its third word replaced by one that occurs elsewhere too.
		const edited = turns.map((t, k) => {
			if (k % 8 !== 0) return t;
			const words = t.split(' ');
			words[2] = 'the';
			return words.join(' ');
		});
		const a = turns.join('\n\n');
		const b = edited.join('\n\n');
		const { edits, rough } = alignTexts(a, b);
		expectCovering(a, b, edits);
		expect(rough).toEqual([]);
		const words = a.split(/\s+/).filter((w) => /\w/.test(w)).length;
		const changedWords = turns.filter((t, k) => k % 8 === 0 && t.split(' ')[2] !== 'the').length;
		expect(keptWords(a, b, edits)).toBe(words - changedWords);
	});

	it('aligns text repeated verbatim, with lines edited and deleted, in windows: every word kept, nothing rough', () => {
		const lines = Array.from({ length: 4000 }, (_, k) => (k % 2 ? 'Lord, have mercy.' : 'Christ, have mercy.'));
		// Every 25th line deleted, every 10th line edited: nothing unique is left on either side.
		const kept = lines.flatMap((line, k) =>
			k % 25 === 0 ? [] : [k % 10 === 3 ? line.replace('mercy', 'pity') : line]
		);
		const a = lines.join('\n');
		const b = kept.join('\n');
		const { edits, rough } = alignTexts(a, b);
		expectCovering(a, b, edits);
		const edited = kept.filter((line) => line.includes('pity')).length;
		expect(keptWords(a, b, edits)).toBe(kept.length * 3 - edited);
		// Nothing unique to anchor on, yet each window is aligned exactly and keeps what it can: no
		// stretch is left to report. (Issue 7: this was matched by position and reported.)
		expect(rough).toEqual([]);
	});

	it('aligns in windows across rewrapped lines, CRLF and new paragraphs, the whitespace after', () => {
		const lines = Array.from({ length: 3000 }, (_, k) => (k % 3 ? 'Господи, помилуй 🙏.' : 'Lord, have mercy.'));
		const a = lines.join('\n');
		// The same lines with CRLF and double spaces (whitespace alike), a paragraph break after
		// every 50th line, and every 40th line's last word replaced.
		const b = lines
			.map((line, k) => (k % 40 === 7 ? line.replace(/mercy|помилуй/, 'pity') : line.replace(' ', '  ')))
			.map((line, k) => line + (k % 50 === 49 ? '\r\n\r\n' : '\r\n'))
			.join('');
		const { edits, rough } = alignTexts(a, b);
		expectCovering(a, b, edits);
		const edited = lines.filter((_, k) => k % 40 === 7).length;
		expect(keptWords(a, b, edits)).toBe(3000 * 2 + 1000 - edited);
		expect(rough).toEqual([]);
		// Struck: the edited words, and the line ends that became paragraph breaks (the last break
		// ends b, where a has nothing). Added: the new words and the breaks.
		const count = (kind: string, side: 'a' | 'b') =>
			edits
				.filter((e) => e.kind === kind)
				.reduce((n, e) => n + (side === 'a' ? e.aTo - e.aFrom : e.bTo - e.bFrom), 0);
		expect([count('delete', 'a'), count('insert', 'b')]).toEqual([edited + 59, edited + 60]);
	});
});

describe('align when it cannot find its way', () => {
	// A refrain that stands first in one text and last in the other, with text around it that the
	// two do not share: no anchor within reach, and too many edits for bounded Myers.
	const refrain = 'Lord, have mercy. Christ, have mercy. '.repeat(50);
	const junk = (seed: string, separator: string) =>
		Array.from({ length: 1000 }, (_, k) => `${seed}${(k * 7919) % 10007}`).join(separator);
	const a = refrain + junk('a', ' ');
	const b = junk('b', '—') + ' ' + refrain;

	it('reports the stretch it aligned roughly, with its token ranges and reason', () => {
		const aTokens = tokenize(a);
		const bTokens = tokenize(b);
		const { edits, rough } = alignTexts(a, b);
		// Windows that follow the two texts along meet junk against refrain: they keep no word, and
		// the whole stretch is reported.
		expect(keptWords(a, b, edits)).toBe(0);
		expect(rough).toEqual([
			{ aFrom: 0, aTo: aTokens.length, bFrom: 0, bTo: bTokens.length, reason: 'repetitive' }
		]);
	});

	it('aligns the stretch exactly when asked to be precise, saying when it starts', () => {
		const started: number[] = [];
		const { edits, rough } = alignTexts(a, b, {
			precise: true,
			onprecise: (k) => started.push(k)
		});
		expect(rough).toEqual([]);
		expect(started).toEqual([0]);
		expectCovering(a, b, edits);
		// The refrain (300 words) is kept; nothing else is shared.
		expect(keptWords(a, b, edits)).toBe(300);
	}, 30_000);

	it('does not call two unrelated texts rough, and says they are unrelated', () => {
		const text = (seed: number) =>
			Array.from({ length: 5000 }, (_, k) => `${seed}x${(k * 7919 + seed) % 30011} the of`).join(' ');
		const { rough, unrelated } = alignTexts(text(1), text(2));
		expect([rough, unrelated]).toEqual([[], true]);
		// The same text edited is not.
		expect(alignTexts(text(1), text(1).replace(/1x1\d/g, 'y')).unrelated).toBe(false);
	});
});

describe('longestIncreasingChain', () => {
	it('returns the longest chain of pairs increasing on both sides, as flat pairs', () => {
		expect(longestIncreasingChain([0, 1, 2, 3, 4], [3, 0, 1, 4, 2])).toEqual([1, 0, 2, 1, 4, 2]);
		expect(longestIncreasingChain([], [])).toEqual([]);
		expect(longestIncreasingChain([5, 6], [9, 1])).toEqual([6, 1]);
	});
});

describe('isConsistent', () => {
	// Flat chain of n anchors, and n + extra candidates (only their count matters).
	const chain = (n: number) => Array.from({ length: 2 * n }, (_, k) => k);
	const candidates = (n: number): [number[], number[]] => [Array.from({ length: n }, (_, k) => k), []];

	it('trusts sparse unique words in a long range when nearly all fall in order', () => {
		// 1,000 anchors over a million tokens: one per 1,000, of 1,050 candidates.
		expect(isConsistent(chain(1000), candidates(1050), 1_000_000)).toBe(true);
	});

	it('does not when many candidates fall out of order, as chance matches do', () => {
		expect(isConsistent(chain(1000), candidates(1200), 1_000_000)).toBe(false);
	});

	it('does not when they are too few or too sparse, or the range is short', () => {
		expect(isConsistent(chain(63), candidates(63), 100_000)).toBe(false);
		expect(isConsistent(chain(400), candidates(400), 1_000_000)).toBe(false);
		expect(isConsistent(chain(100), candidates(100), 20_000)).toBe(false);
		expect(isConsistent(chain(100), candidates(100), 20_001)).toBe(true);
	});
});
