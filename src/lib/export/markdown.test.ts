import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { code, fixture, hostile, inMode, moved, movedPart, withoutMoves } from '../test/excerpt-fixture';
import { renderMarkdown } from '../markdown';
import { escapeMarkdown, noteMarkdown, toMarkdown } from './markdown';

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

	it('writes the target alone without marks or struck text, listing apart the notes on struck text', () => {
		const target = toMarkdown(inMode('target'));
		expect(target).toBe(
			`# Bukharin’s final statement

Redaction, 12 March 1938: As spoken against As published

Shown as in As published, without marks.

The accused pleads guilty to all of the crimes.

*(Text not available here.)*

I was never in the \\[non-existent\\] bloc abroad.

## Notes

**1. About this case**

Two witnesses of one statement.

The *spoken* text came out later.

## Notes on passages not shown in this view

**2. “The sum total”**

The phrase is struck in pencil.
See [the edition](https://example.org/edition).

**3. The plea**

The whole paragraph is struck.

## Citation

“Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, <https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb>, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other \\& B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.
`
		);
		// The text (the notes may quote struck words; the text may not).
		expect(target.slice(0, target.indexOf('## Notes'))).not.toMatch(
			/~~|\*\*\[\+|Bukharin |sum total|for mercy/
		);
	});

	it('writes the base alone without marks or added text', () => {
		expect(toMarkdown(inMode('base'))).toBe(
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
		for (const mode of ['base', 'target'] as const) {
			expect(toMarkdown({ ...moved, mode })).toBe(toMarkdown(withoutMoves({ ...moved, mode })));
		}
		expect(body(toMarkdown({ ...moved, mode: 'target' }))).toBe(
			`Shown as in As published, without marks.

I admit my guilt before this court.

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

    Raw and **bold**.
`
		);
	});

	it('keeps the lines of a code block as hard breaks, its indentation as no-break spaces', () => {
		const markdown = toMarkdown(code);
		expect(markdown.slice(markdown.indexOf('Strike'), markdown.indexOf('## Citation'))).toBe(
			'Strike it:\n\n' +
				'\\`\\`\\`js\\\nif (marks) {\\\n\u00a0\u00a0\u00a0\u00a0strike(**[+all+]**);\\\n}\\\n\\`\\`\\`\n\n'
		);
		const html = new Marked({ gfm: true }).parse(markdown, { async: false });
		expect(html).toContain(
			'<p>```js<br>if (marks) {<br>\u00a0\u00a0\u00a0\u00a0strike(<strong>[+all+]</strong>);<br>}<br>```</p>'
		);
	});

	it('starts no list or heading on a line after a kept line break', () => {
		const list = {
			...code,
			blocks: [
				{
					kind: 'paragraph' as const,
					inA: true,
					inB: true,
					spans: [
						{ kind: 'equal' as const, text: 'Items:' },
						{ kind: 'equal' as const, text: '\n', line: true },
						{ kind: 'equal' as const, text: '- one' },
						{ kind: 'equal' as const, text: '\n', line: true },
						{ kind: 'equal' as const, text: '2. two' },
						{ kind: 'equal' as const, text: '\n', line: true },
						{ kind: 'equal' as const, text: '===' }
					]
				}
			]
		};
		const html = new Marked({ gfm: true }).parse(toMarkdown(list), { async: false });
		expect(html).toContain('<p>Items:<br>- one<br>2. two<br>===</p>');
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

	// Issue 9: emails and xmpp: addresses in a witness became links once the export was rendered.
	it('keeps an email or xmpp address in the text as plain text', () => {
		const markdown = escapeMarkdown('Write to a.b@example.org, mailto:c@d.org or xmpp:room@conf.org.');
		expect(markdown).toBe(
			'Write to a.b\\@example.org, mailto:c\\@d.org or xmpp:room\\@conf.org.'
		);
		const html = new Marked({ gfm: true }).parse(markdown, { async: false });
		expect(html).toBe('<p>Write to a.b@example.org, mailto:c@d.org or xmpp:room@conf.org.</p>\n');
		expect(escapeMarkdown('@ 1 @home a @ b')).toBe('@ 1 @home a @ b');
	});

	it('keeps a web address in the text as plain text, without showing its escapes', () => {
		const markdown = escapeMarkdown('See https://x.example/a_b and www.y.example.');
		const html = new Marked({ gfm: true }).parse(markdown, { async: false });
		expect(html).toBe('<p>See https://x.example/a_b and www.y.example.</p>\n');
	});
});

describe('noteMarkdown', () => {
	const render = (md: string) => new Marked({ gfm: true }).parse(md, { async: false });
	/** A note as the page has it: its Markdown and the HTML the page renders from it. */
	const note = (markdown: string) => ({ markdown, html: renderMarkdown(markdown) });

	// Issue 9: an escaped backtick fooled the code-span check, so the raw HTML after it, the
	// `javascript:` link and the remote image went into the export as written.
	it('lets through only what the page shows: no raw HTML, unsafe links or images', () => {
		const hostile = note(
			'Escaped \\`<img src=x onerror=alert(1)>` tick, [click](javascript:alert(2)),\n' +
				'![](https://evil.example/t.png) <a href="javascript:alert(3)">raw</a> ' +
				'<script>alert(4)</script>and [ok](https://ok.example/a_(b)).'
		);
		const md = noteMarkdown(hostile);
		expect(md).toBe(
			'Escaped \\`\\` tick, click,\nraw and [ok](https://ok.example/a_\\(b\\)).'
		);
		expect(render(md)).toBe(
			'<p>Escaped `` tick, click,\nraw and <a href="https://ok.example/a_(b)">ok</a>.</p>\n'
		);
	});

	it('writes the note into the footnotes of the export the same way', () => {
		const hostile = note('See <img src=x onerror=alert(1)> [this](javascript:alert(2)).');
		const out = toMarkdown({ ...fixture, notes: [{ ...fixture.notes[0], ...hostile }] });
		expect(out.slice(out.indexOf('[^1]:'))).toBe(
			'[^1]: **“The sum total”**\n\n    See this.\n'
		);
		expect(out).not.toMatch(/<img|javascript:/);
	});

	it('keeps what the page allows: emphasis, code, links, quotes, lists and breaks', () => {
		const md =
			'*em* **strong** `a``b` <cite>Book</cite><sup>2</sup> [mail](mailto:a@b.org) ' +
			'<https://ok.example>\n\n> quote\n> - item\n\n1. one\n2. two\n\n# Heading\n\nline  \nbreak';
		expect(noteMarkdown(note(md))).toBe(
			'*em* **strong** ```a``b``` *Book*<sup>2</sup> [mail](mailto:a@b.org) <https://ok.example>' +
				'\n\n> quote\n>\n> - item\n\n1. one\n2. two\n\nHeading\n\nline\\\nbreak'
		);
		expect(render(noteMarkdown(note(md)))).toBe(
			'<p><em>em</em> <strong>strong</strong> <code>a``b</code> <em>Book</em><sup>2</sup> ' +
				'<a href="mailto:a@b.org">mail</a> <a href="https://ok.example">https://ok.example</a></p>\n' +
				'<blockquote>\n<p>quote</p>\n<ul>\n<li>item</li>\n</ul>\n</blockquote>\n' +
				'<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<p>Heading</p>\n<p>line<br>break</p>\n'
		);
	});

	it('writes a note not yet rendered as text', () => {
		expect(noteMarkdown({ markdown: '<b>x</b>\n- y', html: '' })).toBe('\\<b\\>x\\</b\\>\n\\- y');
	});
});
