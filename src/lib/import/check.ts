// What is wrong with a file before any decoding: nothing in it, too much of it, or not text at
// all. Checked first so that a PDF or a scan is named as what it is, rather than decoded into
// pages of `�` or reported as bad UTF-8 at offset 10.

import { byteOrderMark, utf16Pattern } from './decode';
import { ImportError } from './errors';

/** The largest file accepted: 25 MB, some ten thousand pages of plain text. */
export const MAX_BYTES = 25 * 1024 * 1024;

const MB = 1024 * 1024;

/**
 * Throws if a file of `size` bytes is empty or over `MAX_BYTES`. Separate from `checkBytes` so a
 * page can refuse a file from `File.size` before reading it into memory.
 */
export function checkSize(name: string, size: number): void {
	if (size === 0) throw new ImportError(name, 'the file is empty');
	if (size > MAX_BYTES) {
		// Rounded up, so a file just over the limit does not read as exactly at it (25.0 MB).
		const shown = (Math.ceil((size / MB) * 10) / 10).toFixed(1);
		throw new ImportError(
			name,
			`the file is ${shown} MB; the limit is ${MAX_BYTES / MB} MB per text`
		);
	}
}

/** Magic numbers of files people upload by mistake, with what to say about them. */
const MAGIC: { bytes: number[]; kind: string; hint?: string }[] = [
	{ bytes: ascii('%PDF-'), kind: 'PDF document', hint: 'copy its text into a .txt file' },
	{ bytes: [0x89, ...ascii('PNG\r\n\x1a\n')], kind: 'PNG image' },
	{ bytes: [0xff, 0xd8, 0xff], kind: 'JPEG image' },
	{ bytes: ascii('GIF87a'), kind: 'GIF image' },
	{ bytes: ascii('GIF89a'), kind: 'GIF image' },
	{ bytes: ascii('II*\0'), kind: 'TIFF image' },
	{ bytes: ascii('MM\0*'), kind: 'TIFF image' },
	{ bytes: ascii('AT&TFORM'), kind: 'DjVu document' },
	{
		bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
		kind: 'Word 97–2003 document or other old Office file',
		hint: 'save it as .docx'
	},
	{ bytes: [0x1f, 0x8b], kind: 'gzip archive' },
	{ bytes: ascii('Rar!\x1a\x07'), kind: 'RAR archive' },
	{ bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], kind: '7-Zip archive' }
];

const ZIP = ascii('PK\x03\x04');
const EMPTY_ZIP = ascii('PK\x05\x06');

/** Whether the bytes are a zip archive (a .docx is one). */
export function isZip(bytes: Uint8Array): boolean {
	return startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP);
}

/**
 * Whether a zip is meant as a Word document: named `.docx`, or holding `word/document.xml`
 * (file names are stored uncompressed in a zip, so a byte search finds it).
 */
export function isDocxZip(name: string, bytes: Uint8Array): boolean {
	return /\.docx$/i.test(name) || includes(bytes, ascii('word/document.xml'));
}

/**
 * Throws an `ImportError` if the file is empty, too large, or binary rather than text: a known
 * magic number (PDF, images, archives, an old .doc; a zip unless it is a Word document), NUL
 * bytes in a file that is not UTF-16, or more than 10% control characters other than tab, line
 * feed, form feed and carriage return in the first 64 KB. `size` is the file's size when
 * `bytes` is only its start (or nothing, to check the size alone).
 */
export function checkBytes(name: string, bytes: Uint8Array, size = bytes.length): void {
	checkSize(name, size);
	const binary = (kind: string, hint?: string) =>
		new ImportError(
			name,
			`the file looks like a binary file (${kind}), not text${hint ? `: ${hint}` : ''}`
		);
	for (const magic of MAGIC) {
		if (startsWith(bytes, magic.bytes)) throw binary(magic.kind, magic.hint);
	}
	if (isZip(bytes)) {
		if (isDocxZip(name, bytes)) return;
		// An OpenDocument file starts with an uncompressed `mimetype` entry naming its type.
		if (includes(bytes.subarray(30, 80), ascii('application/vnd.oasis.opendocument'))) {
			throw binary('OpenDocument file', 'save it as .docx');
		}
		throw binary('ZIP archive');
	}
	// UTF-16 text is half NUL bytes, and its Cyrillic high byte 0x04 is a control character.
	if (byteOrderMark(bytes) || utf16Pattern(bytes)) return;
	const head = bytes.subarray(0, 64 * 1024);
	if (head.includes(0)) throw binary('it has NUL bytes');
	let controls = 0;
	for (const b of head) {
		if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) {
			controls++;
		}
	}
	if (controls > head.length * 0.1) {
		throw binary(`${Math.round((controls / head.length) * 100)}% control characters`);
	}
}

/**
 * Whether two texts are the same, for the page's "no differences" message: exact equality, after
 * dropping a leading byte order mark (U+FEFF) from each, and nothing else. Line endings, Unicode
 * normalization and trailing spaces all count, so a CRLF copy of an LF text is not the same text
 * (though the comparison, which compares whitespace by shape, shows no change in it).
 */
export function sameText(a: string, b: string): boolean {
	const bare = (s: string) => (s.startsWith('\uFEFF') ? s.slice(1) : s);
	return bare(a) === bare(b);
}

function ascii(s: string): number[] {
	return [...s].map((c) => c.charCodeAt(0));
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function includes(bytes: Uint8Array, needle: number[]): boolean {
	for (let i = bytes.indexOf(needle[0]); i !== -1; i = bytes.indexOf(needle[0], i + 1)) {
		if (needle.every((b, k) => bytes[i + k] === b)) return true;
	}
	return false;
}
