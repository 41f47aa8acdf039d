import { showControls } from '../bidi';

/**
 * Why an uploaded file cannot become a witness text. The message names the file (and the line,
 * when there is one) the way a compiler does, so the page can show it as it stands:
 * `stenogram.txt:12: byte 0xCF at offset 301 is not valid UTF-8; …`.
 */
export class ImportError extends Error {
	constructor(
		/** The file's name, as the user gave it. */
		public file: string,
		/** What is wrong, in words, starting lowercase: `the file is empty`. */
		public problem: string,
		/** 1-based line of the problem, when it has one. */
		public line?: number
	) {
		// A name's directional controls would reorder the message after it: they are shown.
		const name = showControls(file);
		super(line === undefined ? `${name}: ${problem}` : `${name}:${line}: ${problem}`);
		this.name = 'ImportError';
	}
}
