import { describe, expect, it } from 'vitest';
import { code, fixture, hostile, inMode, moved, movedPart, withoutMoves } from '../test/excerpt-fixture';
import { HTML_STYLE, toHtml } from './html';

const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>') + 8);

describe('toHtml, where lines matter', () => {
	it('writes each kept line break as <br>, and the indentation as no-break spaces', () => {
		expect(main(toHtml(code))).toBe(
			'<main class="text">\n<p>Strike it:</p>\n' +
				'<p>```js<br>\nif (marks) {<br>\n\u00a0\u00a0\u00a0\u00a0strike(' +
				'<ins id="c-ffffff" data-change="c-ffffff">all</ins>);<br>\n}<br>\n```</p>\n</main>\n'
		);
	});

	it('keeps a struck line break in its mark, with its change’s id, in its column', () => {
		const struck = {
			...code,
			mode: 'side' as const,
			blocks: [
				{
					kind: 'paragraph' as const,
					inA: true,
					inB: true,
					spans: [
						{ kind: 'equal' as const, text: 'one' },
						{ kind: 'delete' as const, text: '\n', line: true, change: 'c-1', first: true },
						{ kind: 'insert' as const, text: ' ', change: 'c-1' },
						{ kind: 'equal' as const, text: 'two' }
					]
				}
			]
		};
		expect(main(toHtml(struck))).toContain(
			'<p>one<del id="c-1" data-change="c-1"><br></del>\ntwo</p>\n<p>one two</p>'
		);
	});
});

describe('toHtml', () => {
	it('writes one self-contained page: meta for Zotero, marks, gaps, footnotes, citation', () => {
		expect(toHtml(fixture)).toBe(
			`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bukharin’s final statement (Pencilmarks)</title>
<meta name="citation_title" content="Bukharin’s final statement">
<meta name="citation_author" content="Nikolai Bukharin">
<meta name="citation_date" content="1938-03-12">
<meta name="citation_language" content="en">
<meta name="citation_publisher" content="Pencilmarks">
<meta name="citation_public_url" content="https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb">
<meta name="DC.title" content="Bukharin’s final statement">
<meta name="DC.creator" content="Nikolai Bukharin">
<meta name="DC.publisher" content="Pencilmarks">
<meta name="DC.date" content="1938-03-12">
<meta name="DC.language" content="en">
<meta name="DC.type" content="Text">
<meta name="DC.format" content="text/html">
<meta name="DC.identifier" content="https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb">
<meta name="DC.description" content="Redaction, 12 March 1938: As spoken against As published">
<meta name="DC.source" content="Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938).">
<meta name="DC.source" content="A. N. Other &amp; B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20">
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>Bukharin’s final statement</h1>
<p class="subtitle">Redaction, 12 March 1938: As spoken against As published</p>
<p class="legend">Shown with the marks: <del>struck</del> text is only in As spoken; <ins>added</ins> text is only in As published.</p>
</header>
<main class="text">
<p>The accused <del id="c-aaaaaa" data-change="c-aaaaaa">Bukharin</del> pleads guilty to <del id="c-bbbbbb" data-change="c-bbbbbb">the sum total</del><a class="note-ref" href="#note-01-sum" id="ref-01-sum" aria-label="Note 1: “The sum total”"><sup>1</sup></a><ins data-change="c-bbbbbb">all</ins> of the crimes.</p>
<p class="gap">Text not available here.</p>
<p>I was never in the <span class="editorial" title="Editorial matter printed in the source">[non-existent]</span> bloc <ins id="c-cccccc" data-change="c-cccccc">abroad</ins>.</p>
<p><del id="c-dddddd" data-change="c-dddddd">I ask the court for mercy.</del><a class="note-ref" href="#note-02-mercy" id="ref-02-mercy" aria-label="Note 2: The plea"><sup>2</sup></a></p>
</main>
<section class="notes" aria-labelledby="notes-heading">
<h2 id="notes-heading">Notes</h2>
<ol>
<li id="note-01-sum" value="1">
<p class="note-title"><strong>“The sum total”</strong></p>
<p>The phrase is struck in pencil.
See <a href="https://example.org/edition" rel="noopener noreferrer">the edition</a>.</p>
<p class="back"><a href="#ref-01-sum" aria-label="Back to note 1 in the text">↩ Back to the text</a></p>
</li>
<li id="note-02-mercy" value="2">
<p class="note-title"><strong>The plea</strong></p>
<p>The whole paragraph is struck.</p>
<p class="back"><a href="#ref-02-mercy" aria-label="Back to note 2 in the text">↩ Back to the text</a></p>
</li>
<li id="note-case" value="3">
<p class="note-title"><strong>About this case</strong></p>
<p>Two witnesses of one statement.</p>
<p>The <em>spoken</em> text came out later.</p>
</li>
</ol>
</section>
<footer class="citation">
<h2>Cite as</h2>
<p>“Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, <a href="https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb">https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb</a>, accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other &amp; B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.</p>
</footer>
</body>
</html>
`
		);
	});

	it('fetches nothing and runs nothing', () => {
		for (const mode of ['marks', 'side', 'base', 'target'] as const) {
			for (const excerpt of [hostile, moved]) {
				const html = toHtml({ ...excerpt, mode });
				expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|base|form)\b/i);
				expect(html).not.toMatch(/<[^>]*\s(src|srcset|on\w+)=/i);
			}
		}
		expect(HTML_STYLE).not.toMatch(/url\(|@import|@font-face/);
	});

	it('hides the words that announce a mark from sight, not from screen readers, and prints them', () => {
		expect(HTML_STYLE).toContain("del::before { content: ' [struck: '; }");
		expect(HTML_STYLE).toContain("ins::before { content: ' [added: '; }");
		expect(HTML_STYLE).toContain('clip-path: inset(50%)');
		expect(HTML_STYLE).toMatch(/@media print \{[^@]*background: none/);
		expect(HTML_STYLE).not.toMatch(/display: none[^}]*\}\s*del|del[^{]*\{[^}]*display: none/);
	});

	it('lays side by side out in two columns, a row per paragraph', () => {
		const side = toHtml(inMode('side'));
		expect(side).toContain('<body class="side">');
		expect(side).toContain(
			'<p class="legend">Shown side by side, with the marks: <del>struck</del> text is only in ' +
				'As spoken; <ins>added</ins> text is only in As published.</p>'
		);
		expect(main(side)).toBe(
			`<main class="text">
<div class="columns">
<p class="column-label">As spoken</p>
<p class="column-label">As published</p>
<p>The accused <del id="c-aaaaaa" data-change="c-aaaaaa">Bukharin</del> pleads guilty to <del id="c-bbbbbb" data-change="c-bbbbbb">the sum total</del><a class="note-ref" href="#note-01-sum" id="ref-01-sum" aria-label="Note 1: “The sum total”"><sup>1</sup></a> of the crimes.</p>
<p>The accused pleads guilty to <ins data-change="c-bbbbbb">all</ins> of the crimes.</p>
<p class="gap">Text not available here.</p>
<p>I was never in the <span class="editorial" title="Editorial matter printed in the source">[non-existent]</span> bloc.</p>
<p>I was never in the <span class="editorial" title="Editorial matter printed in the source">[non-existent]</span> bloc <ins id="c-cccccc" data-change="c-cccccc">abroad</ins>.</p>
<p><del id="c-dddddd" data-change="c-dddddd">I ask the court for mercy.</del><a class="note-ref" href="#note-02-mercy" id="ref-02-mercy" aria-label="Note 2: The plea"><sup>2</sup></a></p>
<p></p>
</div>
</main>
`
		);
	});

	it('writes the target alone without marks or struck text, keeping anchors, with the notes on struck text apart', () => {
		const target = toHtml(inMode('target'));
		expect(main(target)).toBe(
			`<main class="text">
<p>The accused pleads guilty to all of the crimes.</p>
<p class="gap">Text not available here.</p>
<p>I was never in the <span class="editorial" title="Editorial matter printed in the source">[non-existent]</span> bloc <span id="c-cccccc" data-change="c-cccccc">abroad</span>.</p>
</main>
`
		);
		expect(main(target)).not.toMatch(/<del|<ins|Bukharin |>the sum total|for mercy/);
		expect(target.slice(target.indexOf('<section'), target.indexOf('<footer'))).toBe(
			`<section class="notes" aria-labelledby="notes-heading">
<h2 id="notes-heading">Notes</h2>
<ol>
<li id="note-case" value="1">
<p class="note-title"><strong>About this case</strong></p>
<p>Two witnesses of one statement.</p>
<p>The <em>spoken</em> text came out later.</p>
</li>
</ol>
</section>
<section class="notes" aria-labelledby="hidden-notes-heading">
<h2 id="hidden-notes-heading">Notes on passages not shown in this view</h2>
<ol>
<li id="note-01-sum" value="2">
<p class="note-title"><strong>“The sum total”</strong></p>
<p>The phrase is struck in pencil.
See <a href="https://example.org/edition" rel="noopener noreferrer">the edition</a>.</p>
</li>
<li id="note-02-mercy" value="3">
<p class="note-title"><strong>The plea</strong></p>
<p>The whole paragraph is struck.</p>
</li>
</ol>
</section>
`
		);
	});

	it('writes the base alone without marks or added text', () => {
		expect(main(toHtml(inMode('base')))).toBe(
			`<main class="text">
<p>The accused <span id="c-aaaaaa" data-change="c-aaaaaa">Bukharin</span> pleads guilty to <span id="c-bbbbbb" data-change="c-bbbbbb">the sum total</span><a class="note-ref" href="#note-01-sum" id="ref-01-sum" aria-label="Note 1: “The sum total”"><sup>1</sup></a> of the crimes.</p>
<p class="gap">Text not available here.</p>
<p>I was never in the <span class="editorial" title="Editorial matter printed in the source">[non-existent]</span> bloc.</p>
<p><span id="c-dddddd" data-change="c-dddddd">I ask the court for mercy.</span><a class="note-ref" href="#note-02-mercy" id="ref-02-mercy" aria-label="Note 2: The plea"><sup>2</sup></a></p>
</main>
`
		);
	});

	it('escapes every text and value, and inserts only the note’s sanitized HTML', () => {
		const html = toHtml(hostile);
		expect(main(html)).toBe(
			`<main class="text">
<p># Not a heading &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &apos;s&apos; *a* _b_ <del id="c-eeeeee" data-change="c-eeeeee">~~x~~ [x](y) ]]&gt; | \`c\` \\ $1</del><ins data-change="c-eeeeee">&lt;img src=x onerror=alert(1)&gt;</ins> &amp;amp; end<a class="note-ref" href="#note-n&lt;1&gt;" id="ref-n&lt;1&gt;" aria-label="Note 1: A &lt;i&gt;note&lt;/i&gt; &amp; more"><sup>1</sup></a></p>
<p>1. Not a list</p>
<p>- Not an item</p>
<p class="gap">Text not available here: &lt;lost&gt; &amp; &quot;gone&quot;.</p>
</main>
`
		);
		expect(html).toContain('<p>Raw and <strong>bold</strong>.</p>');
		expect(html).not.toContain('alert(2)');
		expect(html).toContain(
			'<title>A &lt;b&gt;“bold”&lt;/b&gt; &amp; &apos;quoted&apos; &quot;title&quot; (Pencilmarks)</title>'
		);
		expect(html).toContain(
			'<meta name="citation_public_url" content="https://pencilmarks.example/x?a=1&amp;b=&lt;2&gt;">'
		);
		expect(html).toContain('<meta name="citation_author" content="&lt;Anon&gt; &amp; &quot;Co&quot;">');
	});

	it('shows a note without HTML as its Markdown, escaped, never as markup', () => {
		const note = { ...hostile.notes[0], html: '' };
		expect(toHtml({ ...hostile, notes: [note] })).toContain(
			'<p class="note-source">Raw &lt;script&gt;alert(2)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;, ' +
				'`&lt;code&gt;` and &lt;https://ok.example&gt;.</p>'
		);
	});

	it('links the permalink only when it is a web address', () => {
		const citation = { ...fixture.citation, permalink: 'javascript:alert(1)' };
		const html = toHtml({ ...fixture, citation });
		expect(html).not.toContain('href="javascript');
		expect(html).toContain('Pencilmarks, javascript:alert(1), accessed');
	});
});

describe('toHtml, with a moved passage', () => {
	const label = (href: string, words: string) =>
		`<a class="move-label" href="${href}">[${words}]</a> `;
	const from =
		'<del class="moved" id="c-0h2cml4" data-change="c-0h2cml4" data-partner="c-023fnqd">' +
		'In 1932 I met the representatives of the general staff in <del>Berlin</del>' +
		'<a class="note-ref" href="#note-03-berlin" id="ref-03-berlin" aria-label="Note 1: Berlin or ' +
		'Paris"><sup>1</sup></a>.</del>';
	const to =
		'<ins class="moved" id="c-023fnqd" data-change="c-023fnqd" data-partner="c-0h2cml4">' +
		'In 1932 I met the representatives of the general staff in <ins>Paris</ins>.</ins>';
	const page = 'https://pencilmarks.example/cases/bukharin-1938?mode=marks';

	it('marks both ends as moved, each with a label that links to the other', () => {
		const html = toHtml(moved);
		expect(html).toContain(
			'<p class="legend">Shown with the marks: <del>struck</del> text is only in As spoken; ' +
				'<ins>added</ins> text is only in As published; moved text is marked “moved from here” ' +
				'where it stood in As spoken and “moved here” where it stands in As published.</p>'
		);
		expect(main(html)).toBe(
			`<main class="text">
<p>I admit my guilt before <del id="c-1rlwl8c" data-change="c-1rlwl8c">the</del><ins data-change="c-1rlwl8c">this</ins> court.</p>
<p>${label('#c-023fnqd', 'moved from here to below ↓')}${from}</p>
<p>I have read a great deal in prison, citizen judges.</p>
<p>${label('#c-0h2cml4', 'moved here from above ↑')}${to}</p>
</main>
`
		);
	});

	it('links an end whose other end is outside the excerpt to it in the whole comparison', () => {
		expect(main(toHtml(movedPart(2)))).toBe(
			`<main class="text">
<p>I admit my guilt before <del id="c-1rlwl8c" data-change="c-1rlwl8c">the</del><ins data-change="c-1rlwl8c">this</ins> court.</p>
<p>${label(`${page}#c-023fnqd`, 'moved from here to a place outside this excerpt')}${from}</p>
</main>
`
		);
		expect(main(toHtml(movedPart(-2)))).toBe(
			`<main class="text">
<p>I have read a great deal in prison, citizen judges.</p>
<p>${label(`${page}#c-0h2cml4`, 'moved here from a place outside this excerpt')}${to}</p>
</main>
`
		);
		const citation = { ...moved.citation, permalink: 'javascript:alert(1)' };
		expect(toHtml({ ...movedPart(-2), citation })).toContain(
			'<p><span class="move-label">[moved here from a place outside this excerpt]</span> <ins '
		);
	});

	it('lays side by side out with each end in its own witness’s column', () => {
		expect(main(toHtml({ ...moved, mode: 'side' }))).toBe(
			`<main class="text">
<div class="columns">
<p class="column-label">As spoken</p>
<p class="column-label">As published</p>
<p>I admit my guilt before <del id="c-1rlwl8c" data-change="c-1rlwl8c">the</del> court.</p>
<p>I admit my guilt before <ins data-change="c-1rlwl8c">this</ins> court.</p>
<p>${label('#c-023fnqd', 'moved from here to below ↓')}${from}</p>
<p></p>
<p>I have read a great deal in prison, citizen judges.</p>
<p>I have read a great deal in prison, citizen judges.</p>
<p></p>
<p>${label('#c-0h2cml4', 'moved here from above ↑')}${to}</p>
</div>
</main>
`
		);
	});

	it('writes the clean views as if nothing had moved', () => {
		for (const mode of ['base', 'target'] as const) {
			expect(toHtml({ ...moved, mode })).toBe(toHtml(withoutMoves({ ...moved, mode })));
		}
		expect(main(toHtml({ ...moved, mode: 'target' }))).not.toMatch(/moved|<del|<ins/);
	});

	it('styles moved text apart from struck and added text, not by colour alone', () => {
		expect(HTML_STYLE).toContain('.moved { text-decoration: none; border-bottom: 0.1em dotted');
		expect(HTML_STYLE).toContain("del.moved::after, ins.moved::after { content: ' [end of moved");
		expect(HTML_STYLE).toMatch(/@media print \{[^@]*\.moved, \.move-label \{ color: #000/);
	});

	it('labels every paragraph of a moved passage, the id on the first one only', () => {
		const span = (text: string, first: boolean) => ({
			kind: 'delete' as const,
			text,
			change: 'c-f',
			move: 'from' as const,
			partner: 'c-t',
			...(first ? { first } : {})
		});
		const para = (text: string, first = false) => ({
			kind: 'paragraph' as const,
			inA: true,
			inB: false,
			spans: [span(text, first)]
		});
		const blocks = [para('One moved paragraph.', true), para('And its second.')];
		const citation = { ...moved.citation, permalink: 'https://x.example/c#x=1-2.a' };
		expect(main(toHtml({ ...moved, blocks, notes: [], citation }))).toBe(
			`<main class="text">
<p>${label('https://x.example/c#c-t', 'moved from here to a place outside this excerpt')}<del class="moved" id="c-f" data-change="c-f" data-partner="c-t">One moved paragraph.</del></p>
<p>${label('https://x.example/c#c-t', 'moved from here to a place outside this excerpt (continued)')}<del class="moved" data-change="c-f" data-partner="c-t">And its second.</del></p>
</main>
`
		);
	});
});
