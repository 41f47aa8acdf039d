// Lines: where a witness's line breaks carry meaning. In prose a single line break is the
// transcriber's wrapping and reads as a space; in verse, code, an address or a Markdown file it is
// the text's own, and is kept: tokenized as a `line` (tokenize.ts), compared (a line broken
// elsewhere is a layout change, kinds.ts), laid out as a span of its own, drawn as a new line and
// written as one by every export. Whether a witness's lines matter is said per witness
// (`LineBreaks`, types.ts): in case.txt, or by a box on the Compare page, ticked for a text with a
// fenced code block when it is opened.

/** A kept line break's text in its parts (see `lineBreak`). */
export interface LineBreakParts {
	/** What stands before the line end: Markdown's mark of a hard break (`\` or two spaces or
	 * more), or trailing spaces. Never drawn. */
	mark: string;
	/** The line end itself: `\n`, `\r\n`, `\r`, U+2028 or U+2029. */
	end: string;
	/** The next line's indentation: the white space after the line end. */
	indent: string;
}

const PARTS = /^([^\n\r\u2028\u2029]*)(\r\n|[\n\r\u2028\u2029])([\s\S]*)$/;

/** The parts of a `line` span's text: `'\\\n'` is the mark `\` and the line end `\n`. */
export function lineBreak(text: string): LineBreakParts {
	const match = PARTS.exec(text);
	if (!match) return { mark: '', end: '', indent: text };
	return { mark: match[1], end: match[2], indent: match[3] };
}

/** A fenced code block: a line starting (after at most three spaces) with ``` or ~~~. */
const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})/m;

/**
 * Whether a text has a fenced code block, as Markdown writes one: its lines matter then (code
 * must keep its lines), so a text opened on the Compare page with one has its lines kept.
 */
export function hasCodeFence(text: string): boolean {
	return FENCE_LINE.test(text);
}
