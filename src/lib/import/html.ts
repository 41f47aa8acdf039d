// HTML to witness text: what a browser would show, in paragraphs. A saved web page of a
// transcript has the text in `<p>`s, the site around it in `<div>`s, and scripts and styles that
// are not text at all.
//
//   <h1>Hearing</h1><p>The <b>witness</b>
//      said:<br>No.</p><script>x()</script>     ->   Hearing\n\nThe witness said:\nNo.

import { Parser } from 'htmlparser2';
import { Paragraphs } from './paragraphs';

/** Elements whose content is never shown. `title` is in `head`, but pages omit `<head>`. */
const HIDDEN = new Set(['head', 'title', 'script', 'style', 'noscript', 'template']);

/** Elements that stand as blocks of their own: each begins and ends a paragraph. */
const BLOCKS = new Set([
	'address',
	'article',
	'aside',
	'blockquote',
	'caption',
	'dd',
	'details',
	'div',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'footer',
	'form',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hr',
	'li',
	'main',
	'nav',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'tr',
	'ul'
]);

/**
 * The visible text of an HTML document: blocks as paragraphs separated by a blank line, `<br>` a
 * line break, whitespace runs one space except in `<pre>`, table cells on a row separated by a
 * space, entities decoded. Elements with the `hidden` attribute are left out with their content.
 */
export function htmlText(html: string): string {
	const out = new Paragraphs();
	// For each open element, whether it is hidden (itself or by an ancestor).
	const hidden: boolean[] = [];
	let pre = 0;
	// HTML drops a newline that directly follows `<pre>`: it is there for the source's layout.
	let preStart = false;
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				const isHidden = hidden.at(-1) || HIDDEN.has(name) || 'hidden' in attributes;
				hidden.push(isHidden);
				if (isHidden) return;
				preStart = false;
				if (name === 'br') out.lineBreak();
				else if (BLOCKS.has(name)) out.paragraphBreak();
				if (name === 'pre') {
					pre++;
					preStart = true;
				}
			},
			ontext(text) {
				if (hidden.at(-1)) return;
				if (pre) {
					out.verbatim(preStart && text.startsWith('\n') ? text.slice(1) : text);
					preStart = false;
				} else out.flow(text);
			},
			onclosetag(name) {
				if (hidden.pop()) return;
				if (name === 'pre') pre--;
				if (BLOCKS.has(name)) out.paragraphBreak();
				else if (name === 'td' || name === 'th') out.flow(' ');
			}
		},
		{ decodeEntities: true }
	);
	parser.end(html);
	return out.text();
}
