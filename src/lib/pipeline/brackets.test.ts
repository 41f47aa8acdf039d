import { describe, expect, it } from 'vitest';
import { BracketRule, codeStretches, isMarkdown } from './brackets';

/** Whether the first `[…]` of `text` is editorial where brackets are, and where they are text. */
function editorial(text: string): [boolean, boolean] {
	const start = text.indexOf('[');
	const end = text.indexOf(']', start) + 1;
	return [
		new BracketRule(text, 'editorial').editorial(start, end),
		new BracketRule(text, 'text').editorial(start, end)
	];
}

describe('BracketRule', () => {
	it('takes an editor’s insertion for editorial only where the case’s brackets are', () => {
		expect(editorial('in a [non-existent] bloc')).toEqual([true, false]);
	});

	it('never takes a Markdown link, image, reference or definition for editorial', () => {
		expect(editorial('see [the spec](https://spec.commonmark.org/)')).toEqual([false, false]);
		expect(editorial('![a logo](logo.png)')).toEqual([false, false]);
		expect(editorial('see [the spec][spec]')).toEqual([false, false]);
		expect(editorial('see [the spec][]')).toEqual([false, false]);
		expect(editorial('[spec]: https://spec.commonmark.org/')).toEqual([false, false]);
		expect(editorial('see [Spec].\n\n[spec]: https://spec.commonmark.org/')).toEqual([false, false]);
		// Undefined, a shortcut is only brackets: an editor's insertion where they are editorial.
		expect(editorial('see [spec].\n\n[other]: https://spec.commonmark.org/')).toEqual([true, false]);
		// A colon after a bracket inside a line is no definition.
		expect(editorial('He said [laughing]: no.')).toEqual([true, false]);
	});

	it('never takes code for editorial', () => {
		expect(editorial('index with `a[i]`')).toEqual([false, false]);
		expect(editorial('```\nx = a[i]\n```')).toEqual([false, false]);
	});
});

describe('codeStretches', () => {
	it('finds fenced blocks to their closing fence, and code spans between them', () => {
		const text = 'a `b` c\n````\nd\n```\n````\ne ``f`` `g\n~~~\nh';
		const stretches = codeStretches(text);
		const pieces = [];
		for (let k = 0; k < stretches.length; k += 2) {
			pieces.push(text.slice(stretches[k], stretches[k + 1]));
		}
		expect(pieces).toEqual(['`b`', '````\nd\n```\n````\n', '``f``', '~~~\nh']);
	});

	it('finds none in a text without backticks or tildes', () => {
		expect(codeStretches('A [sic] text.')).toEqual([]);
	});
});

describe('isMarkdown', () => {
	it('knows Markdown by a fenced block, a link or a link reference definition', () => {
		expect(isMarkdown('Intro.\n\n```\ncode\n```')).toBe(true);
		expect(isMarkdown('See [the spec](https://spec.commonmark.org/).')).toBe(true);
		expect(isMarkdown('See [the spec].\n\n[the spec]: https://spec.commonmark.org/')).toBe(true);
		expect(isMarkdown('THE WITNESS: I was there [inaudible] and left [laughter].')).toBe(false);
	});
});
