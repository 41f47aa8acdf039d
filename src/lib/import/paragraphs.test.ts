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

	it('gives each mark its offset in the text, wherever blank lines and trimming move it', () => {
		const out = new Paragraphs();
		const start = out.mark();
		out.flow('  One  ');
		// Trailing flowed space is dropped: a mark after it stands at the end of the line.
		const afterOne = out.mark();
		out.paragraphBreak();
		const beforeTwo = out.mark();
		out.verbatim('Two\n\n');
		// On a blank line, which divides the paragraph: where the next paragraph starts.
		const blank = out.mark();
		out.verbatim('Thr');
		const inside = out.mark();
		out.verbatim('ee');
		out.paragraphBreak();
		const end = out.mark();
		out.verbatim('\t');
		const text = out.text();
		expect(text).toBe('One\n\nTwo\n\nThree');
		const offsets = [start, afterOne, beforeTwo, blank, inside, end].map((m) => m.offset);
		expect(offsets).toEqual([0, 3, 5, 10, 13, 15]);
		expect(text.slice(inside.offset)).toBe('ee');
	});
});
