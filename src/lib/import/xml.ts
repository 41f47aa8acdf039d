// Whether a file is well-formed XML, and if not, what is wrong and on which line. htmlparser2,
// which reads the documents, forgives what a browser would (an end tag that closes the wrong
// element, a bare `&`, an unclosed element), and would read a damaged apparatus into texts that
// are quietly wrong. A reader that must give back every witness exactly checks the file with this
// first and refuses it with the problem named, as an XML parser would:
//
//   <p>the <app><rdg wit="#a">x</p>   ->   line 1: </p> closes <rdg>, opened on line 1
//
// It checks what well-formedness asks of a document without a DTD (XML 1.0, section 2): one root
// element; tags that nest and match; names that are names; attributes quoted, given once, without
// `<`; `&` only in a reference to one of XML's five entities or to a character XML may hold (a
// document with an internal DTD subset may declare more: its named references are let through);
// no `]]>` in text; nothing but comments, processing instructions and white space outside the root.

/** A problem with a document, in words starting lowercase, and its 1-based line. */
export interface XmlProblem {
	problem: string;
	line: number;
}

const NAME = /[\p{L}_:][\p{L}\p{N}\p{M}_:.\u00B7\u203F\u2040-]*/uy;
const SPACE = /[ \t\r\n]*/y;
const ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
/** Characters XML 1.0 cannot hold, even as a reference (escape.ts writes U+FFFD for them). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first problem that keeps `xml` from being well-formed XML, or null when it is. */
export function xmlProblem(xml: string): XmlProblem | null {
	let i = 0;
	let roots = 0;
	let declared = false;
	const open: { name: string; at: number }[] = [];
	const lineOf = (at: number) => {
		let line = 1;
		for (let k = xml.indexOf('\n'); k !== -1 && k < at; k = xml.indexOf('\n', k + 1)) line++;
		return line;
	};
	const fail = (problem: string, at = i): XmlProblem => ({ problem, line: lineOf(at) });
	const match = (pattern: RegExp) => {
		pattern.lastIndex = i;
		const found = pattern.exec(xml);
		if (found) i += found[0].length;
		return found?.[0] ?? '';
	};
	/** The problem with the text or attribute value `s` (at `at`), if any. */
	const checkChars = (s: string, at: number, where: string): XmlProblem | null => {
		const bad = NOT_XML.exec(s);
		if (bad) {
			const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
			return fail(`${where} holds U+${code}, a character XML cannot hold`, at + bad.index);
		}
		for (let k = s.indexOf('&'); k !== -1; k = s.indexOf('&', k + 1)) {
			const ref = /^&(#x[0-9A-Fa-f]+|#[0-9]+|[\p{L}_:][\p{L}\p{N}_:.-]*);/u.exec(s.slice(k, k + 40));
			if (!ref) {
				const seen = s.slice(k, k + 12).split(/[\s<]/)[0];
				return fail(`“${seen}” in ${where}: a bare & must be written &amp;`, at + k);
			}
			const name = ref[1];
			if (name.startsWith('#')) {
				const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
				if (!isXmlChar(code)) return fail(`&${name}; in ${where} is not a character XML can hold`, at + k);
			} else if (!ENTITIES.has(name) && !declared) {
				return fail(
					`&${name}; in ${where} is not one of XML’s entities (&amp; &lt; &gt; &quot; &apos;); ` +
						'write the character itself, or a numeric reference',
					at + k
				);
			}
		}
		return null;
	};

	while (i < xml.length) {
		const lt = xml.indexOf('<', i);
		const text = xml.slice(i, lt === -1 ? xml.length : lt);
		if (text) {
			if (open.length === 0 && /[^ \t\r\n\uFEFF]/.test(text)) {
				const at = i + text.search(/[^ \t\r\n\uFEFF]/);
				return fail(roots ? 'text after the root element' : 'text before the root element', at);
			}
			const ends = text.indexOf(']]>');
			if (ends !== -1) return fail('“]]>” in text: it must be written ]]&gt;', i + ends);
			const problem = checkChars(text, i, 'the text');
			if (problem) return problem;
		}
		if (lt === -1) break;
		i = lt;
		const start = i;
		if (xml.startsWith('<!--', i)) {
			const end = xml.indexOf('-->', i + 4);
			if (end === -1) return fail('a comment (<!--) is never closed (-->)');
			i = end + 3;
		} else if (xml.startsWith('<![CDATA[', i)) {
			if (open.length === 0) return fail('a CDATA section outside the root element');
			const end = xml.indexOf(']]>', i);
			if (end === -1) return fail('a CDATA section (<![CDATA[) is never closed (]]>)');
			i = end + 3;
		} else if (xml.startsWith('<?', i)) {
			const end = xml.indexOf('?>', i + 2);
			if (end === -1) return fail('a processing instruction (<?) is never closed (?>)');
			i = end + 2;
		} else if (xml.startsWith('<!DOCTYPE', i)) {
			if (roots || open.length) return fail('a <!DOCTYPE> after the root element has begun');
			// Its internal subset, in brackets, may declare entities of its own.
			let depth = 0;
			for (i += 9; i < xml.length && !(xml[i] === '>' && depth === 0); i++) {
				if (xml[i] === '[') depth++;
				else if (xml[i] === ']') depth--;
				else if (xml[i] === '"' || xml[i] === "'") i = Math.max(i, xml.indexOf(xml[i], i + 1));
			}
			if (i >= xml.length) return fail('the <!DOCTYPE> is never closed', start);
			declared = xml.slice(start, i).includes('[');
			i++;
		} else if (xml.startsWith('</', i)) {
			i += 2;
			const name = match(NAME);
			match(SPACE);
			if (!name || xml[i] !== '>') return fail('an end tag that is not </name>', start);
			i++;
			const top = open.pop();
			if (!top) return fail(`</${name}> closes nothing: no element is open`, start);
			if (top.name !== name) {
				return fail(`</${name}> closes <${top.name}>, opened on line ${lineOf(top.at)}`, start);
			}
		} else {
			i++;
			const name = match(NAME);
			if (!name) return fail('“<” must start a tag; in text it must be written &lt;', start);
			if (open.length === 0 && roots++) return fail(`a second root element, <${name}>`, start);
			const seen = new Set<string>();
			for (;;) {
				const spaced = match(SPACE) !== '';
				if (xml.startsWith('/>', i)) {
					i += 2;
					break;
				}
				if (xml[i] === '>') {
					i++;
					open.push({ name, at: start });
					break;
				}
				if (i >= xml.length) return fail(`the tag <${name} is never closed with >`, start);
				const at = i;
				const attribute = match(NAME);
				if (!attribute) return fail(`“${xml[i]}” in the tag <${name}>, where an attribute or > should be`);
				if (!spaced) return fail(`no space before the attribute ${attribute} of <${name}>`, at);
				if (seen.has(attribute)) return fail(`<${name}> gives the attribute ${attribute} twice`, at);
				seen.add(attribute);
				match(SPACE);
				if (xml[i] !== '=') return fail(`the attribute ${attribute} of <${name}> has no value`, at);
				i++;
				match(SPACE);
				const quote = xml[i];
				if (quote !== '"' && quote !== "'") {
					return fail(`the value of ${attribute} in <${name}> is not in quotes`, at);
				}
				const end = xml.indexOf(quote, i + 1);
				if (end === -1) return fail(`the value of ${attribute} in <${name}> is never closed`, at);
				const value = xml.slice(i + 1, end);
				const lt = value.indexOf('<');
				if (lt !== -1) return fail(`“<” in the value of ${attribute}: it must be written &lt;`, i + 1 + lt);
				const problem = checkChars(value, i + 1, `the value of ${attribute}`);
				if (problem) return problem;
				i = end + 1;
			}
		}
	}
	const unclosed = open.pop();
	if (unclosed) return fail(`<${unclosed.name}> is never closed`, unclosed.at);
	if (!roots) return fail('the document has no root element', 0);
	return null;
}

/** Whether a code point may be in an XML 1.0 document (production 2, Char). */
function isXmlChar(code: number): boolean {
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7ff) ||
		(code >= 0xe000 && code <= 0xfffd) ||
		(code >= 0x10000 && code <= 0x10ffff)
	);
}
