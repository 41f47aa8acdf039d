import type { Segment } from '../types';
import { fnv1a, FNV_OFFSET, FNV_PRIME } from './hash';
import { WORD, type Tokens } from './tokens';

// Ids: every change gets an id such as `c-0k3x9za`, derived from what the change is, so that the
// same texts give the same ids on every build, and a permalink or a note that names a change
// keeps working when the texts are edited elsewhere. The id hashes (FNV-1a, 32 bits) the change's
// kind, its two texts and the keys of the base's words just around it, up to three on each side:
// enough context to tell apart the same change made in two places, little enough that an edit a
// sentence away does not touch it. Two changes that still hash alike get `-2`, `-3`, ... in text
// order.

/** Words of context on each side of a change. */
const CONTEXT_WORDS = 3;
/** How many tokens to look through for them (a stretch of bare punctuation has no words). */
const CONTEXT_REACH = 32;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Set `id` on each `delete`, `insert` and `replace` segment (in place), and return them. */
export function assignIds(segments: Segment[], aTokens: Tokens): Segment[] {
	// By hash, not by id string: the same thing, since the id is the hash written out.
	const seen = new HashCounts(segments.length);
	for (const s of segments) {
		if (s.kind !== 'delete' && s.kind !== 'insert' && s.kind !== 'replace') continue;
		let h = hash(FNV_OFFSET, s.kind);
		h = hash(h, s.a);
		h = hash(h, s.b);
		h = hashWordsBefore(h, aTokens, s.aFrom);
		h = hashWordsAfter(h, aTokens, s.aTo);
		const count = seen.increment(h);
		const id = formatId(h);
		s.id = count === 1 ? id : `${id}-${count}`;
	}
	return segments;
}

/**
 * How many times each 32-bit hash has been seen: open addressing over typed arrays. A Map of them
 * boxed every hash over 2³⁰ (half of them) as a heap number, 170,000 of them on 10 MB of prose.
 */
class HashCounts {
	private readonly keys: Int32Array;
	private readonly counts: Int32Array;
	private readonly mask: number;

	constructor(n: number) {
		let size = 16;
		while (size < n * 2) size *= 2;
		this.keys = new Int32Array(size);
		this.counts = new Int32Array(size);
		this.mask = size - 1;
	}

	/** Counts `h` once more, and returns its count. */
	increment(h: number): number {
		h |= 0;
		for (let x = Math.imul(h, 0x9e3779b1) >>> 0; ; x++) {
			x &= this.mask;
			if (this.counts[x] === 0) {
				this.keys[x] = h;
				return (this.counts[x] = 1);
			}
			if (this.keys[x] === h) return ++this.counts[x];
		}
	}
}

/** FNV-1a over UTF-16 units, then U+FFFF (a noncharacter): ("ab", "c") and ("a", "bc") differ. */
function hash(h: number, text: string, from = 0, to = text.length): number {
	return Math.imul(fnv1a(text, from, to, h) ^ 0xffff, FNV_PRIME);
}

/** hash() of token `i`'s key: a word's key is its text, read in place. */
const hashWord = (h: number, tokens: Tokens, i: number): number =>
	hash(h, tokens.text, tokens.starts[i], tokens.starts[i + 1]);

function hashWordsBefore(h: number, tokens: Tokens, from: number): number {
	const kinds = tokens.kinds;
	// Find the words going back, then hash them in reading order.
	let first = from;
	let count = 0;
	for (let i = from - 1; i >= 0 && i >= from - CONTEXT_REACH && count < CONTEXT_WORDS; i--) {
		if (kinds[i] === WORD) {
			first = i;
			count++;
		}
	}
	for (let i = first; i < from; i++) if (kinds[i] === WORD) h = hashWord(h, tokens, i);
	return Math.imul(h ^ 0xfffe, FNV_PRIME);
}

function hashWordsAfter(h: number, tokens: Tokens, to: number): number {
	const kinds = tokens.kinds;
	let count = 0;
	for (let i = to; i < tokens.length && i < to + CONTEXT_REACH && count < CONTEXT_WORDS; i++) {
		if (kinds[i] === WORD) {
			h = hashWord(h, tokens, i);
			count++;
		}
	}
	return Math.imul(h ^ 0xfffe, FNV_PRIME);
}

/** `c-` and the hash in base 36, zero-padded to seven digits (as `toString(36)`, but faster). */
function formatId(h: number): string {
	let n = h >>> 0;
	const low = n % 1296;
	n = Math.floor(n / 1296);
	const middle = n % 1296;
	n = Math.floor(n / 1296);
	const high = n % 1296;
	n = Math.floor(n / 1296);
	return 'c-' + DIGITS[n] + DIGIT_PAIRS[high] + DIGIT_PAIRS[middle] + DIGIT_PAIRS[low];
}

/** `00`, `01`, ... `zz`: two base-36 digits at a time. */
const DIGIT_PAIRS = Array.from(
	{ length: 36 * 36 },
	(_, k) => DIGITS[Math.floor(k / 36)] + DIGITS[k % 36]
);
