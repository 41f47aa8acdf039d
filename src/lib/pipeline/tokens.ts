import type { KeyTable, Token, TokenKind, Tokens } from '../types';
import { fnv1a } from './hash';

export type { Tokens };

// Tokens column by column. A 2 MB witness has over half a million tokens, and an object for each
// (with its strings) cost more than aligning them: most of the time went to allocating and
// collecting them. So the tokenizer writes typed arrays (a kind, a start and a key id per token),
// every stage reads those, and a token's text is cut from the witness only where it is shown.
// The same arrays are what a worker hands to the page, without copying.

/** Kind codes, in `Tokens.kinds`. */
export const WORD = 0;
export const SPACE = 1;
export const BREAK = 2;
export const PUNCT = 3;
export const EDITORIAL = 4;
export const GAP = 5;
export const LINE = 6;

/** The name of each kind code. */
export const KIND_NAMES: readonly TokenKind[] = [
	'word',
	'space',
	'break',
	'punct',
	'editorial',
	'gap',
	'line'
];

/** Keys are hashed with FNV-1a (hash.ts); the tokenizer steps it unit by unit as it reads a word. */
export { FNV_OFFSET, FNV_PRIME } from './hash';

/**
 * Key ids that need no look-up: every gap marker, all whitespace without and with a blank line.
 * A kept line break has the key of a space: the aligner never trades a word for a line break, and
 * clean-up marks where lines break differently (cleanup.ts, `splitLineBreaks`).
 */
export const GAP_KEY = 0;
export const SPACE_KEY = 1;
export const BREAK_KEY = 2;

/**
 * The keys of one comparison as small integers, so that alignment compares numbers. Both sides
 * are tokenized with the same vocabulary. Keys are looked up by a hash of their characters, read
 * from the witness in place: no string is made for a word the vocabulary already has.
 */
export class Vocabulary implements KeyTable {
	/** The key of each id. */
	readonly keys: string[] = ['{gap}', ' ', '\n\n'];
	/**
	 * The kind code of each id (a key always has one kind: a word is never punctuation; a kept line
	 * break's key is a space's).
	 */
	readonly kinds: number[] = [GAP, SPACE, BREAK];
	/** One-unit keys (most punctuation) by char code: id + 1, or 0 if not yet met. */
	private readonly byChar = new Int32Array(0x10000);
	/** Open addressing: slots hold id + 1 (0: empty), with each key's hash beside it. */
	private slots = new Int32Array(1 << 12);
	private hashes = new Int32Array(1 << 12);
	private count = 0;
	/**
	 * The longer keys' characters, end to end, and where each id's begin and end there: comparing
	 * against these is several times faster than against the key strings.
	 */
	private pool = new Uint16Array(1 << 16);
	private poolEnd = new Int32Array(1 << 12);
	private poolLength = 0;

	get size(): number {
		return this.keys.length;
	}

	/** The id of the key `text.slice(from, to)` of kind `kind`, added if new. */
	intern(text: string, from: number, to: number, kind: number): number {
		if (to - from === 1) {
			const c = text.charCodeAt(from);
			const id = this.byChar[c];
			if (id !== 0) return id - 1;
			const added = this.add(text[from], kind);
			this.byChar[c] = added + 1;
			return added;
		}
		return this.internLong(text, from, to, kind, fnv1a(text, from, to));
	}

	/**
	 * intern() of a key of two units or more whose hash (`fnv1a` over its units) the caller has
	 * computed while finding where it ends: the tokenizer does so for words, which are most keys.
	 */
	internLong(text: string, from: number, to: number, kind: number, h: number): number {
		const { slots, hashes, pool, poolEnd } = this;
		const mask = slots.length - 1;
		const length = to - from;
		for (let x = h & mask; ; x = (x + 1) & mask) {
			const slot = slots[x];
			if (slot === 0) return this.addLong(text, from, to, kind, x, h);
			if (hashes[x] !== h) continue;
			let k = slot > 1 ? poolEnd[slot - 2] : 0;
			if (poolEnd[slot - 1] - k !== length) continue;
			let i = from;
			while (i < to && pool[k] === text.charCodeAt(i)) {
				k++;
				i++;
			}
			if (i === to) return slot - 1;
		}
	}

	private addLong(text: string, from: number, to: number, kind: number, x: number, h: number): number {
		const id = this.add(text.slice(from, to), kind);
		this.slots[x] = id + 1;
		this.hashes[x] = h;
		if (++this.count * 2 > this.slots.length) this.grow();
		return id;
	}

	private add(key: string, kind: number): number {
		const id = this.keys.length;
		this.keys.push(key);
		this.kinds.push(kind);
		// Every id has a pool entry (empty for one-unit keys), so that id - 1's end is id's start.
		if (id >= this.poolEnd.length) {
			const ends = new Int32Array(this.poolEnd.length * 2);
			ends.set(this.poolEnd);
			this.poolEnd = ends;
		}
		const stored = key.length > 1 ? key.length : 0;
		if (this.poolLength + stored > this.pool.length) {
			const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + stored));
			pool.set(this.pool);
			this.pool = pool;
		}
		for (let k = 0; k < stored; k++) this.pool[this.poolLength + k] = key.charCodeAt(k);
		this.poolLength += stored;
		this.poolEnd[id] = this.poolLength;
		return id;
	}

	private grow(): void {
		const { slots, hashes } = this;
		this.slots = new Int32Array(slots.length * 2);
		this.hashes = new Int32Array(slots.length * 2);
		const mask = this.slots.length - 1;
		for (let x = 0; x < slots.length; x++) {
			if (slots[x] === 0) continue;
			let y = hashes[x] & mask;
			while (this.slots[y] !== 0) y = (y + 1) & mask;
			this.slots[y] = slots[x];
			this.hashes[y] = hashes[x];
		}
	}
}

/**
 * Appends tokens to growing typed arrays. Whitespace, kept line breaks and gap markers take their
 * fixed key ids; everything else is interned.
 */
export class TokenWriter {
	length = 0;
	private kinds: Uint8Array;
	private starts: Int32Array;
	private keys: Int32Array;

	constructor(
		private readonly text: string,
		private readonly vocabulary: Vocabulary
	) {
		// About one token per three UTF-16 units in prose, more in a litany. Room for one per two:
		// growing would copy every column, and pages never written to cost nothing.
		const capacity = Math.max(16, (text.length >> 1) + 16);
		this.kinds = new Uint8Array(capacity);
		this.starts = new Int32Array(capacity + 1);
		this.keys = new Int32Array(capacity);
	}

	push(kind: number, start: number, end: number): void {
		if (this.length === this.kinds.length) this.grow();
		const n = this.length++;
		this.kinds[n] = kind;
		this.starts[n] = start;
		this.keys[n] =
			kind === SPACE || kind === LINE
				? SPACE_KEY
				: kind === BREAK
					? BREAK_KEY
					: kind === GAP
						? GAP_KEY
						: this.vocabulary.intern(this.text, start, end, kind);
	}

	/** A word of two units or more, whose key's hash is `h` (see Vocabulary.internLong). */
	pushWord(start: number, end: number, h: number): void {
		if (this.length === this.kinds.length) this.grow();
		const n = this.length++;
		this.kinds[n] = WORD;
		this.starts[n] = start;
		this.keys[n] = this.vocabulary.internLong(this.text, start, end, WORD, h);
	}

	/** The kind of the last token, or -1 if there is none. */
	lastKind(): number {
		return this.length === 0 ? -1 : this.kinds[this.length - 1];
	}

	finish(): Tokens {
		const n = this.length;
		const starts = this.starts.slice(0, n + 1);
		starts[n] = this.text.length;
		return {
			text: this.text,
			length: n,
			kinds: this.kinds.slice(0, n),
			starts,
			keys: this.keys.slice(0, n),
			vocabulary: this.vocabulary
		};
	}

	private grow(): void {
		const size = this.kinds.length * 2;
		const kinds = new Uint8Array(size);
		kinds.set(this.kinds);
		const starts = new Int32Array(size + 1);
		starts.set(this.starts);
		const keys = new Int32Array(size);
		keys.set(this.keys);
		this.kinds = kinds;
		this.starts = starts;
		this.keys = keys;
	}
}

/** The text of token `i`. */
export function tokenText(tokens: Tokens, i: number): string {
	return tokens.text.slice(tokens.starts[i], tokens.starts[i + 1]);
}

/** Token `i` as an object: for tests, and for code that wants one token at a time. */
export function tokenAt(tokens: Tokens, i: number): Token {
	const kind = tokens.kinds[i];
	const text = tokenText(tokens, i);
	const key = kind === SPACE || kind === LINE ? ' ' : kind === BREAK ? '\n\n' : text;
	return { kind: KIND_NAMES[kind], text, key, start: tokens.starts[i] };
}

/** All tokens as objects. */
export function tokenObjects(tokens: Tokens): Token[] {
	const out: Token[] = [];
	for (let i = 0; i < tokens.length; i++) out.push(tokenAt(tokens, i));
	return out;
}

/**
 * Token objects packed into columns over `text` (which their texts must tile in order), with keys
 * from `vocabulary`: for tests that build tokens piece by piece.
 */
export function packTokens(list: Token[], text: string, vocabulary: Vocabulary): Tokens {
	const writer = new TokenWriter(text, vocabulary);
	for (const t of list) writer.push(KIND_NAMES.indexOf(t.kind), t.start, t.start + t.text.length);
	return writer.finish();
}

/** Word tokens in `[from, to)`. */
export function countWords(tokens: Tokens, from: number, to: number): number {
	const kinds = tokens.kinds;
	let n = 0;
	for (let i = from; i < to; i++) if (kinds[i] === WORD) n++;
	return n;
}
