import { describe, expect, it } from 'vitest';
import { Markers, PLACEHOLDERS, placeholderProblem } from './placeholders';
import { scan } from './tokenize';
import { Vocabulary } from './tokens';

/** The markers `markers` finds in `text`, as text. */
function found(text: string, markers = new Markers()): string[] {
	const tokens = scan(text, new Vocabulary());
	return markers
		.find(tokens, 0, tokens.length)
		.map(([from, to]) => text.slice(tokens.starts[from], tokens.starts[to]));
}

describe('the built-in markers', () => {
	it.each(PLACEHOLDERS.flatMap((p) => p.examples))('finds %s, whole, in a sentence', (marker) => {
		expect(found(`He met ${marker} in Paris.`)).toEqual([marker]);
	});

	it('finds each of several markers in order, and one wrapped over two lines', () => {
		expect(found('(b)(6), (b)(7)(C) and ███ met [NAME\nWITHHELD].')).toEqual([
			'(b)(6)',
			'(b)(7)(C)',
			'███',
			'[NAME\nWITHHELD]'
		]);
	});

	it.each([
		'[sic]',
		'[non-existent]',
		'[a line deleted in the manuscript by the author]',
		'(b)',
		'(c)(6)',
		'(b)(10)',
		'■',
		'REDACTED'
	])('does not take %s for a marker', (text) => {
		expect(found(`He met ${text} in Paris.`)).toEqual([]);
	});
});

describe('a case’s own markers', () => {
	const markers = new Markers(['XXXX', '(name)', '<< removed >>']);

	it('finds them as written, in either case, any white space inside matching any', () => {
		expect(found('XXXX met (name) and xxxx at <<\nremoved >>.', markers)).toEqual([
			'XXXX',
			'(name)',
			'xxxx',
			'<<\nremoved >>'
		]);
	});

	it('finds them only as whole tokens', () => {
		expect(found('XXXXL and AXXXX and (names)', markers)).toEqual([]);
	});

	it('refuses an empty marker, one listed twice, a built-in one and a gap marker', () => {
		expect(
			['XXXX', ' ', '[REDACTED]', '{gap}'].map((m) => placeholderProblem(m, ['XXXX']))
		).toEqual([
			'placeholder "XXXX" is listed twice',
			'an empty placeholder: list markers separated by "|"',
			'placeholder "[REDACTED]" is built in already (a notice in square brackets that words were taken out)',
			'placeholder "{gap}" holds a gap marker, which is structure, not text'
		]);
		expect(placeholderProblem('XXXX')).toBeNull();
	});
});
