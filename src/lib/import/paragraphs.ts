// Builds witness text from markup, in the shape the tokenizer reads: paragraphs separated by one
// blank line, a single newline for a line break inside one. The HTML, TEI and Word readers walk
// their documents and call `flow` for text whose whitespace is only layout (markup indentation,
// HTML line wrapping), `verbatim` for text whose every character counts (a `<pre>`, a Word run),
// and `lineBreak` and `paragraphBreak` at the elements that make them.

export class Paragraphs {
	private paragraphs: string[] = [];
	private lines: string[] = [];
	private line = '';
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
		this.lines.push(this.flowing ? this.line.trimEnd() : this.line);
		this.line = '';
		this.flowing = false;
	}

	/**
	 * Ends the paragraph. Blank lines at its edges are dropped, and a blank line inside it (two
	 * `<br>`s in a row) is where it divides: never more than one blank line in a row.
	 */
	paragraphBreak(): void {
		this.lineBreak();
		let current: string[] = [];
		for (const line of this.lines) {
			// A line of spaces is a blank line to a reader, and to the tokenizer.
			if (/^[\t ]*$/.test(line)) {
				this.close(current);
				current = [];
			} else current.push(line);
		}
		this.close(current);
		this.lines = [];
	}

	/** The text so far: paragraphs joined by a blank line, nothing before or after. */
	text(): string {
		this.paragraphBreak();
		return this.paragraphs.join('\n\n');
	}

	private append(s: string): void {
		if (s === '') return;
		this.line += s;
		this.flowing = false;
	}

	private close(lines: string[]): void {
		if (lines.length) this.paragraphs.push(lines.join('\n'));
	}
}
