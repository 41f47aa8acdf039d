// Deterministic prose for the benchmark: paragraphs of sentences drawn from a vocabulary with a
// Zipf-like distribution (so that "the" and "of" repeat everywhere and most words are rare, as in
// real text), and edited copies of it with a chosen share of words changed.

/** mulberry32: a small seeded PRNG, so every run measures the same texts. */
export function prng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const COMMON = (
	'the of and to a in that is was he I it with for as his on be at by not this had ' +
	'which but from they have we you all were are one there their been has would me who so ' +
	'what my no if them will an court our people party against said did those'
).split(' ');
const SYLLABLES = (
	'ka lo mi ne ru sa te vo za bri cha dre fla gro ple stu tra pen dor lin mar ves kol ' +
	'tin bur gal hem rok sel vit nor pas ter'
).split(' ');
const VOCABULARY_SIZE = 20_000;

export interface Vocabulary {
	words: string[];
	/** Cumulative Zipf weights, for sampling by binary search. */
	cumulative: Float64Array;
}

export function vocabulary(): Vocabulary {
	const random = prng(7);
	const seen = new Set<string>(COMMON);
	const words = [...COMMON];
	while (words.length < VOCABULARY_SIZE) {
		const syllables = 1 + Math.floor(random() * 4);
		let w = '';
		for (let s = 0; s < syllables; s++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
		// A few compounds and possessives, as prose has.
		const r = random();
		if (r < 0.02) w += '-' + SYLLABLES[Math.floor(random() * SYLLABLES.length)];
		else if (r < 0.04) w += '’s';
		if (!seen.has(w)) {
			seen.add(w);
			words.push(w);
		}
	}
	const cumulative = new Float64Array(words.length);
	let total = 0;
	for (let r = 0; r < words.length; r++) {
		total += 1 / Math.pow(r + 1, 1.05);
		cumulative[r] = total;
	}
	for (let r = 0; r < words.length; r++) cumulative[r] /= total;
	return { words, cumulative };
}

/**
 * A word drawn by its Zipf weight; with `limit`, only from the `limit` most frequent words (a
 * small vocabulary, as verse or boilerplate has).
 */
export function pickWord(
	v: Vocabulary,
	random: () => number,
	limit = v.cumulative.length
): string {
	const x = random() * v.cumulative[limit - 1];
	let lo = 0;
	let hi = limit - 1;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (v.cumulative[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return v.words[lo];
}

/** A word and the punctuation (and space) that follows it in the rendered text. */
export interface Item {
	word: string;
	after: string;
}
export type Paragraph = Item[];

export function sentence(v: Vocabulary, random: () => number): Item[] {
	const length = 6 + Math.floor(random() * 22);
	const items: Item[] = [];
	for (let k = 0; k < length; k++) {
		let word = pickWord(v, random);
		if (k === 0) word = word[0].toUpperCase() + word.slice(1);
		const r = random();
		items.push({ word, after: k < length - 1 && r < 0.08 ? ',' : '' });
	}
	const r = random();
	const last = items[items.length - 1];
	last.after = r < 0.85 ? '.' : r < 0.93 ? '?' : r < 0.98 ? '!' : ' . . .';
	return items;
}

export function paragraph(v: Vocabulary, random: () => number): Paragraph {
	const sentences = 2 + Math.floor(random() * 7);
	const items: Item[] = [];
	for (let s = 0; s < sentences; s++) items.push(...sentence(v, random));
	return items;
}

export function render(paragraphs: Paragraph[]): string {
	return paragraphs
		.map((p) => p.map((item, k) => (k === 0 ? '' : ' ') + item.word + item.after).join(''))
		.join('\n\n');
}

export function generate(v: Vocabulary, random: () => number, size: number): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	let length = 0;
	while (length < size) {
		const p = paragraph(v, random);
		paragraphs.push(p);
		length += p.reduce((sum, item) => sum + item.word.length + item.after.length + 1, 1);
	}
	return paragraphs;
}

export interface Pair {
	name: string;
	a: string;
	b: string;
	/** Share of base words deleted, replaced or with an insertion beside them, as generated. */
	editedShare: number;
}

/** An edited copy of a base text, and the base as that edit leaves it (see `editable`). */
export interface Copy {
	a: string;
	b: string;
	editedShare: number;
}

/**
 * A base text of one kind, made from a random stream, and a way to make edited copies of it:
 * `edit` draws on the stream it is given. A pair is the base and one copy, both from one seed's
 * stream (`pairMaker`); a collation is the base and several copies (`witnessesOf`).
 */
export interface Source {
	/** A copy with about `share` of the base's words edited. */
	edit(share: number, random: () => number): Copy;
}
export type SourceMaker = (size: number, random: () => number) => Source;
export type PairMaker = (name: string, size: number, share: number, seed: number) => Pair;

/** The pairs of a kind of text: its base and one edited copy, from the stream of one seed. */
export function pairMaker(make: SourceMaker): PairMaker {
	return (name, size, share, seed) => {
		const random = prng(seed);
		return { name, ...make(size, random).edit(share, random) };
	};
}

/** A base text and edited copies of it, to collate. */
export interface Witnesses {
	name: string;
	/** The base's, then each copy's. */
	texts: string[];
	/** Each copy's share of base words edited, as `Pair` counts it. */
	editedShares: number[];
}

/**
 * A base and `copies` edited copies of it, each with about `share` of its words edited: the first
 * copy is the target of the pair of the same seed, and the others are edited from streams of
 * their own (seeds `seed + 100`, `seed + 200`, ...).
 */
export function witnessesOf(
	make: SourceMaker,
	name: string,
	size: number,
	share: number,
	seed: number,
	copies: number
): Witnesses {
	const random = prng(seed);
	const source = make(size, random);
	const edits = Array.from({ length: copies }, (_, k) =>
		source.edit(share, k === 0 ? random : prng(seed + 100 * k))
	);
	return {
		name,
		texts: [edits[0].a, ...edits.map((e) => e.b)],
		editedShares: edits.map((e) => e.editedShare)
	};
}

/**
 * The paragraphs an edit starts from: the base's own the first time, as the pairs have always
 * been made (a deletion in `editParagraphs` can move punctuation onto a base word, and the base is
 * rendered after it), then a copy of them, so that later edits leave the base as the first left it.
 */
export function editable(base: Paragraph[]): () => Paragraph[] {
	let first = true;
	return () => {
		if (!first) return base.map((p) => p.map((item) => ({ ...item })));
		first = false;
		return base;
	};
}

/**
 * Prose of about `size` characters; its copies have about `share` of their words edited: whole
 * paragraphs deleted and added, phrases rewritten, single words deleted, inserted or replaced.
 */
export function proseSource(size: number, random: () => number): Source {
	const v = vocabulary();
	const base = generate(v, random, size);
	const next = editable(base);
	return {
		edit(share, random) {
			const { target, words, edited } = editParagraphs(v, random, next(), share);
			return { a: render(base), b: render(target), editedShare: edited / words };
		}
	};
}

/** A text of about `size` characters and an edited copy of it, as `proseSource` makes them. */
export const editedPair: PairMaker = pairMaker(proseSource);

/**
 * An edited copy of `base` with about `share` of its words edited, as `editedPair` describes;
 * `edited` counts the base words deleted, replaced or with an insertion beside them.
 */
export function editParagraphs(
	v: Vocabulary,
	random: () => number,
	base: Paragraph[],
	share: number
): { target: Paragraph[]; words: number; edited: number } {
	let words = 0;
	let edited = 0;
	const target: Paragraph[] = [];
	for (const p of base) {
		words += p.length;
		const r = random();
		if (r < share * 0.15) {
			edited += p.length;
			continue;
		}
		const out: Item[] = [];
		for (let k = 0; k < p.length; k++) {
			const item = p[k];
			const x = random();
			if (x < share * 0.06) {
				// Rewrite a phrase: 2 to 6 words become 2 to 6 others.
				const span = Math.min(p.length - k, 2 + Math.floor(random() * 5));
				const replacement = 2 + Math.floor(random() * 5);
				for (let q = 0; q < replacement; q++) out.push({ word: pickWord(v, random), after: '' });
				out[out.length - 1].after = p[k + span - 1].after;
				edited += span;
				k += span - 1;
			} else if (x < share * 0.06 + share * 0.2) {
				edited++; // deleted
				// This can move punctuation onto a base word, in the base as well (the word is
				// shared); kept, so that the pairs stay those of earlier measurements.
				if (item.after !== '' && out.length > 0) out[out.length - 1].after = item.after;
			} else if (x < share * 0.06 + share * 0.4) {
				edited++;
				out.push({ word: pickWord(v, random), after: item.after });
			} else if (x < share * 0.06 + share * 0.6) {
				edited++;
				out.push(item, { word: pickWord(v, random), after: '' });
			} else {
				out.push(item);
			}
		}
		if (out.length > 0) target.push(out);
		if (random() < share * 0.05) target.push(paragraph(v, random));
	}
	return { target, words, edited };
}

/** Two texts of about `size` characters from the same vocabulary, otherwise unrelated. */
export function unrelatedPair(name: string, size: number, seed: number): Pair {
	const v = vocabulary();
	return {
		name,
		a: render(generate(v, prng(seed), size)),
		b: render(generate(v, prng(seed + 1000), size)),
		editedShare: 1
	};
}
