import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, detectEncoding, invalidUtf8At } from './decode';
import { ImportError } from './errors';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url)));

/** The text of every encoding fixture (`tests/fixtures/make-fixtures.ts`). */
const RUSSIAN =
	'Я опровергаю прежде всего свой якобы факт принадлежности к группе, сидящей на скамье ' +
	'подсудимых, ибо такой группы, как таковой, вовсе не было...\n\n' +
	'Это проверочный абзац, придуманный для тестов кодировки. Ёлка, щётка, подъезд и объём ' +
	'стоят здесь ради редких букв.\n';

/** An encoder for a single-byte encoding, from the decoder's own table. */
function singleByte(encoding: string): (text: string) => Uint8Array {
	const decoder = new TextDecoder(encoding);
	const table = new Map<string, number>();
	for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
	return (text) => Uint8Array.from([...text], (c) => table.get(c)!);
}
const cp1251 = singleByte('windows-1251');
const koi8 = singleByte('koi8-r');
const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, littleEndian: boolean): Uint8Array {
	const bytes = new Uint8Array(text.length * 2);
	const view = new DataView(bytes.buffer);
	for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
	return bytes;
}

describe('TextDecoder', () => {
	it('decodes all five encodings in this Node (full ICU)', () => {
		const names = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r'];
		expect(names.map((n) => new TextDecoder(n).encoding)).toEqual(names);
		expect(new TextDecoder('koi8-r').decode(new Uint8Array([0xf0, 0xd2, 0xc9, 0xd7]))).toBe('Прив');
	});
});

describe('detectEncoding', () => {
	it('reads each fixture’s encoding and says why', () => {
		expect(detectEncoding(fixture('utf8-bom.txt'))).toEqual({
			encoding: 'utf-8',
			confidence: 'bom',
			reason: 'the file starts with the UTF-8 byte order mark'
		});
		expect(detectEncoding(fixture('utf16le-bom.txt'))).toEqual({
			encoding: 'utf-16le',
			confidence: 'bom',
			reason: 'the file starts with the UTF-16LE byte order mark'
		});
		expect(detectEncoding(fixture('utf16be-bom.txt'))).toEqual({
			encoding: 'utf-16be',
			confidence: 'bom',
			reason: 'the file starts with the UTF-16BE byte order mark'
		});
		expect(detectEncoding(fixture('russian-cp1251.txt'))).toEqual({
			encoding: 'windows-1251',
			confidence: 'likely',
			reason:
				'not UTF-8 (byte 0xDF at offset 0); reads as Russian in Windows-1251 ' +
				'(“Я опровергаю прежде”), not in KOI8-R (“ъ НОПНБЕПЦЮЧ ОПЕФДЕ”)'
		});
		expect(detectEncoding(fixture('russian-koi8r.txt'))).toEqual({
			encoding: 'koi8-r',
			confidence: 'likely',
			reason:
				'not UTF-8 (byte 0xF1 at offset 0); reads as Russian in KOI8-R ' +
				'(“Я опровергаю прежде”), not in Windows-1251 (“с ПРТПЧЕТЗБА РТЕЦДЕ”)'
		});
	});

	it('is certain of UTF-8 that decodes, and of plain ASCII', () => {
		expect(detectEncoding(utf8('Привет, world'))).toEqual({
			encoding: 'utf-8',
			confidence: 'certain',
			reason: 'valid UTF-8, with 6 characters beyond ASCII'
		});
		expect(detectEncoding(utf8('Hello'))).toEqual({
			encoding: 'utf-8',
			confidence: 'certain',
			reason: 'plain ASCII, which reads the same in every encoding offered'
		});
	});

	it('finds UTF-16 without a byte order mark by its NUL bytes', () => {
		expect(detectEncoding(utf16('Hello, мир', true))).toEqual({
			encoding: 'utf-16le',
			confidence: 'likely',
			reason:
				'no byte order mark, but the second byte of 70% of the byte pairs is NUL, as in ' +
				'UTF-16LE text'
		});
		// Mostly Cyrillic: only the spaces and the comma have a NUL high byte.
		expect(detectEncoding(utf16('Добрый день, товарищи', false))).toEqual({
			encoding: 'utf-16be',
			confidence: 'likely',
			reason:
				'no byte order mark, but the first byte of 14% of the byte pairs is NUL, as in ' +
				'UTF-16BE text'
		});
	});

	it('tells Windows-1251 from KOI8-R in short and all-capitals texts', () => {
		// Case alone would get a telegram wrong: read through the wrong table, it is lowercase.
		const texts = ['Да', 'ДА', 'Нет.', 'Щи', 'Ёж', 'СРОЧНО ВЫЕЗЖАЙТЕ МОСКВУ ТЧК', 'Hello мир'];
		for (const text of texts) {
			expect([text, detectEncoding(cp1251(text)).encoding]).toEqual([text, 'windows-1251']);
			expect([text, detectEncoding(koi8(text)).encoding]).toEqual([text, 'koi8-r']);
		}
	});

	it('samples from the first Cyrillic, past a Latin preamble', () => {
		expect(detectEncoding(cp1251('Page 1\nHearing of 3 May\n\nПодсудимый: Да.'))).toEqual({
			encoding: 'windows-1251',
			confidence: 'likely',
			reason:
				'not UTF-8 (byte 0xCF at offset 25); reads as Russian in Windows-1251 ' +
				'(“Подсудимый Да”), not in KOI8-R (“оНДЯСДХЛШИ дЮ”)'
		});
	});

	it('takes UTF-8 with a few stray bytes for UTF-8, not for an 8-bit encoding', () => {
		// A Windows-1252 apostrophe (0x92) pasted into UTF-8 text.
		const text = new Uint8Array([...utf8('Он сказал: «нет».\nIt'), 0x92, ...utf8('s true.')]);
		expect(detectEncoding(text)).toEqual({
			encoding: 'utf-8',
			confidence: 'likely',
			reason: 'UTF-8 (13 characters beyond ASCII) but for one byte, at offset 33'
		});
		const twice = new Uint8Array([...text, 0x92]);
		expect(detectEncoding(twice).reason).toBe(
			'UTF-8 (13 characters beyond ASCII) but for 2 bytes, the first at offset 33'
		);
	});

	it('falls back to Windows-1251, saying so, for 8-bit text that is not Russian', () => {
		const latin1 = Uint8Array.from('Le café est très bon.', (c) => c.charCodeAt(0));
		expect(detectEncoding(latin1)).toEqual({
			encoding: 'windows-1251',
			confidence: 'likely',
			reason:
				'not UTF-8 (byte 0xE9 at offset 6), and it does not read as Russian in ' +
				'Windows-1251 or KOI8-R: shown as Windows-1251, which gets accented Latin letters ' +
				'(é, ü) and some punctuation wrong; if the text looks wrong, choose another ' +
				'encoding or save the file as UTF-8'
		});
	});
});

describe('decode', () => {
	it('decodes every encoding fixture to the same text, without the byte order mark', () => {
		for (const name of [
			'russian-cp1251.txt',
			'russian-koi8r.txt',
			'utf8-bom.txt',
			'utf16le-bom.txt',
			'utf16be-bom.txt'
		]) {
			const { text, warnings } = decode(fixture(name));
			expect([name, text.split('\n')[0]]).toEqual([
				name,
				'Я опровергаю прежде всего свой якобы факт принадлежности к группе, сидящей на ' +
					'скамье подсудимых, ибо такой группы, как таковой, вовсе не было...'
			]);
			expect([name, text, warnings]).toEqual([name, RUSSIAN, []]);
		}
	});

	it('uses the encoding the user chose over the detected one', () => {
		expect(decode(koi8('Привет'), 'windows-1251')).toEqual({
			text: 'рТЙЧЕФ',
			encoding: 'windows-1251',
			confidence: 'certain',
			reason: 'chosen by hand',
			warnings: []
		});
		expect(decode(cp1251('Привет'), 'koi8-r').text).toBe('оПХБЕР');
	});

	it('drops one byte order mark whatever the encoding, and keeps a second', () => {
		expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0xcf]), 'windows-1251').text).toBe('П');
		expect(decode(utf8('\uFEFF\uFEFFa')).text).toBe('\uFEFFa');
	});

	it('keeps CRLF line endings', () => {
		expect(decode(utf8('one\r\ntwo\r\n')).text).toBe('one\r\ntwo\r\n');
	});

	it('refuses UTF-8 that does not decode, naming the first bad byte and its line', () => {
		const bytes = cp1251('Line one\nLine two\nСтрока');
		expect(() => decode(bytes, 'utf-8', 'hearing.txt')).toThrow(
			new ImportError(
				'hearing.txt',
				'byte 0xD1 at offset 18 is not valid UTF-8: choose another encoding, such as ' +
					'Windows-1251 or KOI8-R',
				3
			)
		);
		try {
			decode(bytes, 'utf-8', 'hearing.txt');
		} catch (e) {
			expect((e as ImportError).message).toBe(
				'hearing.txt:3: byte 0xD1 at offset 18 is not valid UTF-8: choose another ' +
					'encoding, such as Windows-1251 or KOI8-R'
			);
			expect((e as ImportError).line).toBe(3);
		}
	});

	it('says so when the rest of the file is UTF-8, which no other encoding would read', () => {
		const text = new Uint8Array([...utf8('Он сказал: «нет».\nIt'), 0x92, ...utf8('s true.')]);
		expect(() => decode(text, undefined, 'a.txt')).toThrow(
			new ImportError(
				'a.txt',
				'byte 0x92 at offset 33 is not valid UTF-8, though the rest of the file is: the ' +
					'file may be damaged; correct it, or choose another encoding',
				2
			)
		);
		expect(() => decode(new Uint8Array([...text, 0x92]), undefined, 'a.txt')).toThrow(
			'a.txt:2: byte 0x92 at offset 33 is not valid UTF-8, nor is 1 other, though the rest'
		);
	});

	it('counts the offset of a bad byte from the start of the file, byte order mark included', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]);
		expect(() => decode(bytes, undefined, 'a.txt')).toThrow(
			'a.txt:1: byte 0xFF at offset 4 is not valid UTF-8'
		);
	});

	it('decodes damaged UTF-16 with a warning rather than failing', () => {
		// "A", a lone high surrogate, and an odd last byte.
		expect(decode(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42]))).toEqual({
			text: 'A\uFFFD',
			encoding: 'utf-16le',
			confidence: 'bom',
			reason: 'the file starts with the UTF-16LE byte order mark',
			warnings: ['1 character could not be decoded as UTF-16LE and shows as �.']
		});
	});
});

describe('invalidUtf8At', () => {
	it('accepts what the WHATWG decoder accepts', () => {
		expect(invalidUtf8At(utf8('a é € 😀 я'))).toBe(-1);
		expect(invalidUtf8At(new Uint8Array([0xf4, 0x8f, 0xbf, 0xbf]))).toBe(-1); // U+10FFFF
	});

	it('finds overlong forms, surrogates, code points past U+10FFFF and cut sequences', () => {
		expect(invalidUtf8At(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong NUL
		expect(invalidUtf8At(new Uint8Array([0xe0, 0x9f, 0xbf]))).toBe(0); // overlong U+07FF
		expect(invalidUtf8At(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // U+D800
		expect(invalidUtf8At(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // U+110000
		expect(invalidUtf8At(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // cut at the end
		expect(invalidUtf8At(new Uint8Array([0x80]))).toBe(0); // a lone continuation byte
	});
});
