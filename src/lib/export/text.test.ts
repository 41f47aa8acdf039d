import { describe, expect, it } from 'vitest';
import type { Block } from '../types';
import { code, fixture, hostile, inMode, moved, movedPart, withoutMoves } from '../test/excerpt-fixture';
import { toText } from './text';

describe('toText, where lines matter', () => {
	it('writes each kept line break as a newline, with the indentation as it is', () => {
		const text = toText(code);
		expect(text.slice(text.indexOf('Strike'), text.indexOf('Cite as'))).toBe(
			'Strike it:\n\n```js\nif (marks) {\n\tstrike({+all+});\n}\n```\n\n'
		);
	});
});

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

	it('writes the target alone without marks or struck text, listing apart the notes on struck text', () => {
		const target = toText(inMode('target'));
		expect(target).toBe(
			`Bukharin’s final statement
Redaction, 12 March 1938: As spoken against As published
Shown as in As published, without marks.

The accused pleads guilty to all of the crimes.

(Text not available here.)

I was never in the [non-existent] bloc abroad.

Notes

[1] About this case
    Two witnesses of one statement.

    The *spoken* text came out later.

Notes on passages not shown in this view

[2] “The sum total”
    The phrase is struck in pencil.
    See [the edition](https://example.org/edition).

[3] The plea
    The whole paragraph is struck.

Cite as: “Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other & B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.
`
		);
		expect(target.slice(0, target.indexOf('\nNotes\n'))).not.toMatch(
			/\[-|\{\+|Bukharin |sum total|for mercy/
		);
	});

	it('writes the base alone without marks or added text', () => {
		expect(toText(inMode('base'))).toBe(
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

describe('toText, with a moved passage', () => {
	/** The text of the export: from the legend to the notes or the citation. */
	const body = (text: string) =>
		text.slice(text.indexOf('Shown'), text.search(/\n\n(Notes|Cite as)/));

	it('labels both ends, says where the other is, and marks the word changed on the way', () => {
		expect(toText(moved)).toBe(
			`Bukharin’s final statement
Redaction, 12 March 1938: As spoken against As published
Shown with the marks: [-struck-] text is only in As spoken; {+added+} text is only in As published; moved text is marked “moved from here” where it stood in As spoken and “moved here” where it stands in As published.

I admit my guilt before [-the-]{+this+} court.

[moved from here to below ↓: In 1932 I met the representatives of the general staff in [-Berlin-][1].]

I have read a great deal in prison, citizen judges.

[moved here from above ↑: In 1932 I met the representatives of the general staff in {+Paris+}.]

Notes

[1] Berlin or Paris
    The city is changed in ink.

Cite as: “Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other & B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.
`
		);
	});

	it('says that the other end lies outside the excerpt when only one end is in it', () => {
		expect(body(toText(movedPart(2)))).toBe(
			`Shown with the marks: [-struck-] text is only in As spoken; {+added+} text is only in As published; moved text is marked “moved from here” where it stood in As spoken and “moved here” where it stands in As published.

I admit my guilt before [-the-]{+this+} court.

[moved from here to a place outside this excerpt: In 1932 I met the representatives of the general staff in [-Berlin-][1].]`
		);
		expect(body(toText(movedPart(-2)))).toBe(
			`Shown with the marks: [-struck-] text is only in As spoken; {+added+} text is only in As published; moved text is marked “moved from here” where it stood in As spoken and “moved here” where it stands in As published.

I have read a great deal in prison, citizen judges.

[moved here from a place outside this excerpt: In 1932 I met the representatives of the general staff in {+Paris+}.]`
		);
	});

	it('writes the clean views as if nothing had moved', () => {
		for (const mode of ['base', 'target'] as const) {
			expect(toText({ ...moved, mode })).toBe(toText(withoutMoves({ ...moved, mode })));
		}
		expect(body(toText({ ...moved, mode: 'base' }))).toBe(
			`Shown as in As spoken, without marks.

I admit my guilt before the court.

In 1932 I met the representatives of the general staff in Berlin[1].

I have read a great deal in prison, citizen judges.`
		);
	});

	it('labels every paragraph of a moved passage, the later ones as continued', () => {
		const end = (kind: 'delete' | 'insert', text: string, first = false): Block => ({
			kind: 'paragraph',
			inA: kind === 'delete',
			inB: kind === 'insert',
			spans: [
				{
					kind,
					text,
					change: kind === 'delete' ? 'c-f' : 'c-t',
					move: kind === 'delete' ? 'from' : 'to',
					partner: kind === 'delete' ? 'c-t' : 'c-f',
					...(first ? { first } : {})
				}
			]
		});
		const blocks: Block[] = [
			end('delete', 'One moved paragraph.', true),
			end('delete', 'And its second.'),
			{ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text: 'Between.' }] },
			end('insert', 'One moved paragraph.', true),
			end('insert', 'And its second.')
		];
		expect(body(toText({ ...moved, blocks, notes: [] }))).toBe(
			`Shown with the marks: [-struck-] text is only in As spoken; {+added+} text is only in As published; moved text is marked “moved from here” where it stood in As spoken and “moved here” where it stands in As published.

[moved from here to below ↓: One moved paragraph.]

[moved from here to below ↓ (continued): And its second.]

Between.

[moved here from above ↑: One moved paragraph.]

[moved here from above ↑ (continued): And its second.]`
		);
	});
});
