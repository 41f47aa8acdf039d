// An uploaded file to witness text, in order: check the bytes (empty, too large, binary), tell
// the format (by the extension; by the content when there is none, or when a zip under any name
// is a Word document), decode (`decode.ts`), then take the text out of the format (`html.ts`, `tei.ts`, `docx.ts`,
// `json.ts`). Plain text and Markdown come out exactly as decoded: the comparison is lossless,
// so the witness must be the user's file, CRLF and all.

import { checkBytes, isZip } from './check';
import { decode, type Confidence, type Encoding } from './decode';
import { docxText } from './docx';
import { ImportError } from './errors';
import { htmlText } from './html';
import { excerptWitnesses } from './json';
import { isTei, teiText } from './tei';

export type Format = 'text' | 'markdown' | 'html' | 'docx' | 'tei' | 'json';

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
}

/** Extensions and what they are. `xml` is TEI when it has TEI's elements. */
const EXTENSIONS = new Map<string, Format | 'xml'>([
	['txt', 'text'],
	['text', 'text'],
	['md', 'markdown'],
	['markdown', 'markdown'],
	['html', 'html'],
	['htm', 'html'],
	['xhtml', 'html'],
	['docx', 'docx'],
	['xml', 'xml'],
	['tei', 'xml'],
	['json', 'json']
]);

const NAMES: Record<Format, string> = {
	text: 'plain text',
	markdown: 'Markdown',
	html: 'HTML',
	docx: 'a Word document',
	tei: 'TEI XML',
	json: 'a Pencilmarks excerpt'
};

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
	const named = EXTENSIONS.get(extension);
	const warnings: string[] = [];

	// `checkBytes` lets a zip through only if it is a Word document, whatever its name.
	if (isZip(bytes) || named === 'docx') {
		if (extension && named !== 'docx') {
			warnings.push('The file is a Word document, despite its name, and was read as one.');
		}
		const docx = docxText(name, bytes);
		warnings.push(...docx.warnings);
		return result(name, { text: docx.text, format: 'docx', warnings });
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

	const notTei = () =>
		new ImportError(name, 'the file is XML but not TEI: it has no <TEI> or <text>');
	let format: Format;
	if (named === 'xml') {
		if (isTei(decoded)) format = 'tei';
		else if (/<html[\s>]/i.test(decoded)) format = 'html';
		else throw notTei();
	} else if (named) {
		format = named;
	} else {
		format = sniff(start);
		if (format === 'tei' && !isTei(decoded)) throw notTei();
		if (extension) {
			warnings.push(
				`“.${extension}” is not a kind of file Pencilmarks knows: it was read as ${NAMES[format]}.`
			);
		}
	}

	if (format === 'html') {
		return result(name, { text: htmlText(decoded), format, ...encoding, warnings });
	}
	if (format === 'tei') {
		const tei = teiText(decoded);
		if (!tei) throw new ImportError(name, 'the file is TEI but has no <text> element');
		warnings.push(...tei.warnings);
		return result(name, { text: tei.text, format, ...encoding, warnings });
	}
	if (format === 'json') {
		const { a, labels } = excerptWitnesses(name, decoded);
		warnings.push(
			`The excerpt holds two texts: this is “${labels.a}”; the other is “${labels.b}”.`
		);
		return result(name, { text: a, format, ...encoding, warnings });
	}
	return result(name, { text: decoded, format, ...encoding, warnings });
}

/**
 * The format of a file with no known extension, from its text: markup is TEI if it has a `<TEI>`
 * element or is XML other than XHTML (then it must be TEI), else HTML (a `<text>` alone is not
 * enough: web pages have SVG `<text>`); our JSON export is JSON; anything else is plain text,
 * the one reading that loses nothing.
 */
function sniff(start: string): Format {
	if (start.startsWith('<') && /<(?:[\w.-]+:)?TEI[\s>]/.test(start)) return 'tei';
	if (start.startsWith('<?xml')) return /<html[\s>]/i.test(start) ? 'html' : 'tei';
	if (start.startsWith('<')) return 'html';
	if (start.startsWith('{') && start.includes('"pencilmarks-excerpt"')) return 'json';
	return 'text';
}

/** The result, unless there is no text in it to compare. */
function result(name: string, read: ImportResult): ImportResult {
	if (read.text.trim() === '') {
		const plain = read.format === 'text' || read.format === 'markdown';
		throw new ImportError(name, plain ? 'the file holds only whitespace' : 'the file has no text');
	}
	return read;
}
