import { describe, expect, it } from 'vitest';
import { xmlProblem } from './xml';

describe('xmlProblem', () => {
	it('finds nothing wrong in well-formed XML: a prolog, comments, CDATA, references, any script', () => {
		const xml =
			'<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n' +
			'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p a="1" b=\'&quot;&#x27;\'>Ёлка &amp; ' +
			'&#13;&#x1F600; e\u0301 😀 <![CDATA[<not a tag> & ]]><lb/></p>\n</TEI>\n';
		expect(xmlProblem(xml)).toBeNull();
	});

	it('names each problem and its line', () => {
		const cases: [string, string, number][] = [
			['<a>\n<b>\n</a>', '</a> closes <b>, opened on line 2', 3],
			['<a>\n<b>x</b>', '<a> is never closed', 1],
			['<a>x</a>\n</b>', '</b> closes nothing: no element is open', 2],
			['<a>\nfish & chips</a>', '“&” in the text: a bare & must be written &amp;', 2],
			['<a>&nbsp;</a>', '&nbsp; in the text is not one of XML’s entities (&amp; &lt; &gt; &quot; &apos;); write the character itself, or a numeric reference', 1],
			['<a>&#0;</a>', '&#0; in the text is not a character XML can hold', 1],
			['<a>x ]]> y</a>', '“]]>” in text: it must be written ]]&gt;', 1],
			['<a b=1/>', 'the value of b in <a> is not in quotes', 1],
			['<a b="1" b="2"/>', '<a> gives the attribute b twice', 1],
			['<a b="<"/>', '“<” in the value of b: it must be written &lt;', 1],
			['<a b="1"c="2"/>', 'no space before the attribute c of <a>', 1],
			['<a>1 < 2</a>', '“<” must start a tag; in text it must be written &lt;', 1],
			['<a/><b/>', 'a second root element, <b>', 1],
			['text <a/>', 'text before the root element', 1],
			['<a/>\ntext', 'text after the root element', 2],
			['<a>\n<!-- open', 'a comment (<!--) is never closed (-->)', 2],
			['<a\nb="1"', 'the tag <a is never closed with >', 1],
			['<a>\f</a>', 'the text holds U+000C, a character XML cannot hold', 1],
			['', 'the document has no root element', 1]
		];
		for (const [xml, problem, line] of cases) expect([xml, xmlProblem(xml)]).toEqual([xml, { problem, line }]);
	});

	it('lets through the entities a document declares in its DTD', () => {
		expect(xmlProblem('<!DOCTYPE a [<!ENTITY nbsp "&#160;">]><a>&nbsp;</a>')).toBeNull();
		expect(xmlProblem('<!DOCTYPE a SYSTEM "a.dtd"><a>&nbsp;</a>')?.line).toBe(1);
	});
});
