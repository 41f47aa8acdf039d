import { describe, expect, it } from 'vitest';
import { Paragraphs } from './paragraphs';

describe('Paragraphs', () => {
	it('makes each run of flowed whitespace one space, none at the edges of a line', () => {
		const out = new Paragraphs();
		out.flow('\n\t  The  ');
		out.flow(' chair\n  opened ');
		out.lineBreak();
		out.flow('  it. ');
		expect(out.text()).toBe('The chair opened\nit.');
	});

	it('keeps verbatim text exactly, its newlines as line breaks', () => {
		const out = new Paragraphs();
		out.verbatim('  two  spaces\r\nand\ta tab ');
		expect(out.text()).toBe('  two  spaces\nand\ta tab ');
	});

	it('separates paragraphs by one blank line, however many breaks there are', () => {
		const out = new Paragraphs();
		out.paragraphBreak();
		out.flow('One');
		out.paragraphBreak();
		out.paragraphBreak();
		out.flow('   ');
		out.paragraphBreak();
		out.flow('Two');
		out.lineBreak();
		out.lineBreak();
		out.lineBreak();
		out.flow('Three');
		out.lineBreak();
		expect(out.text()).toBe('One\n\nTwo\n\nThree');
	});

	it('gives no text for no text', () => {
		const out = new Paragraphs();
		out.flow(' \n ');
		out.lineBreak();
		out.verbatim('\t');
		expect(out.text()).toBe('');
	});
});
