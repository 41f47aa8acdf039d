import type { ChangeKind, Segment } from '../types';
import { Markers } from './placeholders';
import { BREAK, EDITORIAL, GAP, LINE, SPACE, WORD, type Tokens } from './tokens';

// Kinds: what sort of change each change is, as a reader would name it, found from the tokens of
// its two sides after moves and ids (so that a filter, the figures and the exports can tell a
// struck sentence from a moved comma). One kind a change, decided in this order:
//
//   moved        one end of a moved passage (moves.ts), whatever changed in it on the way
//   placeholder  He met John Smith in Paris.  ->  He met [REDACTED] in Paris.
//                the target side holds a redaction marker (placeholders.ts) and no word beside it
//                that the base side lacks; it hides the base's other words
//   layout       ...what they did here.¶It is...  ->  ...what they did here. It is...
//                no words or punctuation differ: only white space, line or paragraph breaks
//   punctuation  that "all men are created equal"  ->  that all men are created equal.
//                the same words (or none) on both sides, other punctuation
//   cut          those who died here  ->  those who here
//                words only in the base (punctuation on either side aside)
//   addition     this nation shall  ->  this nation, under God, shall
//                words only in the target
//   case         conceived in liberty  ->  conceived in Liberty
//                the same words but for capitals; punctuation may differ too: capitals are letters,
//                and the letters are what a reader reads ("liberty," -> "Liberty." is case)
//   spelling     battle field  ->  battle-field;  honour  ->  honor;  centre  ->  center
//                the same words respelt: see `respelt` for the rule
//   rewording    brought forth, upon this continent  ->  brought forth, on this continent
//                any other change of words
//
// "Words" are word tokens and the source's editorial matter that has letters (`[non-existent]`);
// punctuation is every other token but white space. A gap marker is structure, never a change,
// and counts as neither.

/** A kind as a filter shows it. */
export interface KindInfo {
	kind: ChangeKind;
	/** A short label: `Cut`. */
	label: string;
	/** One line: what a change of this kind is. */
	description: string;
	/** Not shown until the reader asks: a change of this kind has nothing to see on screen. */
	hidden: boolean;
}

/** Every kind, in display order: what was taken out first, what only looks different last. */
export const CHANGE_KINDS: readonly KindInfo[] = [
	{
		kind: 'cut',
		label: 'Cut',
		description: 'Words struck, with nothing in their place.',
		hidden: false
	},
	{
		kind: 'placeholder',
		label: 'Placeholder',
		description: 'Words replaced by a redaction marker such as [REDACTED].',
		hidden: false
	},
	{
		kind: 'rewording',
		label: 'Rewording',
		description: 'Words replaced by other words.',
		hidden: false
	},
	{
		kind: 'addition',
		label: 'Addition',
		description: 'Words added where there were none.',
		hidden: false
	},
	{
		kind: 'moved',
		label: 'Moved',
		description: 'A passage taken from one place and set in another; each end is a change.',
		hidden: false
	},
	{
		kind: 'spelling',
		label: 'Spelling',
		description: 'The same word respelt or rehyphenated.',
		hidden: false
	},
	{
		kind: 'case',
		label: 'Capitals',
		description: 'The same words with other capital letters.',
		hidden: false
	},
	{
		kind: 'punctuation',
		label: 'Punctuation',
		description: 'Only punctuation differs.',
		hidden: false
	},
	{
		kind: 'layout',
		label: 'Layout',
		description: 'Only white space, line or paragraph breaks differ: nothing to see in the text.',
		hidden: true
	}
];

/** The kinds not shown until the reader asks for them. */
export const HIDDEN_KINDS: ReadonlySet<ChangeKind> = new Set(
	CHANGE_KINDS.filter((k) => k.hidden).map((k) => k.kind)
);

/** A kind as a small number, for packed columns (laid.ts): its place in CHANGE_KINDS plus one; 0 for none. */
export function kindCode(kind: ChangeKind | undefined): number {
	return kind === undefined ? 0 : CHANGE_KINDS.findIndex((k) => k.kind === kind) + 1;
}

/** The kind of a code from `kindCode`. */
export function kindOfCode(code: number): ChangeKind | undefined {
	return code === 0 ? undefined : CHANGE_KINDS[code - 1]?.kind;
}

/**
 * Sets `changeKind` on every change (in place), and `hidden` on placeholders, and returns the
 * segments. `markers` are the redaction markers of the comparison (by default the built-in ones).
 */
export function classifyChanges(
	segments: Segment[],
	aTokens: Tokens,
	bTokens: Tokens,
	markers: Markers = new Markers()
): Segment[] {
	for (const s of segments) {
		if (s.kind === 'equal' || s.kind === 'gap') continue;
		if (s.move) {
			s.changeKind = 'moved';
			continue;
		}
		const hidden = hiddenWords(s, aTokens, bTokens, markers);
		if (hidden >= 0) {
			s.changeKind = 'placeholder';
			s.hidden = hidden;
		} else {
			s.changeKind = kindOf(side(aTokens, s.aFrom, s.aTo), side(bTokens, s.bFrom, s.bTo));
		}
	}
	return segments;
}

/**
 * If the change is a placeholder, how many base words its markers hide; otherwise -1. The target
 * side must hold a marker, and no word beside it that the base side lacks (a marker among new
 * words is part of a rewording). The words beside it are shown, so not hidden:
 * `Smith never` -> `[REDACTED] Smith` hides one word.
 */
function hiddenWords(s: Segment, aTokens: Tokens, bTokens: Tokens, markers: Markers): number {
	if (s.bFrom === s.bTo) return -1;
	const found = markers.find(bTokens, s.bFrom, s.bTo);
	if (found.length === 0) return -1;
	const base = new Set<number>();
	for (let i = s.aFrom; i < s.aTo; i++) if (aTokens.kinds[i] === WORD) base.add(aTokens.keys[i]);
	let shown = 0;
	let m = 0;
	for (let j = s.bFrom; j < s.bTo; j++) {
		while (m < found.length && found[m][1] <= j) m++;
		if (m < found.length && found[m][0] <= j) continue; // inside a marker
		if (bTokens.kinds[j] !== WORD) continue;
		if (!base.has(bTokens.keys[j])) return -1;
		shown++;
	}
	let words = 0;
	for (let i = s.aFrom; i < s.aTo; i++) if (aTokens.kinds[i] === WORD) words++;
	return Math.max(0, words - shown);
}

/** One side of a change as key ids (equal ids, equal text): all but white space, and its words. */
interface Side {
	content: number[];
	words: number[];
	keys: readonly string[];
}

function side(tokens: Tokens, from: number, to: number): Side {
	const content: number[] = [];
	const words: number[] = [];
	const keys = tokens.vocabulary.keys;
	for (let i = from; i < to; i++) {
		const kind = tokens.kinds[i];
		if (kind === SPACE || kind === LINE || kind === BREAK || kind === GAP) continue;
		const key = tokens.keys[i];
		content.push(key);
		if (kind === WORD || (kind === EDITORIAL && LETTER.test(keys[key]))) words.push(key);
	}
	return { content, words, keys };
}

const LETTER = /\p{L}/u;

const same = (x: number[], y: number[]) => x.length === y.length && x.every((id, i) => id === y[i]);

/** The kind of a change that is neither moved nor a placeholder, from its two sides (see above). */
function kindOf(a: Side, b: Side): ChangeKind {
	if (same(a.content, b.content)) return 'layout';
	if (same(a.words, b.words)) return 'punctuation';
	if (b.words.length === 0) return 'cut';
	if (a.words.length === 0) return 'addition';
	const aWords = a.words.map((id) => a.keys[id]);
	const bWords = b.words.map((id) => b.keys[id]);
	if (aWords.length === bWords.length) {
		if (aWords.every((w, i) => fold(w) === fold(bWords[i]))) {
			// Equal but for capitals, or not even that: the same letters encoded otherwise (`é` as
			// one character or as `e` and a combining accent), which only a respelling does.
			return aWords.every((w, i) => w.normalize('NFC') === bWords[i].normalize('NFC'))
				? 'spelling'
				: 'case';
		}
		if (aWords.every((w, i) => respelt(w, bWords[i]))) return 'spelling';
	}
	// Words joined or split: `battle field` -> `battle-field`, `to day` -> `today`.
	if (
		aWords.length <= JOINED_WORDS &&
		bWords.length <= JOINED_WORDS &&
		respelt(aWords.join(''), bWords.join(''))
	) {
		return 'spelling';
	}
	return 'rewording';
}

/** Sides of at most this many words are also compared joined up: a rehyphenation touches a few. */
const JOINED_WORDS = 8;

const fold = (w: string) => w.toLowerCase().normalize('NFC');

// ---------------------------------------------------------------------------------------------
// Spelling

/** The fewest letters the longer word must have for a changed letter to be a respelling. */
const SPELLING_MIN_LETTERS = 6;

/** Letters that respelling adds or drops (`honour` -> `honor`, `judgement` -> `judgment`). */
const VOWELS = new Set('aeiouyаеёиоуыэюя');
/** Pairs of letters that respelling trades, either way: realise/realize, sceptic/skeptic, … */
const ALTERNATIVES = new Set(
	['sz', 'ck', 'iy', 'зс', 'иі', 'еѣ', 'фѳ', 'иѵ'].flatMap(([x, y]) => [x + y, y + x])
);
/** Adjacent letters that respelling swaps: centre/center, theatre/theater, sabre/saber. */
const SWAPS = new Set(['re', 'er', 'le', 'el']);
/** Accents that respelling adds or drops on a letter: grave, acute, circumflex, diaeresis. */
const DROPPED_ACCENT = /^(\p{L})[\u0300\u0301\u0302\u0308]$/u;

/** A word's letters for comparing spellings: NFC, lower case, with only letters, marks and digits. */
function spellingForm(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFC')
		.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

/**
 * Whether `x` and `y` are the same word respelt. The rule, on their spelling forms (above):
 *
 * 1. Equal: only hyphens, spaces, apostrophes, capitals or the encoding differ, at any length
 *    (`battle field` / `battle-field` / `battlefield`, `to-day` / `today`).
 * 2. Otherwise exactly one edit apart (an edit distance of 1, Damerau's: one letter added,
 *    dropped or replaced, or two adjacent letters swapped), the longer having at least
 *    SPELLING_MIN_LETTERS letters, and the edit one that respelling makes:
 *    - a vowel added or dropped, not at the end (`honour`/`honor`, `judgement`/`judgment`; at
 *      the end it makes other words: `breathe`/`breath`);
 *    - an `l` doubled or undoubled (`travelled`/`traveled`, `fulfil`/`fulfill`; other doubled
 *      letters make other words: `dinner`/`diner`, `latter`/`later`);
 *    - a letter traded for its usual alternative: s/z, c/k, i/y; з/с (без-/бес-) and the
 *      letters the 1918 Russian reform replaced (і, ѣ, ѳ, ѵ);
 *    - an accent (grave, acute, circumflex, diaeresis) added to or dropped from a letter
 *      (`coöperate`/`cooperate`, `пришёл`/`пришел`: Russian mostly prints ё as е);
 *    - `e` swapped with an `r` or `l` beside it (`centre`/`center`).
 *
 * Conservative on purpose: a reader who hides spelling changes must not lose a changed word. One
 * letter turns many short words into others (`then`/`than`, `form`/`from`, `все`/`всё`), hence
 * the length; substitutions and insertions of other letters make other words at any length
 * (`nation`/`notion`, `though`/`through`, `county`/`country`), hence the list. `upon` -> `on` is
 * two edits, a rewording.
 */
export function respelt(x: string, y: string): boolean {
	const p = Array.from(spellingForm(x));
	const q = Array.from(spellingForm(y));
	if (p.length === q.length && p.every((c, i) => c === q[i])) return true;
	if (Math.max(p.length, q.length) < SPELLING_MIN_LETTERS) return false;
	// What lies between the common beginning and the common end is the edit.
	let start = 0;
	while (start < p.length && start < q.length && p[start] === q[start]) start++;
	let end = 0;
	while (
		end < p.length - start &&
		end < q.length - start &&
		p[p.length - 1 - end] === q[q.length - 1 - end]
	)
		end++;
	const dp = p.slice(start, p.length - end);
	const dq = q.slice(start, q.length - end);
	if (dp.length + dq.length === 1) {
		const longer = dp.length === 1 ? p : q;
		const letter = longer[start];
		if (letter === 'l' && (longer[start - 1] === 'l' || longer[start + 1] === 'l')) return true;
		return VOWELS.has(letter) && start < longer.length - 1;
	}
	if (dp.length === 1 && dq.length === 1) {
		const [c, d] = [dp[0], dq[0]];
		return ALTERNATIVES.has(c + d) || accentOf(c) === d || accentOf(d) === c;
	}
	if (dp.length === 2 && dq.length === 2 && dp[0] === dq[1] && dp[1] === dq[0]) {
		return SWAPS.has(dp.join(''));
	}
	return false;
}

/** The letter without its accent, if it is a letter with one of the accents respelling drops. */
function accentOf(letter: string): string | undefined {
	return DROPPED_ACCENT.exec(letter.normalize('NFD'))?.[1];
}
