// An uploaded file to witness text, in order: check the bytes (empty, too large, binary), tell
// the format (by the extension; by the content when there is none, or when a zip under any name
// is a Word document), decode (`decode.ts`), then take the text out of the format with its reader
// (formats.ts, which lists the formats).

import { checkBytes, isZip } from './check';
import { decode, type Confidence, type Encoding } from './decode';
import type { TrackedChanges } from './docx';
import { ImportError } from './errors';
import { formatByExtension, IMPORT_FORMATS, sniffFormat, type Format, type ImportFormat } from './formats';
import { isTei } from './tei';
import type { ImportedText } from './texts';

export type { Format };

export interface ImportResult {
	/** The witness text. */
	text: string;
	/** What the file was read as. */
	format: Format;
	/** How the bytes were decoded, and why; absent for .docx, whose XML is always UTF-8. */
	encoding?: Encoding;
	confidence?: Confidence;
	reason?: string;
	/**
	 * What the user should know about the reading (tracked changes accepted, a misleading name …),
	 * each a sentence.
	 */
	warnings: string[];
	/**
	 * For a Word document with tracked changes: the text before them and the text after them (which
	 * is also `text`), and who made each change, to compare as two witnesses. Its `warnings` are
	 * what the user should know about that reading, in place of `warnings`.
	 */
	tracked?: TrackedChanges;
	/**
	 * For a file that holds several texts (an excerpt exported as JSON, a TEI apparatus that names
	 * its witnesses): every one, in the file's order, each with its name; `text` is the first's.
	 */
	texts?: ImportedText[];
}

/**
 * Reads an uploaded file as witness text. `name` gives the format by its extension and names the
 * file in errors; `options.encoding` overrides the detected encoding. Throws an `ImportError`
 * saying what is wrong with the file.
 */
export function extractText(
	name: string,
	bytes: Uint8Array,
	options: { encoding?: Encoding } = {}
): ImportResult {
	checkBytes(name, bytes);
	const extension = /\.([^./\\]+)$/.exec(name)?.[1].toLowerCase() ?? '';
	const named = formatByExtension(extension);
	const warnings: string[] = [];

	// `checkBytes` lets a zip through only if it is a Word document, whatever its name.
	if (isZip(bytes) || named === 'docx') {
		if (extension && named !== 'docx') {
			warnings.push('The file is a Word document, despite its name, and was read as one.');
		}
		const { text, warnings: more, tracked } = IMPORT_FORMATS.docx.read(name, bytes);
		const read: ImportResult = { text, format: 'docx', warnings: [...warnings, ...more] };
		if (tracked) read.tracked = { ...tracked, warnings: [...warnings, ...tracked.warnings] };
		return result(name, read);
	}

	const { text: decoded, warnings: lost, ...encoding } = decode(bytes, options.encoding, name);
	warnings.push(...lost);
	const start = decoded.trimStart();
	if (start.startsWith('{\\rtf')) {
		throw new ImportError(
			name,
			'the file is an RTF document, which Pencilmarks cannot read: save it as .docx or .txt'
		);
	}

	let format = named ?? sniffFormat(start);
	if (!named && extension) {
		warnings.push(
			`“.${extension}” is not a kind of file Pencilmarks knows: it was read as ` +
				`${IMPORT_FORMATS[format].noun}.`
		);
	}
	// XML that is not TEI: XHTML under an .xml name is HTML; anything else is refused.
	if (format === 'tei' && !isTei(decoded)) {
		if (named && /<html[\s>]/i.test(decoded)) format = 'html';
		else throw new ImportError(name, 'the file is XML but not TEI: it has no <TEI> or <text>');
	}

	const reader: ImportFormat = IMPORT_FORMATS[format];
	// Only a Word document is read from its bytes, and it was read above.
	if (reader.from !== 'text') throw new Error(`${name}: ${reader.noun} is read from its bytes`);
	const read = reader.read(name, decoded);
	const texts = read.texts ? { texts: read.texts } : {};
	return result(name, { text: read.text, format, ...encoding, warnings: [...warnings, ...read.warnings], ...texts });
}

/** The result, unless there is no text in it to compare. */
function result(name: string, read: ImportResult): ImportResult {
	if (read.text.trim() === '') {
		const plain = read.format === 'text' || read.format === 'markdown';
		throw new ImportError(name, plain ? 'the file holds only whitespace' : 'the file has no text');
	}
	return read;
}
