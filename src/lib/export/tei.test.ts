import { describe, expect, it } from 'vitest';
import { code, fixture, hostile, inMode, moved, movedPart, withoutMoves } from '../test/excerpt-fixture';
import { renderMarkdown } from '../markdown';
import { noteTei, TEI_ELEMENTS, toTei, xmlId } from './tei';

/**
 * A small XML well-formedness check, enough for what the export writes: tags nest and match,
 * attributes are quoted and unique, `&` starts a known entity, no `<` in a value, no `]]>` in text,
 * one root. Returns the problems found and the names of the elements seen.
 */
function checkXml(xml: string): { problems: string[]; elements: Set<string> } {
	const problems: string[] = [];
	const elements = new Set<string>();
	const stack: string[] = [];
	let roots = 0;
	const isName = (name: string) => /^[A-Za-z_][\w.:-]*$/.test(name);
	const checkText = (text: string, where: string) => {
		if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text)) {
			problems.push(`a character XML cannot hold in ${where}`);
		}
		for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
			const end = text.indexOf(';', at);
			const entity = end === -1 ? '' : text.slice(at + 1, end);
			if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+)$/.test(entity)) {
				problems.push(`bad & in ${where} at ${at}`);
			}
		}
	};
	let i = 0;
	const skipTo = (marker: string) => {
		const end = xml.indexOf(marker, i);
		if (end === -1) problems.push(`unclosed ${marker} at ${i}`);
		i = end === -1 ? xml.length : end + marker.length;
	};
	while (i < xml.length) {
		const lt = xml.indexOf('<', i);
		const text = xml.slice(i, lt === -1 ? xml.length : lt);
		checkText(text, 'text');
		if (text.includes(']]>')) problems.push(`]]> in text at ${i}`);
		if (stack.length === 0 && text.trim()) problems.push(`text outside the root at ${i}`);
		if (lt === -1) break;
		i = lt;
		if (xml.startsWith('<?', i)) skipTo('?>');
		else if (xml.startsWith('<!--', i)) skipTo('-->');
		else if (xml.startsWith('<![CDATA[', i)) skipTo(']]>');
		else if (xml.startsWith('</', i)) {
			const end = xml.indexOf('>', i);
			const name = xml.slice(i + 2, end).trim();
			const open = stack.pop();
			if (name !== open) problems.push(`</${name}> closes <${open}> at ${i}`);
			i = end + 1;
		} else {
			i++;
			let name = '';
			while (i < xml.length && !/[\s/>]/.test(xml[i])) name += xml[i++];
			if (!isName(name)) problems.push(`bad element name "${name}" at ${i}`);
			elements.add(name);
			if (stack.length === 0) roots++;
			const attributes = new Set<string>();
			for (;;) {
				while (/\s/.test(xml[i] ?? '')) i++;
				if (xml.startsWith('/>', i)) {
					i += 2;
					break;
				}
				if (xml[i] === '>') {
					i++;
					stack.push(name);
					break;
				}
				if (i >= xml.length) {
					problems.push(`unclosed <${name}>`);
					break;
				}
				let attribute = '';
				while (i < xml.length && !/[\s=/>]/.test(xml[i])) attribute += xml[i++];
				if (!isName(attribute)) problems.push(`bad attribute "${attribute}" at ${i}`);
				if (attributes.has(attribute)) problems.push(`repeated ${attribute} at ${i}`);
				attributes.add(attribute);
				const quote = xml[i + 1];
				if (xml[i] !== '=' || (quote !== '"' && quote !== "'")) {
					problems.push(`unquoted ${attribute} at ${i}`);
					break;
				}
				const end = xml.indexOf(quote, i + 2);
				const value = xml.slice(i + 2, end);
				if (value.includes('<')) problems.push(`< in ${attribute} at ${i}`);
				checkText(value, attribute);
				i = end + 1;
			}
		}
	}
	if (stack.length) problems.push(`unclosed ${stack.join(', ')}`);
	if (roots !== 1) problems.push(`${roots} roots`);
	return { problems, elements };
}

describe('checkXml', () => {
	it('finds what makes XML ill-formed', () => {
		expect(checkXml('<a x="1"><b/>t &amp; u</a>').problems).toEqual([]);
		expect(checkXml('<a><b></a></b>').problems).toEqual([
			'</a> closes <b> at 6',
			'</b> closes <a> at 10'
		]);
		expect(checkXml('<a x="<"/>').problems).toEqual(['< in x at 4']);
		expect(checkXml('<a x=1/>').problems).toEqual([
			'unquoted x at 4',
			'text outside the root at 4'
		]);
		expect(checkXml('<a x="1" x="2"/>').problems).toEqual(['repeated x at 10']);
		expect(checkXml('<a>&nbsp; &amp</a>').problems).toEqual([
			'bad & in text at 0',
			'bad & in text at 7'
		]);
		expect(checkXml('<a>]]></a>').problems).toEqual([']]> in text at 3']);
		expect(checkXml('<a/><c/>').problems).toEqual(['2 roots']);
		expect(checkXml('<a/>t').problems).toEqual(['text outside the root at 4']);
		expect(checkXml('<a>\u000c</a>').problems).toEqual(['a character XML cannot hold in text']);
	});
});

describe('toTei', () => {
	it('writes marks as parallel segmentation: an app per change, notes after their passage', () => {
		expect(toTei(fixture)).toBe(
			`<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
	<teiHeader>
		<fileDesc>
			<titleStmt>
				<title>Bukharin’s final statement</title>
				<title type="sub">Redaction, 12 March 1938: As spoken against As published</title>
			</titleStmt>
			<publicationStmt>
				<publisher>Pencilmarks</publisher>
				<idno type="URI">https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb</idno>
				<date when="2026-11-27">27 November 2026</date>
			</publicationStmt>
			<notesStmt>
				<note xml:id="note-case" n="3"><label>About this case</label><p>Two witnesses of one statement.</p><p>The <hi rend="italic">spoken</hi> text came out later.</p></note>
			</notesStmt>
			<sourceDesc>
				<listWit>
					<witness xml:id="spoken">As spoken</witness>
					<witness xml:id="published">As published</witness>
				</listWit>
				<listBibl>
					<bibl>Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938).</bibl>
					<bibl>A. N. Other &amp; B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20</bibl>
				</listBibl>
			</sourceDesc>
		</fileDesc>
		<encodingDesc>
			<variantEncoding method="parallel-segmentation" location="internal"/>
		</encodingDesc>
		<profileDesc>
			<creation><date when="1938-03-12">12 March 1938</date></creation>
		</profileDesc>
	</teiHeader>
	<text xml:lang="en">
		<body>
			<p>The accused <app xml:id="c-aaaaaa"><rdg wit="#spoken">Bukharin </rdg><rdg wit="#published"/></app>pleads guilty to <app xml:id="c-bbbbbb"><rdg wit="#spoken">the sum total</rdg><rdg wit="#published">all</rdg></app><note xml:id="note-01-sum" n="1" target="#c-bbbbbb"><label>“The sum total”</label><p>The phrase is struck in pencil.
See <ref target="https://example.org/edition">the edition</ref>.</p></note> of the crimes.</p>
			<gap reason="unavailable"/>
			<p>I was never in the <seg type="editorial">[non-existent]</seg> bloc<app xml:id="c-cccccc"><rdg wit="#spoken"/><rdg wit="#published"> abroad</rdg></app>.</p>
			<p><app xml:id="c-dddddd"><rdg wit="#spoken">I ask the court for mercy.</rdg><rdg wit="#published"/></app><note xml:id="note-02-mercy" n="2" target="#c-dddddd"><label>The plea</label><p>The whole paragraph is struck.</p></note></p>
		</body>
	</text>
</TEI>
`
		);
	});

	it('writes side by side as marks', () => {
		expect(toTei(inMode('side'))).toBe(toTei(fixture));
	});

	it('writes the target alone: the plain text of that witness, gaps kept, notes on struck text in the header', () => {
		const target = toTei(inMode('target'));
		expect(target.slice(target.indexOf('\t\t<body>'))).toBe(
			`		<body>
			<div type="witness" corresp="#published">
				<p>The accused pleads guilty to all of the crimes.</p>
				<gap reason="unavailable"/>
				<p>I was never in the <seg type="editorial">[non-existent]</seg> bloc abroad.</p>
			</div>
		</body>
` + '\t</text>\n</TEI>\n'
		);
		expect(target.slice(target.indexOf('<notesStmt>'), target.indexOf('\t\t\t</notesStmt>'))).toBe(
			`<notesStmt>
				<note xml:id="note-case" n="1"><label>About this case</label><p>Two witnesses of one statement.</p><p>The <hi rend="italic">spoken</hi> text came out later.</p></note>
				<note xml:id="note-01-sum" n="2" type="passage-not-shown"><label>“The sum total”</label><p>The phrase is struck in pencil.
See <ref target="https://example.org/edition">the edition</ref>.</p></note>
				<note xml:id="note-02-mercy" n="3" type="passage-not-shown"><label>The plea</label><p>The whole paragraph is struck.</p></note>
`
		);
		expect(target).not.toMatch(/<app|Bukharin |sum total<|for mercy/);
	});

	it('writes the base alone: the plain text of that witness', () => {
		const base = toTei(inMode('base'));
		expect(base.slice(base.indexOf('\t\t<body>'))).toBe(
			`		<body>
			<div type="witness" corresp="#spoken">
				<p>The accused Bukharin pleads guilty to <anchor xml:id="note-01-sum-start"/>the sum total<note xml:id="note-01-sum" n="1" target="#note-01-sum-start"><label>“The sum total”</label><p>The phrase is struck in pencil.
See <ref target="https://example.org/edition">the edition</ref>.</p></note> of the crimes.</p>
				<gap reason="unavailable"/>
				<p>I was never in the <seg type="editorial">[non-existent]</seg> bloc.</p>
				<p><anchor xml:id="note-02-mercy-start"/>I ask the court for mercy.<note xml:id="note-02-mercy" n="2" target="#note-02-mercy-start"><label>The plea</label><p>The whole paragraph is struck.</p></note></p>
			</div>
		</body>
` + '\t</text>\n</TEI>\n'
		);
	});

	it('writes well-formed XML, in every mode, using only the elements it lists', () => {
		for (const mode of ['marks', 'side', 'base', 'target'] as const) {
			for (const excerpt of [fixture, hostile, code, moved, movedPart(2), movedPart(-2)]) {
				const { problems, elements } = checkXml(toTei({ ...excerpt, mode }));
				expect(problems).toEqual([]);
				const listed: readonly string[] = TEI_ELEMENTS;
				expect([...elements].filter((e) => !listed.includes(e))).toEqual([]);
			}
		}
	});

	it('writes each kept line break as <lb/> where the new line begins, then its indentation', () => {
		const tei = toTei(code);
		expect(tei.slice(tei.indexOf('\t\t<body>'), tei.indexOf('\t\t</body>'))).toBe(
			'\t\t<body>\n\t\t\t<p>Strike it:</p>\n' +
				'\t\t\t<p>```js<lb/>if (marks) {<lb/>\tstrike(' +
				'<app xml:id="c-ffffff"><rdg wit="#spoken"/><rdg wit="#published">all</rdg></app>' +
				');<lb/>}<lb/>```</p>\n'
		);
	});

	it('marks a gap of one witness as a reading of that witness', () => {
		const blocks = [{ kind: 'gap' as const, inA: false, inB: true, label: 'a page' }];
		const tei = toTei({ ...fixture, blocks });
		expect(tei.slice(tei.indexOf('<body>'), tei.indexOf('</body>'))).toBe(
			'<body>\n\t\t\t<ab><app><rdg wit="#spoken"/><rdg wit="#published"><gap reason="unavailable">' +
				'<desc>a page</desc></gap></rdg></app></ab>\n\t\t'
		);
	});

	it('describes each witness as the record does: its label, then a desc for each fact', () => {
		const tei = toTei({
			...fixture,
			base: {
				id: 'bancroft',
				label: 'Bancroft copy',
				language: 'en',
				description: 'A transcription.',
				written: 'About 29 February 1864',
				heldBy: 'Cornell University Library & co.'
			},
			target: {
				id: 'bliss',
				label: 'Bliss copy',
				language: 'en',
				description: 'Another.',
				translator: 'T. R.'
			}
		});
		expect(tei.slice(tei.indexOf('<listWit>'), tei.indexOf('</listWit>'))).toBe(
			'<listWit>\n\t\t\t\t\t<witness xml:id="bancroft"><label>Bancroft copy</label>' +
				'<desc>A transcription.</desc><desc type="written">Written: About 29 February 1864.</desc>' +
				'<desc type="held-by">Held by: Cornell University Library &amp; co.</desc></witness>\n' +
				'\t\t\t\t\t<witness xml:id="bliss"><label>Bliss copy</label><desc>Another.</desc>' +
				'<desc type="translation">Translated by T. R.</desc></witness>\n\t\t\t\t'
		);
		expect(checkXml(tei).problems).toEqual([]);
	});

	it('writes a note’s emphasis and link as TEI, not as Markdown, and stays well-formed', () => {
		const markdown =
			'The phrase is *struck* in **pencil** & ink.\nSee [the edition](https://example.org/ed?a=1&b=2).';
		const notes = [{ ...fixture.notes[0], markdown, html: renderMarkdown(markdown) }];
		const tei = toTei({ ...fixture, notes });
		expect(tei.slice(tei.indexOf('<note xml:id="note-01-sum"'), tei.indexOf('</note>') + 7)).toBe(
			'<note xml:id="note-01-sum" n="1" target="#c-bbbbbb"><label>“The sum total”</label>' +
				'<p>The phrase is <hi rend="italic">struck</hi> in <hi rend="bold">pencil</hi> &amp; ink.\n' +
				'See <ref target="https://example.org/ed?a=1&amp;b=2">the edition</ref>.</p></note>'
		);
		expect(checkXml(tei).problems).toEqual([]);
	});

	it('writes every part a note may have as TEI, and drops what the page drops', () => {
		const markdown = [
			'# A heading',
			'',
			'Text with `a <code>` span, <cite>A Book</cite>, x<sup>2</sup>, a break  ',
			'here, [bad](javascript:alert(1)), [mail](mailto:a@b.org) and ![img](https://x/y.png) <script>alert(1)</script>.',
			'',
			'> Quoted *words*.',
			'',
			'- one',
			'- **two**',
			'',
			'1. first',
			'',
			'2. second'
		].join('\n');
		expect(noteTei({ markdown, html: renderMarkdown(markdown) })).toBe(
			'<p>A heading</p>' +
				'<p>Text with <code>a &lt;code&gt;</code> span, <title>A Book</title>, ' +
				'x<hi rend="superscript">2</hi>, a break<lb/>here, bad, <ref target="mailto:a@b.org">mail</ref> and  .</p>' +
				'<quote><p>Quoted <hi rend="italic">words</hi>.</p></quote>' +
				'<list rend="bulleted"><item>one</item><item><hi rend="bold">two</hi></item></list>' +
				'<list rend="numbered"><item><p>first</p></item><item><p>second</p></item></list>'
		);
	});

	it('writes a note not rendered yet as its Markdown in plain text, a paragraph each', () => {
		expect(noteTei({ markdown: 'One *a* & b.\n\n  Two.  ', html: '' })).toBe(
			'<p>One *a* &amp; b.</p><p>Two.</p>'
		);
	});

	it('replaces what XML cannot hold at all, and stays well-formed', () => {
		const blocks = [
			{
				kind: 'paragraph' as const,
				inA: true,
				inB: true,
				spans: [{ kind: 'equal' as const, text: 'a\u000cb\u0000c\ud800d \ud83d\ude00' }]
			}
		];
		const tei = toTei({ ...fixture, blocks, notes: [] });
		expect(tei).toContain('<p>a\ufffdb\ufffdc\ufffdd \ud83d\ude00</p>');
		expect(checkXml(tei).problems).toEqual([]);
	});

	it('makes any id an XML name', () => {
		expect(xmlId('c-3k9x2a')).toBe('c-3k9x2a');
		expect(xmlId('1st copy')).toBe('_1st-copy');
		expect(xmlId('note-n<1>')).toBe('note-n-1-');
	});

	// Issue 9: witnesses "a b" and "a-b" both had the xml:id "a-b".
	it('gives every element its own xml:id when two ids make the same XML name', () => {
		const excerpt = {
			...fixture,
			base: { id: 'a b', label: 'A', language: 'en' },
			target: { id: 'a-b', label: 'B', language: 'en' },
			notes: [
				{ ...fixture.notes[0], id: 'x y' },
				{ ...fixture.notes[1], id: 'x-y' }
			],
			blocks: fixture.blocks.map((b) =>
				b.kind === 'gap'
					? b
					: {
							...b,
							spans: b.spans.map((s) => ({
								...s,
								notes: s.notes?.map((n) => (n === '01-sum' ? 'x y' : 'x-y')),
								noteMarkers: s.noteMarkers?.map((n) => (n === '01-sum' ? 'x y' : 'x-y'))
							}))
						}
			)
		};
		const tei = toTei(excerpt);
		const ids = [...tei.matchAll(/xml:id="([^"]+)"/g)].map((m) => m[1]);
		expect(ids).toEqual([
			'a-b',
			'a-b-2',
			'c-aaaaaa',
			'c-bbbbbb',
			'note-x-y',
			'c-cccccc',
			'c-dddddd',
			'note-x-y-2'
		]);
		expect(tei).toContain('<witness xml:id="a-b">A</witness>');
		expect(tei).toContain('<witness xml:id="a-b-2">B</witness>');
		expect(tei).toContain('<rdg wit="#a-b">Bukharin </rdg><rdg wit="#a-b-2"/>');
		expect(checkXml(tei).problems).toEqual([]);
	});

	it('escapes every text and value', () => {
		expect(toTei(hostile)).toBe(
			`<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
	<teiHeader>
		<fileDesc>
			<titleStmt>
				<title>A &lt;b&gt;“bold”&lt;/b&gt; &amp; &apos;quoted&apos; &quot;title&quot;</title>
				<title type="sub">Redaction, 12 March 1938: Copy &lt;1&gt; against Print &amp; &quot;proof&quot;</title>
			</titleStmt>
			<publicationStmt>
				<publisher>Pencilmarks</publisher>
				<idno type="URI">https://pencilmarks.example/x?a=1&amp;b=&lt;2&gt;</idno>
				<date when="2026-11-27">27 November 2026</date>
			</publicationStmt>
			<sourceDesc>
				<listWit>
					<witness xml:id="_1st-copy">Copy &lt;1&gt;</witness>
					<witness xml:id="published">Print &amp; &quot;proof&quot;</witness>
				</listWit>
				<listBibl>
					<bibl>Source &lt;one&gt; &amp; &quot;two&quot;</bibl>
				</listBibl>
			</sourceDesc>
		</fileDesc>
		<encodingDesc>
			<variantEncoding method="parallel-segmentation" location="internal"/>
		</encodingDesc>
		<profileDesc>
			<creation><date when="1938-03-12">12 March 1938</date></creation>
		</profileDesc>
	</teiHeader>
	<text xml:lang="en">
		<body>
			<p># Not a heading &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &apos;s&apos; *a* _b_ <app xml:id="c-eeeeee"><rdg wit="#_1st-copy">~~x~~ [x](y) ]]&gt; | \`c\` \\ $1</rdg><rdg wit="#published">&lt;img src=x onerror=alert(1)&gt;</rdg></app><anchor xml:id="note-n-1--start"/> &amp;amp; end<note xml:id="note-n-1-" n="1" target="#note-n-1--start"><label>A &lt;i&gt;note&lt;/i&gt; &amp; more</label><p>Raw and <hi rend="bold">bold</hi>.</p></note></p>
			<p>1. Not a list</p>
			<p>- Not an item</p>
			<gap reason="unavailable"><desc>&lt;lost&gt; &amp; &quot;gone&quot;</desc></gap>
		</body>
	</text>
</TEI>
`
		);
	});
});

describe('toTei, with attributed changes', () => {
	const attributed = {
		...fixture,
		attributions: {
			'c-aaaaaa': { hand: 'Ann B.', cert: 'certain' as const },
			'c-bbbbbb': { hand: 'Ann-B', cause: { id: 'style', label: 'Style' }, cert: 'probable' as const },
			'c-dddddd': { hand: 'Ann B.', cause: { id: 'a&b', label: 'A & B' }, cert: 'conjectural' as const }
		}
	};

	it('gives each hand one handNote, the ids told apart, and each certainty in TEI’s words', () => {
		const tei = toTei(attributed);
		expect(tei).toContain(
			'\t\t\t<handNotes>\n' +
				'\t\t\t\t<handNote xml:id="hand-ann-b">Ann B.</handNote>\n' +
				'\t\t\t\t<handNote xml:id="hand-ann-b-2">Ann-B</handNote>\n' +
				'\t\t\t</handNotes>\n'
		);
		expect([...tei.matchAll(/<rdg wit="#published"[^>]*>/g)].map(([tag]) => tag)).toEqual([
			'<rdg wit="#published" hand="#hand-ann-b" cert="high"/>',
			'<rdg wit="#published" hand="#hand-ann-b-2" cause="style" cert="medium">',
			'<rdg wit="#published">',
			'<rdg wit="#published" hand="#hand-ann-b" cause="a&amp;b" cert="low"/>'
		]);
		const { problems, elements } = checkXml(tei);
		expect(problems).toEqual([]);
		expect([...elements].filter((e) => !(TEI_ELEMENTS as readonly string[]).includes(e))).toEqual([]);
	});

	it('says nothing of hands where no change is shown with its marks', () => {
		expect(toTei({ ...attributed, mode: 'target' })).not.toMatch(/hand/);
	});

	it('says the target’s language on its reading beside who made the change, and on its witness beside its record', () => {
		const tei = toTei({
			...attributed,
			base: { ...attributed.base, language: 'ru' },
			target: { ...attributed.target, language: 'en', translator: 'T. R.' }
		});
		expect([...tei.matchAll(/<rdg wit="#published"[^>]*>/g)].map(([tag]) => tag)).toEqual([
			'<rdg wit="#published" hand="#hand-ann-b" cert="high"/>',
			'<rdg wit="#published" xml:lang="en" hand="#hand-ann-b-2" cause="style" cert="medium">',
			'<rdg wit="#published" xml:lang="en">',
			'<rdg wit="#published" hand="#hand-ann-b" cause="a&amp;b" cert="low"/>'
		]);
		expect(tei).toContain(
			'\t\t\t\t\t<witness xml:id="spoken" xml:lang="ru">As spoken</witness>\n' +
				'\t\t\t\t\t<witness xml:id="published" xml:lang="en"><label>As published</label>' +
				'<desc type="translation">Translated by T. R.</desc></witness>\n'
		);
		expect(checkXml(tei).problems).toEqual([]);
	});
});

describe('toTei, with a moved passage', () => {
	/** From the profile description to the end of the body. */
	const rest = (tei: string) =>
		tei.slice(tei.indexOf('\t\t<profileDesc>'), tei.indexOf('\t</text>'));

	it('writes both ends as transpositions pointing at each other, paired in listTranspose', () => {
		expect(toTei(moved)).toBe(
			`<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
	<teiHeader>
		<fileDesc>
			<titleStmt>
				<title>Bukharin’s final statement</title>
				<title type="sub">Redaction, 12 March 1938: As spoken against As published</title>
			</titleStmt>
			<publicationStmt>
				<publisher>Pencilmarks</publisher>
				<idno type="URI">https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb</idno>
				<date when="2026-11-27">27 November 2026</date>
			</publicationStmt>
			<sourceDesc>
				<listWit>
					<witness xml:id="spoken">As spoken</witness>
					<witness xml:id="published">As published</witness>
				</listWit>
				<listBibl>
					<bibl>Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938).</bibl>
					<bibl>A. N. Other &amp; B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20</bibl>
				</listBibl>
			</sourceDesc>
		</fileDesc>
		<encodingDesc>
			<variantEncoding method="parallel-segmentation" location="internal"/>
		</encodingDesc>
		<profileDesc>
			<creation><date when="1938-03-12">12 March 1938</date></creation>
			<listTranspose>
				<desc>Passages moved between the witnesses: each transposition points at where the passage stood in As spoken, then at where it stands in As published.</desc>
				<transpose><ptr target="#c-0h2cml4"/><ptr target="#c-023fnqd"/></transpose>
			</listTranspose>
		</profileDesc>
	</teiHeader>
	<text xml:lang="en">
		<body>
			<p>I admit my guilt before <app xml:id="c-1rlwl8c" type="rewording"><rdg wit="#spoken">the</rdg><rdg wit="#published">this</rdg></app> court.</p>
			<p><app xml:id="c-0h2cml4" type="transposition" corresp="#c-023fnqd"><rdg wit="#spoken">In 1932 I met the representatives of the general staff in <seg type="changed">Berlin</seg>.</rdg><rdg wit="#published"/></app><note xml:id="note-03-berlin" n="1" target="#c-0h2cml4"><label>Berlin or Paris</label><p>The city is changed in ink.</p></note></p>
			<p>I have read a great deal in prison, citizen judges.</p>
			<p><app xml:id="c-023fnqd" type="transposition" corresp="#c-0h2cml4"><rdg wit="#spoken"/><rdg wit="#published">In 1932 I met the representatives of the general staff in <seg type="changed">Paris</seg>.</rdg></app></p>
		</body>
	</text>
</TEI>
`
		);
	});

	it('points an end whose other end is outside the excerpt at it in the whole comparison', () => {
		expect(rest(toTei(movedPart(2)))).toBe(
			`		<profileDesc>
			<creation><date when="1938-03-12">12 March 1938</date></creation>
		</profileDesc>
	</teiHeader>
	<text xml:lang="en">
		<body>
			<p>I admit my guilt before <app xml:id="c-1rlwl8c" type="rewording"><rdg wit="#spoken">the</rdg><rdg wit="#published">this</rdg></app> court.</p>
			<p><app xml:id="c-0h2cml4" type="transposition" corresp="https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-023fnqd"><rdg wit="#spoken">In 1932 I met the representatives of the general staff in <seg type="changed">Berlin</seg>.</rdg><rdg wit="#published"/></app><note xml:id="note-03-berlin" n="1" target="#c-0h2cml4"><label>Berlin or Paris</label><p>The city is changed in ink.</p></note></p>
		</body>
`
		);
		expect(rest(toTei(movedPart(-2)))).toBe(
			`		<profileDesc>
			<creation><date when="1938-03-12">12 March 1938</date></creation>
		</profileDesc>
	</teiHeader>
	<text xml:lang="en">
		<body>
			<p>I have read a great deal in prison, citizen judges.</p>
			<p><app xml:id="c-023fnqd" type="transposition" corresp="https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-0h2cml4"><rdg wit="#spoken"/><rdg wit="#published">In 1932 I met the representatives of the general staff in <seg type="changed">Paris</seg>.</rdg></app></p>
		</body>
`
		);
		const citation = { ...moved.citation, permalink: 'urn:x' };
		expect(toTei({ ...movedPart(-2), citation })).toContain(
			'<app xml:id="c-023fnqd" type="transposition"><rdg wit="#spoken"/>'
		);
	});

	it('writes side by side as marks, and the clean views as if nothing had moved', () => {
		expect(toTei({ ...moved, mode: 'side' })).toBe(toTei(moved));
		for (const mode of ['base', 'target'] as const) {
			expect(toTei({ ...moved, mode })).toBe(toTei(withoutMoves({ ...moved, mode })));
			expect(toTei({ ...moved, mode })).not.toMatch(/transpos|type="changed"/i);
		}
	});
});
