import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTei, teiText } from './tei';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), 'utf8');
const tei = (body: string) =>
	`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><p>Header</p></teiHeader>` +
	`<text><body>${body}</body></text></TEI>`;

describe('teiText', () => {
	it('reads the sample transcript', () => {
		expect(teiText(fixture('sample.tei.xml'))).toEqual({
			text:
				'Morning session\n\n' +
				'The chair opened the session.\n\n' +
				'Q.\n\nWhere were you\nthat evening?\n\n' +
				'{gap}\n\n' +
				'The record resumes with a word broken over a line.\n\n' +
				'{gap: two pages missing}\n\n' +
				'A verse line,\n\nand another.\n\n' +
				'teh end & close.',
			warnings: []
		});
	});

	it('splits a paragraph around a gap, since a gap is a paragraph of its own', () => {
		expect(teiText(tei('<p>Before <gap/> after.</p>'))?.text).toBe('Before\n\n{gap}\n\nafter.');
	});

	it('reads the first reading of an apparatus, and says so', () => {
		expect(
			teiText(
				tei(
					'<p>The accused <app><rdg wit="#spoken">Bukharin </rdg><rdg wit="#published"/></app>' +
						'pleads.</p>'
				)
			)
		).toEqual({
			text: 'The accused Bukharin pleads.',
			warnings: [
				'The text has an apparatus of readings (<app>): it was read with the first reading ' +
					'of each (<lem> or <rdg>).'
			]
		});
	});

	it('leaves out notes, forme work and the editor’s side of a choice', () => {
		expect(
			teiText(
				tei(
					'<fw type="header">Page 3</fw><p>A<note>n</note> <choice><corr>b</corr><sic>B</sic>' +
						'</choice> <choice><abbr>Mr</abbr><expan>Mister</expan></choice>.</p>'
				)
			)?.text
		).toBe('A B Mr.');
	});

	it('reads prefixed TEI elements and every text of a group', () => {
		expect(
			teiText(
				'<tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0"><tei:text><tei:group>' +
					'<tei:text><tei:body><tei:p>One</tei:p></tei:body></tei:text>' +
					'<tei:text><tei:body><tei:p>Two</tei:p></tei:body></tei:text>' +
					'</tei:group></tei:text></tei:TEI>'
			)?.text
		).toBe('One\n\nTwo');
	});

	it('returns null without a <text> element', () => {
		expect(teiText('<TEI><teiHeader><p>Only a header</p></teiHeader></TEI>')).toBeNull();
	});
});

describe('isTei', () => {
	it('looks for a TEI or text element', () => {
		expect(isTei('<?xml version="1.0"?><TEI>')).toBe(true);
		expect(isTei('<tei:TEI xmlns:tei="x">')).toBe(true);
		expect(isTei('<root><text>')).toBe(true);
		expect(isTei('<root><textarea>')).toBe(false);
		expect(isTei('<rss><channel>')).toBe(false);
	});
});
