import { describe, expect, it } from 'vitest';
import { fixture, hostile, inMode } from './fixture';
import { toText } from './text';

describe('toText', () => {
	it('writes marks as [-struck-] and {+added+}, notes as endnotes, then the citation', () => {
		expect(toText(fixture)).toBe(
			`Bukharin’s final statement
Redaction, 12 March 1938: As spoken against As published
Shown with the marks: [-struck-] text is only in As spoken; {+added+} text is only in As published.

The accused [-Bukharin-] pleads guilty to [-the sum total-][1]{+all+} of the crimes.

(Text not available here.)

I was never in the [non-existent] bloc {+abroad+}.

[-I ask the court for mercy.-][2]

Notes

[1] “The sum total”
    The phrase is struck in pencil.
    See [the edition](https://example.org/edition).

[2] The plea
    The whole paragraph is struck.

[3] About this case
    Two witnesses of one statement.

    The *spoken* text came out later.

Cite as: “Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other & B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.
`
		);
	});

	it('writes side by side as one text with the marks, and says so', () => {
		expect(toText(inMode('side'))).toBe(
			toText(fixture).replace(
				'Shown with the marks:',
				'Shown side by side on screen, here in one text with the marks:'
			)
		);
	});

	it('writes as published without marks or struck text, keeping every note', () => {
		const published = toText(inMode('published'));
		expect(published).toBe(
			`Bukharin’s final statement
Redaction, 12 March 1938: As spoken against As published
Shown as in As published, without marks.

The accused pleads guilty to[1] all of the crimes.

(Text not available here.)

I was never in the [non-existent] bloc abroad.[2]

Notes

[1] “The sum total”
    The phrase is struck in pencil.
    See [the edition](https://example.org/edition).

[2] The plea
    The whole paragraph is struck.

[3] About this case
    Two witnesses of one statement.

    The *spoken* text came out later.

Cite as: “Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other & B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.
`
		);
		expect(published.slice(0, published.indexOf('\nNotes\n'))).not.toMatch(
			/\[-|\{\+|Bukharin |sum total|for mercy/
		);
	});

	it('writes as spoken without marks or added text', () => {
		expect(toText(inMode('spoken'))).toBe(
			`Bukharin’s final statement
Redaction, 12 March 1938: As spoken against As published
Shown as in As spoken, without marks.

The accused Bukharin pleads guilty to the sum total[1] of the crimes.

(Text not available here.)

I was never in the [non-existent] bloc.

I ask the court for mercy.[2]

Notes

[1] “The sum total”
    The phrase is struck in pencil.
    See [the edition](https://example.org/edition).

[2] The plea
    The whole paragraph is struck.

[3] About this case
    Two witnesses of one statement.

    The *spoken* text came out later.

Cite as: “Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other & B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.
`
		);
	});

	it('writes any text exactly as it is: plain text has nothing to escape', () => {
		expect(toText(hostile)).toBe(
			`A <b>“bold”</b> & 'quoted' "title"
Redaction, 12 March 1938: Copy <1> against Print & "proof"
Shown with the marks: [-struck-] text is only in Copy <1>; {+added+} text is only in Print & "proof".

# Not a heading <script>alert(1)</script> & "q" 's' *a* _b_ [-~~x~~ [x](y) ]]> | \`c\` \\ $1-]{+<img src=x onerror=alert(1)>+} &amp; end[1]

1. Not a list

- Not an item

(Text not available here: <lost> & "gone".)

Notes

[1] A <i>note</i> & more
    Raw <script>alert(2)</script> and <b>bold</b>, \`<code>\` and <https://ok.example>.

Cite as: “A <b>“bold”</b> & 'quoted' "title",” Redaction, 12 March 1938, Pencilmarks, https://pencilmarks.example/x?a=1&b=<2>, accessed 27 November 2026. Source: Source <one> & "two".
`
		);
	});
});
