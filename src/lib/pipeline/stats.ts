import type {
	ChangeKind,
	ComparisonStats,
	KindCount,
	RoughStretch,
	Segment,
	WitnessFigures
} from '../types';
import { CHANGE_KINDS } from './kinds';
import { countWords, type Tokens } from './tokens';

// Stats: word counts of a comparison, for the "% of words suppressed" figure and the summary.
// Every token lies in exactly one segment, so one walk over the segments counts everything. A
// moved passage is not suppressed: it stands elsewhere. A placeholder's hidden words are; its
// marker adds nothing (`(b)(6)` is two word tokens, but no one's words).

/**
 * Below this share of the shorter text's words unchanged, two texts are unrelated: a reader
 * compared two different texts, and "100% suppressed" would misdescribe that.
 */
export const UNRELATED_SHARE = 0.05;
/** Texts shorter than this (in words) are a rewrite, never "unrelated": a sentence recast. */
const UNRELATED_MIN_WORDS = 20;

export function computeStats(
	segments: Segment[],
	aTokens: Tokens,
	bTokens: Tokens,
	rough: RoughStretch[] = []
): ComparisonStats {
	let wordsA = 0;
	let wordsB = 0;
	let wordsStruck = 0;
	let wordsAdded = 0;
	let wordsUnchanged = 0;
	let wordsMoved = 0;
	let moves = 0;
	let changes = 0;
	const kinds = Object.fromEntries(
		CHANGE_KINDS.map((k) => [k.kind, { changes: 0, wordsStruck: 0, wordsAdded: 0 }])
	) as Record<ChangeKind, KindCount>;
	for (const s of segments) {
		const a = countWords(aTokens, s.aFrom, s.aTo);
		wordsA += a;
		wordsB += countWords(bTokens, s.bFrom, s.bTo);
		if (s.kind === 'equal') {
			wordsUnchanged += a;
		} else if (s.kind !== 'gap') {
			// What moved unchanged is counted once, at the end it left.
			if (s.move?.end === 'from') {
				moves++;
				wordsMoved += movedWords(s, aTokens);
			}
			// Every change has its kind by now (kinds.ts); each end of a move is one `moved` change.
			count(kinds[s.move ? 'moved' : s.changeKind!], changeWords(s, aTokens, bTokens));
		}
	}
	for (const k of Object.values(kinds)) {
		changes += k.changes;
		wordsStruck += k.wordsStruck;
		wordsAdded += k.wordsAdded;
	}
	const shorter = Math.min(wordsA, wordsB);
	return {
		wordsA,
		wordsB,
		byWitness: witnessFigures(segments, aTokens, bTokens),
		wordsStruck,
		wordsAdded,
		wordsUnchanged,
		wordsMoved,
		moves,
		suppressedShare: wordsA === 0 ? 0 : wordsStruck / wordsA,
		changes,
		// A rough stretch means the sides resemble each other: then the figures are rough, not
		// those of two different texts.
		unrelated:
			rough.length === 0 &&
			shorter >= UNRELATED_MIN_WORDS &&
			wordsUnchanged < UNRELATED_SHARE * shorter,
		wordsRough: rough.reduce((n, r) => n + r.wordsA, 0),
		roughStretches: rough.length,
		kinds
	};
}

/**
 * The words a change strikes and adds, as the figures count them: a placeholder strikes the words
 * it hides (the words shown beside its marker stay) and adds none; a moved passage strikes and
 * adds only what changed on the way (at its `from` and its `to` end); any other change strikes
 * the base words it holds and adds the target words. Not for `equal` or `gap` segments.
 */
export function changeWords(
	s: Segment,
	aTokens: Tokens,
	bTokens: Tokens
): { struck: number; added: number } {
	if (s.move) {
		let struck = 0;
		let added = 0;
		for (const e of s.move.inner) {
			if (s.move.end === 'from' && e.kind === 'delete') struck += countWords(aTokens, e.aFrom, e.aTo);
			if (s.move.end === 'to' && e.kind === 'insert') added += countWords(bTokens, e.bFrom, e.bTo);
		}
		return { struck, added };
	}
	if (s.changeKind === 'placeholder') return { struck: s.hidden!, added: 0 };
	return { struck: countWords(aTokens, s.aFrom, s.aTo), added: countWords(bTokens, s.bFrom, s.bTo) };
}

/** The base words of a moved passage's `from` end that stand, unchanged, at its new place. */
function movedWords(s: Segment, aTokens: Tokens): number {
	let moved = 0;
	for (const e of s.move!.inner) if (e.kind === 'equal') moved += countWords(aTokens, e.aFrom, e.aTo);
	return moved;
}

/**
 * Each witness's words, sorted as `wdiff -s` and `dwdiff --statistics` sort them, which print for
 * `I deny most of the charges.` against `I admit all of these crimes.`:
 *
 *   a: 6 words  2 33% common  0 0% deleted  4 67% changed
 *   b: 6 words  2 33% common  0 0% inserted  4 67% changed
 *
 * Common words are in `equal` segments; deleted ones in a `delete` (a cut with nothing in its
 * place), inserted ones in an `insert`; changed ones on either side of a `replace`. A moved
 * passage's words are `moved` at each end, but those changed on the way, which are deleted at the
 * end where it stood and inserted at the end where it stands (see `WitnessFigures`).
 */
export function witnessFigures(
	segments: Segment[],
	aTokens: Tokens,
	bTokens: Tokens
): ComparisonStats['byWitness'] {
	const zero = (): WitnessFigures => ({ words: 0, common: 0, changed: 0, moved: 0 });
	const base = { ...zero(), deleted: 0 };
	const target = { ...zero(), inserted: 0 };
	for (const s of segments) {
		const a = countWords(aTokens, s.aFrom, s.aTo);
		const b = countWords(bTokens, s.bFrom, s.bTo);
		base.words += a;
		target.words += b;
		if (s.kind === 'equal') {
			base.common += a;
			target.common += b;
		} else if (s.move) {
			for (const e of s.move.inner) {
				if (s.move.end === 'from') {
					const n = countWords(aTokens, e.aFrom, e.aTo);
					if (e.kind === 'equal') base.moved += n;
					else if (e.kind === 'delete') base.deleted += n;
				} else {
					const n = countWords(bTokens, e.bFrom, e.bTo);
					if (e.kind === 'equal') target.moved += n;
					else if (e.kind === 'insert') target.inserted += n;
				}
			}
		} else if (s.kind === 'replace') {
			base.changed += a;
			target.changed += b;
		} else {
			// A cut, an addition, or a gap marker, which holds no words.
			base.deleted += a;
			target.inserted += b;
		}
	}
	return { base, target };
}

function count(kind: KindCount, { struck, added }: { struck: number; added: number }): void {
	kind.changes++;
	kind.wordsStruck += struck;
	kind.wordsAdded += added;
}
