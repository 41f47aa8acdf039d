import type { Tokens } from './tokens';

// Placeholders: what a censor or a clerk prints where words were taken out. Words replaced by
// one are not a rewording but a redaction, shown as the marker standing over the words it hides:
//
//   He met John Smith in Paris.  ->  He met [REDACTED] in Paris.   (a placeholder hiding 2 words)
//
// The markers are this table, and a case adds its own in case.txt (`placeholders:`, see
// corpus/README.md). A marker is found only as whole tokens of the target side of a change: `██`
// inside `███` is not one, and a marker never starts inside a word. Letters match in either case.
// The tokenizer reads a bracketed marker (`[REDACTED]`) as one editorial token, a FOIA code as
// punctuation and two words (`(b)(6)`), a block run as one punctuation token per block.

/** A sort of redaction marker. */
export interface Placeholder {
	/** What the marker is, in a few words. */
	name: string;
	/** A regular expression (source, `u` flag) that matches one whole marker. */
	pattern: string;
	/** Markers it matches (the tests check each). */
	examples: string[];
}

/** Words that say, in a bracketed notice, that something was taken out. */
const TAKEN_OUT = 'REDACTED|DELETED|OMITTED|WITHHELD|EXCISED|CENSORED';
/** A word of a bracketed notice besides the one that says so (`EXPLETIVE`, `NAME`). */
const NOTICE_WORD = String.raw`[\p{L}\p{N}]+`;

/** The built-in markers. Add a sort that recurs across sources here; one case's own, in its case.txt. */
export const PLACEHOLDERS: readonly Placeholder[] = [
	{
		name: 'a notice in square brackets that words were taken out',
		// Up to three more words on either side: a longer bracket is an editor's note about the
		// text ("[a line deleted in the manuscript by the author]"), not a marker standing for it.
		pattern: String.raw`\[(?:${NOTICE_WORD}\s+){0,3}(?:${TAKEN_OUT})(?:\s+${NOTICE_WORD}){0,3}\]`,
		examples: [
			'[REDACTED]',
			'[EXPLETIVE DELETED]',
			'[PASSAGE OMITTED]',
			'[NAME WITHHELD]',
			'[redacted]'
		]
	},
	{
		name: 'a US Freedom of Information Act exemption code (5 U.S.C. § 552(b)), printed where words were withheld',
		pattern: String.raw`\(b\)\([1-9]\)(?:\([A-F]\))?`,
		examples: ['(b)(6)', '(b)(7)(C)']
	},
	{
		name: 'a run of block characters, as a blacked-out line is typeset',
		pattern: String.raw`[\u2580-\u259F]+`,
		examples: ['██████', '▇▇▇', '░░']
	}
];

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** A case's own marker as a table entry: the text itself, any run of white space in it matching any. */
export function ownPlaceholder(marker: string): Placeholder {
	const pattern = marker
		.trim()
		.split(/\s+/)
		.map((part) => part.replace(SYNTAX, '\\$&'))
		.join(String.raw`\s+`);
	return { name: 'a marker of this case', pattern, examples: [marker] };
}

/**
 * Why `marker` cannot be a case's own marker, in words, or null. `others` are the case's markers
 * listed before it.
 */
export function placeholderProblem(marker: string, others: readonly string[] = []): string | null {
	if (marker.trim() === '') return 'an empty placeholder: list markers separated by "|"';
	if (marker.includes('{gap'))
		return `placeholder "${marker}" holds a gap marker, which is structure, not text`;
	if (others.includes(marker)) return `placeholder "${marker}" is listed twice`;
	const builtIn = PLACEHOLDERS.find((p) => new RegExp(`^(?:${p.pattern})$`, 'iu').test(marker));
	if (builtIn) return `placeholder "${marker}" is built in already (${builtIn.name})`;
	return null;
}

/** The markers of one comparison: the built-in ones and a case's own. */
export class Markers {
	readonly table: readonly Placeholder[];
	/** Every marker as one alternation: the side of a change is read once, not once per sort. */
	readonly #pattern: RegExp;

	constructor(own: readonly string[] = []) {
		this.table = [...PLACEHOLDERS, ...own.map(ownPlaceholder)];
		this.#pattern = new RegExp(this.table.map((p) => `(?:${p.pattern})`).join('|'), 'giu');
	}

	/** The markers among tokens `[from, to)`, as token ranges `[from, to)`, in order. */
	find(tokens: Tokens, from: number, to: number): [number, number][] {
		const found: [number, number][] = [];
		if (from >= to) return found;
		const start = tokens.starts[from];
		const text = tokens.text.slice(start, tokens.starts[to]);
		const pattern = this.#pattern;
		pattern.lastIndex = 0;
		let k = from;
		for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
			const first = tokenAt(tokens, k, to, start + match.index);
			const end =
				first < 0 ? -1 : tokenAt(tokens, first, to + 1, start + match.index + match[0].length);
			if (first < 0 || end <= first) {
				// Not on token edges (or empty): look again one character on.
				pattern.lastIndex = match.index + 1;
				continue;
			}
			found.push([first, end]);
			k = end;
		}
		return found;
	}
}

/** The token in `[from, to)` that starts at `offset`, or -1: a binary search of the starts. */
function tokenAt(tokens: Tokens, from: number, to: number, offset: number): number {
	let lo = from;
	let hi = to - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const at = tokens.starts[mid];
		if (at === offset) return mid;
		if (at < offset) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
}
