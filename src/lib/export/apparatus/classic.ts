// An apparatus excerpt as a classic apparatus criticus, for the formats a person reads (Markdown,
// HTML, plain text): the base's text with a numbered mark at each variant place, and an entry for
// each, the base's reading (the lemma) and its witnesses, `]`, then each other reading with its
// witnesses, by siglum:
//
//   … brought forth, upon¹ this continent …        1 upon Nicolay, Hay, Everett] on Bancroft, Bliss
//
// Written for a reader who has never met an apparatus:
// - a reading is shown as it reads, its white space collapsed: line breaks as spaces, a paragraph
//   break as ¶;
// - an empty reading is said to be *omitted*;
// - where the base's reading has no words (punctuation only, or nothing where other witnesses add
//   text), every reading is given with the word before it, so that an addition says where it
//   stands and a comma is seen beside its word: `forth, Nicolay, Hay] forth Everett`,
//   `nation Nicolay] nation, under God, Hay`. With no word before it in the excerpt, the word
//   after it is used.
// Each format writes these parts its own way (markdown.ts, html.ts, text.ts).

import { witnessFacts } from '../citation';
import { textAt } from '../../pipeline/apparatus';
import { formatDate } from '../../format';
import type { ApparatusExcerpt } from '../../types';

/** A paragraph's part: text, a variant place's mark (its entry's number), or a note's (its number). */
export type TextPart = string | { variant: number } | { note: number };

/** A reading as the apparatus shows it. */
export interface ShownReading {
	/** The reading, white space collapsed (with the word before or after it, see `context`). */
	text: string;
	/** Why it shows no text: the witnesses have nothing there, or only white space. */
	empty?: 'omitted' | 'space';
	/** The sigla of its witnesses, in the excerpt's order. */
	sigla: string[];
	/** Its witnesses' language, when it is not the base's. */
	language?: string;
}

/** The entry of a variant place. */
export interface ApparatusEntry {
	/** 1-based, in text order: its mark in the text. */
	number: number;
	/** Index into `ApparatusExcerpt.places`. */
	place: number;
	/** The base's reading (the lemma), then the others. */
	readings: ShownReading[];
	/** Whether each reading is given with the word before it or after it (see above). */
	context?: 'before' | 'after';
}

export interface ClassicApparatus {
	/** The base's text, in paragraphs, with the marks of the variant places and of the notes. */
	paragraphs: TextPart[][];
	entries: ApparatusEntry[];
}

const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** Text as a reading is shown: each run of white space one space, or ¶ where it breaks a paragraph. */
export function collapse(text: string): string {
	return text.replace(/\s+/g, (ws) => (isBreak(ws) ? ' ¶ ' : ' ')).trim();
}

/** Whether white space holds a blank line, as a paragraph break does. */
function isBreak(ws: string): boolean {
	return /\n[^\S\n]*\n/.test(ws.replace(/\r\n?/g, '\n'));
}

/** The base's text with its marks, and the entry of each variant place. */
export function classicApparatus(excerpt: ApparatusExcerpt): ClassicApparatus {
	const base = excerpt.witnesses[0];
	const sigla = new Map(excerpt.witnesses.map((w) => [w.id, w.siglum]));
	const languages = new Map(excerpt.witnesses.map((w) => [w.id, w.language]));
	const texts = excerpt.places.map((p) => textAt(p, base.id));
	let raw = '';
	// Where the base's text so far ends, white space aside: marks go there, after a word.
	let end = 0;
	const marks: { at: number; part: TextPart }[] = [];
	const entries: ApparatusEntry[] = [];
	excerpt.places.forEach((place, i) => {
		const start = raw.length;
		raw += texts[i];
		const last = texts[i].search(/\S\s*$/);
		if (last !== -1) end = start + last + 1;
		if (place.readings.length > 1) {
			const lemma = place.readings.find((r) => r.witnesses.includes(base.id))!;
			const readings = [lemma, ...place.readings.filter((r) => r !== lemma)];
			let context: ApparatusEntry['context'];
			let before = '';
			let after = '';
			if (!hasWords(lemma.text)) {
				before = wordBefore(raw, start);
				after = before ? '' : wordAfter(texts, i);
				if (before || after) context = before ? 'before' : 'after';
			}
			const shown = readings.map((r): ShownReading => {
				const text = collapse(before + r.text + after);
				const reading: ShownReading = { text, sigla: r.witnesses.map((w) => sigla.get(w)!) };
				// Only white space where the base has none: with no word to show it by, it is a space.
				if (!text) reading.empty = r.text && !context && !hasWords(lemma.text) ? 'space' : 'omitted';
				const language = languages.get(r.witnesses[0]);
				if (language !== base.language) reading.language = language;
				return reading;
			});
			const number = excerpt.numbers?.[i] ?? entries.length + 1;
			entries.push({ number, place: i, readings: shown, ...(context ? { context } : {}) });
			marks.push({ at: end, part: { variant: number } });
		}
		excerpt.notes.forEach((n, k) => {
			if (n.place === i) marks.push({ at: end, part: { note: k + 1 } });
		});
	});
	return { paragraphs: paragraphsOf(raw, marks), entries };
}

/** The word before offset `at` of `text`, with the white space after it: `met ` in `We are met `. */
function wordBefore(text: string, at: number): string {
	let k = at;
	while (k > 0 && /\s/.test(text[k - 1])) k--;
	const spaces = k;
	while (k > 0 && !/\s/.test(text[k - 1])) k--;
	return k === spaces ? '' : text.slice(k, at);
}

/** The word after place `i` in `texts`, with the white space before it. */
function wordAfter(texts: string[], i: number): string {
	let following = '';
	for (let j = i + 1; j < texts.length; j++) {
		following += texts[j];
		const word = /^\s*\S+/.exec(following);
		// The word may go on into the next place: it ends at white space, or at the end.
		if (word && word[0].length < following.length) return word[0];
	}
	return /^\s*\S+/.exec(following)?.[0] ?? '';
}

/**
 * The text in paragraphs, the marks in place: a paragraph ends at white space that holds a blank
 * line; any other run of white space is one space, or one line break where it holds one (the
 * source's own lines, which the formats may keep).
 */
function paragraphsOf(raw: string, marks: { at: number; part: TextPart }[]): TextPart[][] {
	const out: TextPart[][] = [];
	let current: TextPart[] = [];
	let space = '';
	const add = (part: TextPart) => {
		const text = typeof part === 'string' ? space + part : space;
		space = '';
		const last = current.length - 1;
		if (text && typeof current[last] === 'string') current[last] += text;
		else if (text) current.push(text);
		if (typeof part !== 'string') current.push(part);
	};
	const words = (from: number, to: number) => {
		for (const [piece] of raw.slice(from, to).matchAll(/\s+|\S+/g)) {
			if (!/^\s/.test(piece)) add(piece);
			else if (isBreak(piece)) {
				if (current.length) out.push(current);
				current = [];
				space = '';
			} else if (current.length) space = /[\r\n]/.test(piece) ? '\n' : ' ';
		}
	};
	let at = 0;
	for (const mark of marks) {
		words(at, mark.at);
		add(mark.part);
		at = mark.at;
	}
	words(at, raw.length);
	if (current.length) out.push(current);
	return out;
}

/** The subtitle: the kind, the date, the base and the witnesses whose readings are given. */
export function apparatusSubtitle(excerpt: ApparatusExcerpt): string {
	const date = formatDate(excerpt.date);
	const [base, ...others] = excerpt.witnesses.map((w) => w.label);
	const readings = others.length ? ` with the readings of ${list(others)}` : '';
	return `${excerpt.kind}${date ? `, ${date}` : ''}: ${base}${readings}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function list(items: string[]): string {
	return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How a format writes the legend's words: text as it needs it, and words set apart (italics). */
export interface LegendPen {
	text(text: string): string;
	em(text: string): string;
}

/**
 * What the marks and entries mean, in words, the same in every format; then the notes' marks and
 * the witnesses set aside, when there are any.
 */
export function apparatusLegend(excerpt: ApparatusExcerpt, pen: LegendPen): string {
	const base = excerpt.witnesses[0];
	const said = [
		pen.text(
			`The text is that of ${base.label}, the base. A number after a word marks a place where the ` +
				'witnesses differ; its entry gives the base’s reading with the sigla of the witnesses ' +
				'that read it, then “]”, then each other reading with its sigla. '
		) +
			pen.em('omitted') +
			pen.text(
				': those witnesses have nothing there. Where the base’s reading has no words (only ' +
					'punctuation, or nothing where others add words), each reading is given with the word ' +
					'before it. Line breaks are shown as spaces, a paragraph break as ¶.'
			)
	];
	if (excerpt.notes.length) said.push(pen.text('A note’s mark is n and its number: n1.'));
	if (excerpt.setAside.length) {
		said.push(pen.text(`Set aside, and not given here: ${list(excerpt.setAside)}.`));
	}
	return said.join(' ');
}

/** The key to the sigla: each witness's siglum, label (when not the siglum) and what is said of it. */
export function siglaKey(excerpt: ApparatusExcerpt): { siglum: string; words: string }[] {
	return excerpt.witnesses.map((w) => {
		const label = w.label === w.siglum ? [] : [/[.!?]$/.test(w.label) ? w.label : `${w.label}.`];
		return { siglum: w.siglum, words: [...label, ...witnessFacts(w).map((f) => f.text)].join(' ') };
	});
}
