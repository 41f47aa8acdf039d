import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { fixture, hostile, inMode, moved, movedPart, withoutMoves } from './fixture';
import { escapeMarkdown, neutralizeHtml, toMarkdown } from './markdown';

describe('toMarkdown', () => {
	it('writes marks as ~~struck~~ and **[+added+]**, notes as footnotes, then the citation', () => {
		expect(toMarkdown(fixture)).toBe(
			`# Bukharin’s final statement

Redaction, 12 March 1938: As spoken against As published

Shown with the marks: ~~struck~~ text is only in As spoken; **[+added+]** text is only in As published.

The accused ~~Bukharin~~ pleads guilty to ~~the sum total~~[^1]**[+all+]** of the crimes.

*(Text not available here.)*

I was never in the \\[non-existent\\] bloc **[+abroad+]**.

~~I ask the court for mercy.~~[^2]

## Notes

**3. About this case**

Two witnesses of one statement.

The *spoken* text came out later.

## Citation

“Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, <https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb>, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other \\& B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.

[^1]: **“The sum total”**

    The phrase is struck in pencil.
    See [the edition](https://example.org/edition).

[^2]: **The plea**

    The whole paragraph is struck.
`
		);
	});

	it('writes side by side as one text with the marks, and says so', () => {
		expect(toMarkdown(inMode('side'))).toBe(
			toMarkdown(fixture).replace(
				'Shown with the marks:',
				'Shown side by side on screen, here in one text with the marks:'
			)
		);
	});

	it('writes as published without marks or struck text, keeping every note', () => {
		const published = toMarkdown(inMode('published'));
		expect(published).toBe(
			`# Bukharin’s final statement

Redaction, 12 March 1938: As spoken against As published

Shown as in As published, without marks.

The accused pleads guilty to[^1] all of the crimes.

*(Text not available here.)*

I was never in the \\[non-existent\\] bloc abroad.[^2]

## Notes

**3. About this case**

Two witnesses of one statement.

The *spoken* text came out later.

## Citation

“Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, <https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb>, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other \\& B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.

[^1]: **“The sum total”**

    The phrase is struck in pencil.
    See [the edition](https://example.org/edition).

[^2]: **The plea**

    The whole paragraph is struck.
`
		);
		// The text (the notes may quote struck words; the text may not).
		expect(published.slice(0, published.indexOf('## Notes'))).not.toMatch(
			/~~|\*\*\[\+|Bukharin |sum total|for mercy/
		);
	});

	it('writes as spoken without marks or added text', () => {
		expect(toMarkdown(inMode('spoken'))).toBe(
			`# Bukharin’s final statement

Redaction, 12 March 1938: As spoken against As published

Shown as in As spoken, without marks.

The accused Bukharin pleads guilty to the sum total[^1] of the crimes.

*(Text not available here.)*

I was never in the \\[non-existent\\] bloc.

I ask the court for mercy.[^2]

## Notes

**3. About this case**

Two witnesses of one statement.

The *spoken* text came out later.

## Citation

“Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, <https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb>, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other \\& B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.

[^1]: **“The sum total”**

    The phrase is struck in pencil.
    See [the edition](https://example.org/edition).

[^2]: **The plea**

    The whole paragraph is struck.
`
		);
	});
});

describe('toMarkdown, with a moved passage', () => {
	/** The text of the export: from the legend to the notes or the citation. */
	const body = (md: string) => md.slice(md.indexOf('Shown'), md.indexOf('\n\n## '));

	it('labels both ends, says where the other is, and marks the word changed on the way', () => {
		expect(toMarkdown(moved)).toBe(
			`# Bukharin’s final statement

Redaction, 12 March 1938: As spoken against As published

Shown with the marks: ~~struck~~ text is only in As spoken; **[+added+]** text is only in As published; moved text is marked “moved from here” where it stood in As spoken and “moved here” where it stands in As published.

I admit my guilt before ~~the~~**[+this+]** court.

**[moved from here to below ↓:** In 1932 I met the representatives of the general staff in ~~Berlin~~[^1]. **]**

I have read a great deal in prison, citizen judges.

**[moved here from above ↑:** In 1932 I met the representatives of the general staff in **[+Paris+]**. **]**

## Citation

“Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, <https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb>, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other \\& B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.

[^1]: **Berlin or Paris**

    The city is changed in ink.
`
		);
	});

	it('says that the other end lies outside the excerpt when only one end is in it', () => {
		expect(body(toMarkdown(movedPart(2)))).toBe(
			`Shown with the marks: ~~struck~~ text is only in As spoken; **[+added+]** text is only in As published; moved text is marked “moved from here” where it stood in As spoken and “moved here” where it stands in As published.

I admit my guilt before ~~the~~**[+this+]** court.

**[moved from here to a place outside this excerpt:** In 1932 I met the representatives of the general staff in ~~Berlin~~[^1]. **]**`
		);
		expect(body(toMarkdown(movedPart(-2)))).toBe(
			`Shown with the marks: ~~struck~~ text is only in As spoken; **[+added+]** text is only in As published; moved text is marked “moved from here” where it stood in As spoken and “moved here” where it stands in As published.

I have read a great deal in prison, citizen judges.

**[moved here from a place outside this excerpt:** In 1932 I met the representatives of the general staff in **[+Paris+]**. **]**`
		);
	});

	it('writes the clean views as if nothing had moved', () => {
		for (const mode of ['spoken', 'published'] as const) {
			expect(toMarkdown({ ...moved, mode })).toBe(toMarkdown(withoutMoves({ ...moved, mode })));
		}
		expect(body(toMarkdown({ ...moved, mode: 'published' }))).toBe(
			`Shown as in As published, without marks.

I admit my guilt before this court.[^1]

I have read a great deal in prison, citizen judges.

In 1932 I met the representatives of the general staff in Paris.`
		);
	});

	it('renders each label in bold, and the passage neither struck nor added', () => {
		const html = new Marked({ gfm: true }).parse(toMarkdown(moved), { async: false });
		expect(html).toContain(
			'<p><strong>[moved from here to below ↓:</strong> In 1932 I met the representatives of the ' +
				'general staff in <del>Berlin</del>[^1]. <strong>]</strong></p>\n'
		);
		expect(html).toContain(
			'<p><strong>[moved here from above ↑:</strong> In 1932 I met the representatives of the ' +
				'general staff in <strong>[+Paris+]</strong>. <strong>]</strong></p>\n'
		);
	});
});

describe('Markdown escaping', () => {
	it('escapes what Markdown would read as markup', () => {
		expect(escapeMarkdown('*a* _b_ ~~c~~ [x](y) <i> & # | `d` \\ $1')).toBe(
			'\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\[x\\](y) \\<i\\> \\& \\# \\| \\`d\\` \\\\ \\$1'
		);
	});

	it('escapes raw HTML in a note, but not code spans or web autolinks', () => {
		expect(neutralizeHtml('<b>x</b> `<b>` ``a`<i>`b`` <https://x.example> <javascript:y>')).toBe(
			'\\<b>x\\</b> `<b>` ``a`<i>`b`` <https://x.example> \\<javascript:y>'
		);
	});

	it('writes hostile text so that it reads literally', () => {
		expect(toMarkdown(hostile)).toBe(
			`# A \\<b\\>“bold”\\</b\\> \\& 'quoted' "title"

Redaction, 12 March 1938: Copy \\<1\\> against Print \\& "proof"

Shown with the marks: ~~struck~~ text is only in Copy \\<1\\>; **[+added+]** text is only in Print \\& "proof".

\\# Not a heading \\<script\\>alert(1)\\</script\\> \\& "q" 's' \\*a\\* \\_b\\_ ~~\\~\\~x\\~\\~ \\[x\\](y) \\]\\]\\> \\| \\\`c\\\` \\\\ \\$1~~**[+\\<img src=x onerror=alert(1)\\>+]** \\&amp; end[^1]

1\\. Not a list

\\- Not an item

*(Text not available here: \\<lost\\> \\& "gone".)*

## Citation

“A \\<b\\>“bold”\\</b\\> \\& 'quoted' "title",” Redaction, 12 March 1938, Pencilmarks, <https://pencilmarks.example/x?a=1&b=>\\<2\\>, accessed 27 November 2026. Source: Source \\<one\\> \\& "two".

[^1]: **A \\<i\\>note\\</i\\> \\& more**

    Raw \\<script>alert(2)\\</script> and \\<b>bold\\</b>, \`<code>\` and <https://ok.example>.
`
		);
	});

	it('renders to HTML with no markup from the text', () => {
		const html = new Marked({ gfm: true }).parse(toMarkdown(hostile), { async: false });
		const text = html.slice(html.indexOf('<p># Not'), html.indexOf('<h2>'));
		expect(text).toBe(
			'<p># Not a heading &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;s&#39; ' +
				'*a* _b_ <del>~~x~~ [x](y) ]]&gt; | `c` \\ $1</del>' +
				'<strong>[+&lt;img src=x onerror=alert(1)&gt;+]</strong> &amp;amp; end[^1]</p>\n' +
				'<p>1. Not a list</p>\n<p>- Not an item</p>\n' +
				'<p><em>(Text not available here: &lt;lost&gt; &amp; &quot;gone&quot;.)</em></p>\n'
		);
		expect(html).not.toMatch(/<(script|img|b|i)\b/);
	});

	it('renders a note with its raw HTML as text', () => {
		const html = new Marked({ gfm: true }).parse(neutralizeHtml(hostile.notes[0].markdown), {
			async: false
		});
		expect(html).toBe(
			'<p>Raw &lt;script&gt;alert(2)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;, ' +
				'<code>&lt;code&gt;</code> and <a href="https://ok.example">https://ok.example</a>.</p>\n'
		);
	});

	it('keeps a web address in the text as plain text, without showing its escapes', () => {
		const markdown = escapeMarkdown('See https://x.example/a_b and www.y.example.');
		const html = new Marked({ gfm: true }).parse(markdown, { async: false });
		expect(html).toBe('<p>See https://x.example/a_b and www.y.example.</p>\n');
	});
});
