import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkBytes, checkSize, MAX_BYTES, sameText } from './check';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url)));
const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...strToU8(p)] : p)));
const message = (run: () => void) => {
	try {
		run();
	} catch (e) {
		return (e as Error).message;
	}
	return 'no error';
};

describe('checkSize', () => {
	it('refuses an empty file', () => {
		expect(message(() => checkSize('empty.txt', 0))).toBe('empty.txt: the file is empty');
	});

	it('accepts up to 25 MB and refuses more, with the size rounded up', () => {
		expect(MAX_BYTES).toBe(26_214_400);
		expect(message(() => checkSize('a.txt', MAX_BYTES))).toBe('no error');
		expect(message(() => checkSize('a.txt', MAX_BYTES + 1))).toBe(
			'a.txt: the file is 25.1 MB; the limit is 25 MB per text'
		);
		expect(message(() => checkSize('scan.txt', Math.round(31.4 * 1024 * 1024)))).toBe(
			'scan.txt: the file is 31.4 MB; the limit is 25 MB per text'
		);
	});
});

describe('checkBytes', () => {
	it('refuses the empty fixture and a file over the limit', () => {
		expect(message(() => checkBytes('empty.txt', fixture('empty.txt')))).toBe(
			'empty.txt: the file is empty'
		);
		expect(message(() => checkBytes('big.txt', new Uint8Array(MAX_BYTES + 1)))).toBe(
			'big.txt: the file is 25.1 MB; the limit is 25 MB per text'
		);
	});

	it('checks a size given apart from the bytes, for a file not read yet', () => {
		expect(message(() => checkBytes('big.txt', new Uint8Array(0), MAX_BYTES + 1))).toBe(
			'big.txt: the file is 25.1 MB; the limit is 25 MB per text'
		);
		expect(message(() => checkBytes('a.txt', new Uint8Array(0), 10))).toBe('no error');
	});

	it('names binary files by their magic number', () => {
		const cases: [string, Uint8Array, string][] = [
			['scan.png', fixture('scan.png'), 'PNG image), not text'],
			['a.pdf', bytes('%PDF-1.7\n'), 'PDF document), not text: copy its text into a .txt file'],
			['a.jpg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'JPEG image), not text'],
			['a.gif', bytes('GIF89a'), 'GIF image), not text'],
			['a.tif', bytes('II*\0'), 'TIFF image), not text'],
			['a.djvu', bytes('AT&TFORM'), 'DjVu document), not text'],
			[
				'a.doc',
				bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
				'Word 97–2003 document or other old Office file), not text: save it as .docx'
			],
			['a.gz', bytes([0x1f, 0x8b, 8]), 'gzip archive), not text'],
			['a.zip', zipSync({ 'a.txt': strToU8('a') }), 'ZIP archive), not text'],
			[
				'a.odt',
				zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') }, { level: 0 }),
				'OpenDocument file), not text: save it as .docx'
			]
		];
		for (const [name, data, kind] of cases) {
			expect(message(() => checkBytes(name, data))).toBe(
				`${name}: the file looks like a binary file (${kind}`
			);
		}
	});

	it('lets a zip through as a Word document by its name or its word/document.xml', () => {
		const docx = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
		expect(message(() => checkBytes('report.docx', docx))).toBe('no error');
		expect(message(() => checkBytes('report', docx))).toBe('no error');
		expect(message(() => checkBytes('notes.docx', zipSync({ 'a.txt': strToU8('a') })))).toBe(
			'no error'
		);
	});

	it('refuses NUL bytes and control characters in a file that is not UTF-16', () => {
		expect(message(() => checkBytes('a.txt', bytes('abc', [0], 'def')))).toBe(
			'a.txt: the file looks like a binary file (it has NUL bytes), not text'
		);
		expect(message(() => checkBytes('a.txt', bytes('abcdefgh', [1, 2, 3, 4])))).toBe(
			'a.txt: the file looks like a binary file (33% control characters), not text'
		);
		// Tab, line feed, form feed and carriage return are text; one stray control is too.
		expect(message(() => checkBytes('a.txt', bytes('a\tb\r\n\fc', [0x1b], 'defghijk')))).toBe(
			'no error'
		);
	});

	it('accepts UTF-16, with or without a byte order mark', () => {
		for (const name of ['utf16le-bom.txt', 'utf16be-bom.txt']) {
			expect(message(() => checkBytes(name, fixture(name)))).toBe('no error');
		}
		expect(message(() => checkBytes('a.txt', bytes('H', [0], 'i', [0])))).toBe('no error');
	});

	it('accepts every text fixture', () => {
		for (const name of ['russian-cp1251.txt', 'russian-koi8r.txt', 'utf8-bom.txt', 'sample.html']) {
			expect(message(() => checkBytes(name, fixture(name)))).toBe('no error');
		}
	});
});

describe('sameText', () => {
	it('compares exactly, after dropping a leading byte order mark', () => {
		expect(sameText('a b', 'a b')).toBe(true);
		expect(sameText('\uFEFFa b', 'a b')).toBe(true);
		expect(sameText('a b', 'a  b')).toBe(false);
		expect(sameText('a\r\nb', 'a\nb')).toBe(false);
		expect(sameText('é', 'e\u0301')).toBe(false);
		expect(sameText('a b\n', 'a b')).toBe(false);
	});
});
