// Builds witness text from markup, in the shape the tokenizer reads: paragraphs separated by one
// blank line, a single newline for a line break inside one. The HTML, TEI and Word readers walk
// their documents and call `flow` for text whose whitespace is only layout (markup indentation,
// HTML line wrapping), `verbatim` for text whose every character counts (a `<pre>`, a Word run),
// and `lineBreak` and `paragraphBreak` at the elements that make them.
//
// A reader that needs to know where something ended up (the Word reader, where each tracked
// change is) calls `mark` there: the mark's offset in the finished text is set by `text()`.

/** A place in the text being built; `offset` is its offset in `text()`, set when that is known. */
export interface Mark {
	offset: number;
}

/** A line of a paragraph, with the marks made in it and their columns. */
interface Line {
	text: string;
	marks: { mark: Mark; at: number }[];
}

export class Paragraphs {
	private paragraphs: string[] = [];
	/** The length of the paragraphs so far, joined. */
	private length = 0;
	private lines: Line[] = [];
	private line = '';
	private lineMarks: Line['marks'] = [];
	/** Marks made where no text stands (a blank line, an empty paragraph): they belong where the
	 * next paragraph starts, or at the end of the text. */
	private waiting: Mark[] = [];
	/** Whether the current line ends in flowed text, whose trailing space is only layout. */
	private flowing = false;

	/** Adds text whose runs of whitespace are one space, dropped at the start and end of a line. */
	flow(text: string): void {
		let s = text.replace(/[\t\n\f\r ]+/g, ' ');
		if (s.startsWith(' ') && (this.line === '' || (this.flowing && this.line.endsWith(' ')))) {
			s = s.slice(1);
		}
		if (s === '') return;
		this.line += s;
		this.flowing = true;
	}

	/** Adds text as it is; its newlines are line breaks. */
	verbatim(text: string): void {
		const [first, ...rest] = text.split(/\r\n|\r|\n/);
		this.append(first);
		for (const line of rest) {
			this.lineBreak();
			this.append(line);
		}
	}

	lineBreak(): void {
		const text = this.flowing ? this.line.trimEnd() : this.line;
		const marks = this.lineMarks.map(({ mark, at }) => ({ mark, at: Math.min(at, text.length) }));
		this.lines.push({ text, marks });
		this.line = '';
		this.lineMarks = [];
		this.flowing = false;
	}

	/** A mark at the end of the text so far. */
	mark(): Mark {
		const mark = { offset: -1 };
		this.lineMarks.push({ mark, at: this.line.length });
		return mark;
	}

	/**
	 * Ends the paragraph. Blank lines at its edges are dropped, and a blank line inside it (two
	 * `<br>`s in a row) is where it divides: never more than one blank line in a row.
	 */
	paragraphBreak(): void {
		this.lineBreak();
		let current: Line[] = [];
		for (const line of this.lines) {
			// A line of spaces is a blank line to a reader, and to the tokenizer.
			if (/^[\t ]*$/.test(line.text)) {
				this.close(current);
				current = [];
				this.waiting.push(...line.marks.map(({ mark }) => mark));
			} else current.push(line);
		}
		this.close(current);
		this.lines = [];
	}

	/** The text so far: paragraphs joined by a blank line, nothing before or after. */
	text(): string {
		this.paragraphBreak();
		for (const mark of this.waiting) mark.offset = this.length;
		this.waiting = [];
		return this.paragraphs.join('\n\n');
	}

	private append(s: string): void {
		if (s === '') return;
		this.line += s;
		this.flowing = false;
	}

	private close(lines: Line[]): void {
		if (lines.length === 0) return;
		let at = this.paragraphs.length ? this.length + 2 : 0;
		for (const mark of this.waiting) mark.offset = at;
		this.waiting = [];
		for (const line of lines) {
			for (const { mark, at: column } of line.marks) mark.offset = at + column;
			at += line.text.length + 1;
		}
		this.paragraphs.push(lines.map((line) => line.text).join('\n'));
		this.length = at - 1;
	}
}
