// The apparatus: every witness of a text read at once, as a sequence of places. At a place each
// witness has a reading; witnesses that read the same words share it. Where all agree there is one
// reading (the agreed text); where they differ, a variant place, with each reading and its sigla:
//
//   [Four score and seven years ago our fathers brought forth ]
//   [upon: nicolay, hay, everett | on: bancroft, bliss]
//   [ this continent, a new nation, conceived in ...]
//
// Two witnesses are the simplest apparatus: each change of a pair is a variant place with two
// readings (collate.ts makes both from the same alignment). A place stands on the base's positions;
// where witnesses add text the base lacks, it is a point of the base (`from === to`).
//
// Readings are told apart by their words and punctuation, as alignment compares them: a witness
// that wraps its lines elsewhere reads the same as the others, and keeps its own characters in
// `layout`, so every witness rebuilds byte for byte (`witnessText`).

/** What some witnesses read at a place, and which. */
export interface ApparatusReading {
	/** The reading, as the first of its witnesses writes it. */
	text: string;
	/** Witness ids, in the apparatus's order. */
	witnesses: string[];
	/** Its words (as the tokenizer counts them). */
	words: number;
	/**
	 * The exact text of those of its witnesses that write it with other whitespace (their own line
	 * breaks, a CRLF file), by witness id; absent when all write it alike.
	 */
	layout?: Record<string, string>;
}

/** A place in the apparatus: one reading all witnesses share, or several. */
export interface ApparatusPlace {
	/** Where the place stands in the base: `[from, to)` (from = to where witnesses add text). */
	from: number;
	to: number;
	/** Its readings, the base's first. */
	readings: ApparatusReading[];
}

export interface Apparatus {
	/** The witnesses' ids, the base's first. */
	witnesses: string[];
	places: ApparatusPlace[];
}

/** What stands for a witness in an apparatus: its siglum, or else its label. */
export function siglumOf(witness: { siglum?: string; label: string }): string {
	return witness.siglum ?? witness.label;
}

/** The reading `id` has at `place`. */
export function readingOf(place: ApparatusPlace, id: string): ApparatusReading | undefined {
	return place.readings.find((r) => r.witnesses.includes(id));
}

/** What witness `id` has at `place`, character for character. */
export function textAt(place: ApparatusPlace, id: string): string {
	const r = readingOf(place, id);
	return r ? (r.layout?.[id] ?? r.text) : '';
}

/** A witness's text, rebuilt from the apparatus: what it has at each place, joined in order. */
export function witnessText(apparatus: Apparatus, id: string): string {
	return apparatus.places.map((p) => textAt(p, id)).join('');
}

/** Where each place starts in witness `id`'s text, then where its text ends: places + 1 offsets. */
export function placeStarts(apparatus: Apparatus, id: string): number[] {
	const starts = [0];
	for (const p of apparatus.places) starts.push(starts[starts.length - 1] + textAt(p, id).length);
	return starts;
}

/** The place that holds offset `at` of witness `id`'s text (the last place, at its very end). */
export function placeAt(starts: number[], at: number): number {
	let lo = 0;
	let hi = starts.length - 2;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= at) lo = mid;
		else hi = mid - 1;
	}
	// An empty place (a witness reads nothing there) holds no offset: step to the next that does.
	while (lo < starts.length - 2 && starts[lo + 1] === starts[lo] && starts[lo + 1] <= at) lo++;
	return lo;
}

/**
 * The readings at `place` of the witnesses in `shown` only (the others set aside): each written
 * as the first of its witnesses shown writes it, and one reading where they all agree.
 */
export function shownReadings(place: ApparatusPlace, shown: ReadonlySet<string>): ApparatusReading[] {
	const out: ApparatusReading[] = [];
	for (const r of place.readings) {
		const witnesses = r.witnesses.filter((w) => shown.has(w));
		if (!witnesses.length) continue;
		const text = r.layout?.[witnesses[0]] ?? r.text;
		const reading: ApparatusReading = { text, witnesses, words: r.words };
		for (const w of witnesses.slice(1)) {
			const own = r.layout?.[w] ?? r.text;
			if (own !== text) (reading.layout ??= {})[w] = own;
		}
		out.push(reading);
	}
	return out;
}

/** The apparatus of the witnesses in `shown` only, in its order: what an export of the screen holds. */
export function shownApparatus(apparatus: Apparatus, shown: ReadonlySet<string>): Apparatus {
	return {
		witnesses: apparatus.witnesses.filter((w) => shown.has(w)),
		places: apparatus.places.map((p) => ({ ...p, readings: shownReadings(p, shown) }))
	};
}

/** Whether the witnesses in `shown` read `place` differently. */
export function isVariant(place: ApparatusPlace, shown: ReadonlySet<string>): boolean {
	let seen = 0;
	for (const r of place.readings) if (r.witnesses.some((w) => shown.has(w)) && ++seen > 1) return true;
	return false;
}

/** The indices of the places where the witnesses in `shown` differ, in order. */
export function variantPlaces(apparatus: Apparatus, shown: ReadonlySet<string>): number[] {
	const out: number[] = [];
	apparatus.places.forEach((p, i) => {
		if (isVariant(p, shown)) out.push(i);
	});
	return out;
}

/** A witness's figures in an apparatus, against its base. */
export interface WitnessFigures {
	id: string;
	/** Its words in all. */
	words: number;
	/** Its words where it reads as the base does (the base's own: all of them). */
	shared: number;
	/** Variant places where no other witness shown reads as it does. */
	alone: number;
}

export interface ApparatusFigures {
	/** Places where the witnesses shown differ. */
	variants: number;
	witnesses: WitnessFigures[];
	/**
	 * How often each two witnesses read alike at the variant places: `agree[i][j]` of
	 * `variants`, in the order of `witnesses` (the diagonal: every place).
	 */
	agree: number[][];
}

/** The figures of the witnesses in `shown`, in the apparatus's order. */
export function apparatusFigures(apparatus: Apparatus, shown: ReadonlySet<string>): ApparatusFigures {
	const ids = apparatus.witnesses.filter((w) => shown.has(w));
	const index = new Map(ids.map((id, i) => [id, i]));
	const base = apparatus.witnesses[0];
	const figures = ids.map((id) => ({ id, words: 0, shared: 0, alone: 0 }));
	const agree = ids.map(() => ids.map(() => 0));
	let variants = 0;
	const group = new Int32Array(ids.length);
	for (const place of apparatus.places) {
		place.readings.forEach((r, k) => {
			for (const w of r.witnesses) {
				const i = index.get(w);
				if (i === undefined) continue;
				group[i] = k;
				figures[i].words += r.words;
				if (r.witnesses.includes(base)) figures[i].shared += r.words;
			}
		});
		if (!isVariant(place, shown)) continue;
		variants++;
		for (let i = 0; i < ids.length; i++) {
			let others = 0;
			for (let j = 0; j < ids.length; j++) {
				if (group[i] !== group[j]) continue;
				agree[i][j]++;
				if (i !== j) others++;
			}
			if (others === 0) figures[i].alone++;
		}
	}
	return { variants, witnesses: figures, agree };
}

/**
 * Places `from` to `to` (exclusive) of an apparatus, as an apparatus of their own: what an excerpt
 * exports. Offsets stay the base's.
 */
export function sliceApparatus(apparatus: Apparatus, from: number, to: number): Apparatus {
	return { witnesses: apparatus.witnesses, places: apparatus.places.slice(from, to) };
}

/**
 * Places `from` to `to` (exclusive) with some of the text around them, for an excerpt: whole places
 * of the base's text before and after, up to about `context` characters each way, never across a
 * paragraph break.
 */
export function withContext(apparatus: Apparatus, from: number, to: number, context = 160): { from: number; to: number } {
	const base = apparatus.witnesses[0];
	const { places } = apparatus;
	const breaks = (place: ApparatusPlace) => /\n[ \t\r]*\n/.test(textAt(place, base));
	let chars = 0;
	while (from > 0 && chars < context && !breaks(places[from - 1])) chars += textAt(places[--from], base).length;
	chars = 0;
	while (to < places.length && chars < context && !breaks(places[to])) chars += textAt(places[to++], base).length;
	return { from, to };
}

/**
 * A reading as an apparatus shows it: whitespace as one space, a paragraph break as ¶, trimmed
 * ('' for a witness that has nothing there, or only a space).
 */
export function readingShown(text: string): string {
	return text
		.replace(/[ \t]*\r?\n[ \t]*(?:\r?\n\s*)+/g, ' ¶ ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A piece of the base text as the apparatus view draws it: agreed text, a variant place, a note. */
export type ApparatusPiece =
	| { kind: 'text'; text: string }
	| { kind: 'place'; place: number; text: string }
	| { kind: 'note'; noteId: string };

/** Where a note stands: at a place, and for a place all agree on, how far into its base text. */
export interface NoteAt {
	noteId: string;
	place: number;
	/** Offset in the base text of the place where the quote ends (a place all agree on). */
	at?: number;
}

/**
 * The base text of an apparatus cut into paragraphs of pieces: the text where the witnesses in
 * `shown` agree, each place where they differ (its base reading, which may span paragraphs), and
 * each note's marker after its passage.
 */
export function apparatusParagraphs(
	apparatus: Apparatus,
	shown: ReadonlySet<string>,
	notes: NoteAt[] = []
): ApparatusPiece[][] {
	const base = apparatus.witnesses[0];
	const paragraphs: ApparatusPiece[][] = [[]];
	const text = (t: string) => {
		const parts = t.split(/\r?\n[ \t]*(?:\r?\n\s*)+/);
		parts.forEach((part, i) => {
			if (i > 0) paragraphs.push([]);
			if (!part) return;
			const pieces = paragraphs[paragraphs.length - 1];
			const last = pieces.at(-1);
			// Text next to text is one piece: a place read alike is no seam.
			if (last?.kind === 'text') last.text += part;
			else pieces.push({ kind: 'text', text: part });
		});
	};
	const byPlace = new Map<number, NoteAt[]>();
	for (const n of notes) byPlace.set(n.place, [...(byPlace.get(n.place) ?? []), n]);
	apparatus.places.forEach((place, i) => {
		const own = textAt(place, base);
		const here = (byPlace.get(i) ?? []).sort((x, y) => (x.at ?? Infinity) - (y.at ?? Infinity));
		const marker = (n: NoteAt) => paragraphs[paragraphs.length - 1].push({ kind: 'note', noteId: n.noteId });
		if (isVariant(place, shown)) {
			paragraphs[paragraphs.length - 1].push({ kind: 'place', place: i, text: own });
			here.forEach(marker);
			return;
		}
		let from = 0;
		for (const n of here) {
			const at = Math.min(n.at ?? own.length, own.length);
			text(own.slice(from, at));
			marker(n);
			from = Math.max(from, at);
		}
		text(own.slice(from));
	});
	return paragraphs.filter((p) => p.length > 0);
}
