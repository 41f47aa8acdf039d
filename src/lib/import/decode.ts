// Bytes to text. A witness typed in Moscow in 1995 may be Windows-1251 or KOI8-R, a Word export
// UTF-16, everything since UTF-8; the file rarely says which. The order of the tests matters:
//
// 1. A byte order mark is the file saying which, and wins.
// 2. UTF-16 without a mark shows as NUL bytes on every other position (the high byte of ASCII
//    characters), which no 8-bit text has. It must be tested before UTF-8, where NUL is valid.
// 3. UTF-8 is self-checking: Cyrillic text in an 8-bit encoding is never valid UTF-8 beyond a few
//    letters, so a file that decodes without error is UTF-8 (plain ASCII reads the same in all),
//    and so is one that is valid UTF-8 but for a few stray bytes (which decoding then reports).
// 4. Otherwise the bytes are 8-bit, and Windows-1251 and KOI8-R both map every byte from 0xC0 to
//    a Cyrillic letter, in different orders. Decoded with the wrong table, Russian text comes out
//    as rare letters in odd case (`Привет` in KOI8-R read as Windows-1251 is `рТЙЧЕФ`), so the
//    reading whose letters are frequent in Russian, in words cased as words are, wins. The share
//    of lowercase letters alone cannot decide: the tables swap upper and lower case too, so an
//    all-capitals telegram read wrongly looks like ordinary lowercase prose.
//
// Only these five encodings are offered: they are what Russian and English sources come in, and
// what `TextDecoder` decodes in every browser, in a worker and in Node.

import { ImportError } from './errors';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r';

/** Every encoding the user may choose, in the order a menu should list them. */
export const ENCODINGS: readonly Encoding[] = [
	'utf-8',
	'windows-1251',
	'koi8-r',
	'utf-16le',
	'utf-16be'
];

/** How each encoding is named to people. */
export const ENCODING_NAMES: Record<Encoding, string> = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16LE',
	'utf-16be': 'UTF-16BE',
	'windows-1251': 'Windows-1251',
	'koi8-r': 'KOI8-R'
};

/**
 * - `bom`: the file starts with a byte order mark.
 * - `certain`: the bytes can only be this (valid UTF-8), or the user chose it.
 * - `likely`: a guess from the bytes: show it, and let the user choose another.
 */
export type Confidence = 'bom' | 'certain' | 'likely';

export interface Detection {
	encoding: Encoding;
	confidence: Confidence;
	/** Why, in words, for the page to show beside the encoding. */
	reason: string;
}

export interface Decoded extends Detection {
	/** The text, without the byte order mark. */
	text: string;
	/** What was decoded with loss (UTF-16 bytes that are not valid UTF-16), each a sentence. */
	warnings: string[];
}

/** How much of a file the statistical tests read: enough for any language, fast on 25 MB. */
const SAMPLE = 64 * 1024;

const BOMS: [Encoding, number[]][] = [
	['utf-8', [0xef, 0xbb, 0xbf]],
	['utf-16le', [0xff, 0xfe]],
	['utf-16be', [0xfe, 0xff]]
];

/** The encoding whose byte order mark the file starts with, and the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: Encoding; length: number } | null {
	for (const [encoding, mark] of BOMS) {
		if (mark.every((b, i) => bytes[i] === b)) return { encoding, length: mark.length };
	}
	return null;
}

/**
 * UTF-16 without a byte order mark, read from the high byte of each pair: NUL in at least 10% of
 * pairs (ASCII, and the spaces between Cyrillic words) and in almost none of the low bytes, where
 * it would mean U+0000, U+0100, U+0400 …; the pairs with a NUL high byte are printable characters;
 * and the other high bytes are below 0x30: Latin, Greek, Cyrillic, punctuation. So a binary file
 * or an 8-bit text with a stray NUL is not UTF-16 (their "high bytes" are mostly letters), and
 * neither is Chinese or Japanese, whose UTF-16 files carry a byte order mark.
 */
export function utf16Pattern(bytes: Uint8Array): { encoding: Encoding; share: number } | null {
	const n = Math.min(bytes.length, SAMPLE) & ~1;
	const pairs = n / 2;
	if (pairs === 0) return null;
	for (const [encoding, high] of [
		['utf-16le', 1],
		['utf-16be', 0]
	] as const) {
		let nul = 0;
		let lowNul = 0;
		let printable = 0;
		let alphabetic = 0;
		for (let i = 0; i < n; i += 2) {
			const hi = bytes[i + high];
			const lo = bytes[i + 1 - high];
			if (lo === 0) lowNul++;
			if (hi === 0) {
				nul++;
				if (lo === 0x09 || lo === 0x0a || lo === 0x0d || (lo >= 0x20 && lo !== 0x7f)) printable++;
			} else if (hi < 0x30) alphabetic++;
		}
		if (nul < pairs * 0.1 || lowNul > pairs * 0.01) continue;
		if (printable < nul * 0.95 || alphabetic < (pairs - nul) * 0.8) continue;
		return { encoding, share: nul / pairs };
	}
	return null;
}

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence (as the WHATWG decoder
 * judges: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 if all are valid.
 */
export function invalidUtf8At(bytes: Uint8Array, from = 0): number {
	let i = from;
	while (i < bytes.length) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		let length: number;
		// The range of the second byte: narrower than 80..BF after E0, ED, F0 and F4.
		let low = 0x80;
		let high = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) length = 2;
		else if (b >= 0xe0 && b <= 0xef) {
			length = 3;
			if (b === 0xe0) low = 0xa0;
			if (b === 0xed) high = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			length = 4;
			if (b === 0xf0) low = 0x90;
			if (b === 0xf4) high = 0x8f;
		} else return i;
		for (let k = 1; k < length; k++) {
			const c = bytes[i + k];
			if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
		}
		i += length;
	}
	return -1;
}

/** Guesses the encoding of the bytes; see the rules at the top of this file. */
export function detectEncoding(bytes: Uint8Array): Detection {
	const bom = byteOrderMark(bytes);
	if (bom) {
		const name = ENCODING_NAMES[bom.encoding];
		return {
			encoding: bom.encoding,
			confidence: 'bom',
			reason: `the file starts with the ${name} byte order mark`
		};
	}
	const utf16 = utf16Pattern(bytes);
	if (utf16) {
		const side = utf16.encoding === 'utf-16le' ? 'second' : 'first';
		return {
			encoding: utf16.encoding,
			confidence: 'likely',
			reason:
				`no byte order mark, but the ${side} byte of ${percent(utf16.share)} of the byte pairs ` +
				`is NUL, as in ${ENCODING_NAMES[utf16.encoding]} text`
		};
	}
	const utf8 = utf8Census(bytes);
	if (utf8.invalid === 0) {
		return {
			encoding: 'utf-8',
			confidence: 'certain',
			reason: utf8.characters
				? `valid UTF-8, with ${utf8.characters} characters beyond ASCII`
				: 'plain ASCII, which reads the same in every encoding offered'
		};
	}
	// A UTF-8 file with a stray byte (a Windows curly quote pasted in, a damaged block) is
	// still UTF-8: read through an 8-bit table, all of it would come out wrong.
	if (mostlyUtf8(utf8)) {
		return {
			encoding: 'utf-8',
			confidence: 'likely',
			reason:
				`UTF-8 (${utf8.characters} characters beyond ASCII) but for ` +
				(utf8.invalid === 1
					? `one byte, at offset ${utf8.first}`
					: `${utf8.invalid} bytes, the first at offset ${utf8.first}`)
		};
	}
	return guessCyrillic(bytes, utf8.first);
}

interface Utf8Census {
	/** Characters beyond ASCII, bytes that start no valid sequence, and the first of those. */
	characters: number;
	invalid: number;
	first: number;
}

function utf8Census(bytes: Uint8Array): Utf8Census {
	let characters = 0;
	let invalid = 0;
	let first = -1;
	for (let i = 0; i < bytes.length; ) {
		const bad = invalidUtf8At(bytes, i);
		const end = bad === -1 ? bytes.length : bad;
		// In a valid stretch, every byte from 0xC0 up starts a character.
		for (let k = i; k < end; k++) if (bytes[k] >= 0xc0) characters++;
		if (bad === -1) break;
		if (first === -1) first = bad;
		invalid++;
		i = bad + 1;
	}
	return { characters, invalid, first };
}

/** Valid characters outnumber bad bytes four to one: 8-bit Cyrillic text has almost none. */
function mostlyUtf8(census: Utf8Census): boolean {
	return census.characters >= census.invalid * 4;
}

// Letter frequencies of Russian prose, percent, rounded. Other Cyrillic letters (Ukrainian і,
// Serbian ђ) count as rare.
// prettier-ignore
const RUSSIAN_LETTERS: Record<string, number> = {
	о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4,
	к: 3.49, м: 3.21, д: 2.98, п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65,
	б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73, ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32,
	ф: 0.26, ъ: 0.04, ё: 0.04
};
const RARE = 0.01;

interface Reading {
	encoding: Encoding;
	/**
	 * How Russian the text is: the mean log2 frequency of the Cyrillic letters, less the share of
	 * words in odd case (`рТЙЧЕФ`) and the box-drawing characters per word (KOI8-R's reading of
	 * Windows-1251 quotes and dashes: `╚`, `≈`). Russian prose scores about −4.6, the same prose
	 * through the wrong table about −5.4; the other terms settle short texts.
	 */
	score: number;
	/** Whether Cyrillic letters stand in Cyrillic words, not inside Latin ones (`cafй`, which
	 * is an accented Latin letter read through a Cyrillic table). */
	cyrillic: boolean;
	/** The first few Cyrillic words, to show the user what each reading looks like. */
	words: string;
}

function read(encoding: Encoding, sample: Uint8Array): Reading {
	const text = new TextDecoder(encoding).decode(sample);
	let letters = 0;
	let logs = 0;
	let mixed = 0;
	let words = 0;
	let oddCase = 0;
	const shown: string[] = [];
	const symbols = text.match(/[\u2200-\u25ff]/g)?.length ?? 0;
	for (const word of text.match(/\p{L}+/gu) ?? []) {
		let cyrillic = 0;
		let length = 0;
		for (const ch of word) {
			length++;
			if (ch < '\u0400' || ch > '\u04ff') continue;
			cyrillic++;
			logs += Math.log2((RUSSIAN_LETTERS[ch.toLowerCase()] ?? RARE) / 100);
		}
		if (!cyrillic) continue;
		letters += cyrillic;
		words++;
		if (cyrillic < length) mixed += cyrillic;
		// Lowercase, Capitalized and UPPERCASE are how words are written; anything else is
		// what a capitalized word becomes through the wrong table.
		if (!/^\p{Lu}?\p{Ll}*$|^\p{Lu}+$/u.test(word)) oddCase++;
		if (shown.length < 3) shown.push(word);
	}
	return {
		encoding,
		score: letters ? logs / letters - (oddCase + symbols) / words : -Infinity,
		cyrillic: letters > 0 && mixed <= letters / 2,
		words: shown.join(' ')
	};
}

function guessCyrillic(bytes: Uint8Array, bad: number): Detection {
	// Sample from a little before the first non-ASCII byte: a long English preamble would
	// otherwise leave no Cyrillic in the sample at all.
	let first = 0;
	while (first < bytes.length && bytes[first] < 0x80) first++;
	const from = Math.max(0, first - 64);
	const sample = bytes.subarray(from, from + SAMPLE);
	const cp1251 = read('windows-1251', sample);
	const koi8 = read('koi8-r', sample);
	const where = `byte 0x${hex(bytes[bad])} at offset ${bad}`;
	if (!cp1251.cyrillic && !koi8.cyrillic) {
		return {
			encoding: 'windows-1251',
			confidence: 'likely',
			reason:
				`not UTF-8 (${where}), and it does not read as Russian in Windows-1251 or KOI8-R: ` +
				'shown as Windows-1251, which gets accented Latin letters (é, ü) and some ' +
				'punctuation wrong; if the text looks wrong, choose another encoding or save the file ' +
				'as UTF-8'
		};
	}
	// A tie (a word or two of text) goes to Windows-1251, the more common of the two.
	const [best, other] =
		koi8.cyrillic && (!cp1251.cyrillic || koi8.score > cp1251.score)
			? [koi8, cp1251]
			: [cp1251, koi8];
	return {
		encoding: best.encoding,
		confidence: 'likely',
		reason:
			`not UTF-8 (${where}); reads as Russian in ${ENCODING_NAMES[best.encoding]} ` +
			`(“${best.words}”), not in ${ENCODING_NAMES[other.encoding]} (“${other.words}”)`
	};
}

/**
 * Decodes the bytes as `encoding`, or as detected when it is not given (the user overrides a
 * guess by passing one). The byte order mark is dropped whatever the encoding: it is never text.
 * UTF-8 is decoded strictly, so that a wrong guess is an error naming the first bad byte rather
 * than a text full of `�`; `file` names the file in that error.
 */
export function decode(bytes: Uint8Array, encoding?: Encoding, file = 'text'): Decoded {
	const detected: Detection = encoding
		? { encoding, confidence: 'certain', reason: 'chosen by hand' }
		: detectEncoding(bytes);
	const skip = byteOrderMark(bytes)?.length ?? 0;
	const body = bytes.subarray(skip);
	const chosen = detected.encoding;
	const warnings: string[] = [];
	let text: string;
	try {
		// `ignoreBOM` keeps a second mark, which would be text: only one is removed, above.
		text = new TextDecoder(chosen, { fatal: true, ignoreBOM: true }).decode(body);
	} catch {
		if (chosen === 'utf-8') {
			const census = utf8Census(body);
			const bad = skip + census.first;
			let problem = `byte 0x${hex(bytes[bad])} at offset ${bad} is not valid UTF-8`;
			if (mostlyUtf8(census)) {
				const others = census.invalid - 1;
				if (others) problem += others === 1 ? ', nor is 1 other' : `, nor are ${others} others`;
				problem +=
					', though the rest of the file is: the file may be damaged; correct it, or choose ' +
					'another encoding';
			} else problem += ': choose another encoding, such as Windows-1251 or KOI8-R';
			throw new ImportError(file, problem, lineAtByte(bytes, bad));
		}
		// Only UTF-16 can fail here (a lone surrogate, an odd last byte): the 8-bit tables map
		// every byte. A damaged UTF-16 file is still mostly readable, so decode it with `�`.
		text = new TextDecoder(chosen, { ignoreBOM: true }).decode(body);
		const lost = text.match(/\uFFFD/g)?.length ?? 0;
		warnings.push(
			`${lost} ${lost === 1 ? 'character' : 'characters'} could not be decoded as ` +
				`${ENCODING_NAMES[chosen]} and ${lost === 1 ? 'shows' : 'show'} as �.`
		);
	}
	return { text, ...detected, warnings };
}

/** 1-based line of a byte offset: the line feeds before it, plus one. */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

function hex(b: number): string {
	return b.toString(16).toUpperCase().padStart(2, '0');
}

function percent(share: number): string {
	return `${Math.round(share * 100)}%`;
}
