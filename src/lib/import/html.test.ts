import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlText } from './html';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), 'utf8');

describe('htmlText', () => {
	it('reads the visible text of the sample page', () => {
		expect(htmlText(fixture('sample.html'))).toBe(
			'Hearing of 3 May\n\n' +
				'The chair opened the session & read the agenda\u00a0aloud.\n\n' +
				'Q. Where were you?\nA. At home.\nA. All evening.\n\n' +
				'First item\n\nSecond “item”\n\n' +
				'Quoted words.\n\n' +
				'Speaker Words\n\n' +
				'  indented line\nsecond line\n\n' +
				'Last words.'
		);
	});

	it('leaves out head, script, style, noscript, template and hidden elements', () => {
		expect(
			htmlText(
				'<title>T</title><script>a()</script><style>p{}</style><noscript>N</noscript>' +
					'<template>X</template><p hidden>H</p><p>Shown</p>'
			)
		).toBe('Shown');
	});

	it('joins inline elements without adding space, and collapses the space there is', () => {
		expect(htmlText('<p>un<b>break</b>able, <i>two</i>\n   <i>words</i></p>')).toBe(
			'unbreakable, two words'
		);
	});

	it('makes a paragraph of each block, and a blank line of two line breaks, never more', () => {
		expect(htmlText('<div><div><p>One</p></div></div><p>Two<br><br><br><br>Three<br></p>')).toBe(
			'One\n\nTwo\n\nThree'
		);
	});

	it('keeps the whitespace of pre, but not the newline just after the tag', () => {
		expect(htmlText('<pre>\n a  b\n\n c</pre>')).toBe(' a  b\n\n c');
		expect(htmlText('<pre><code>\nx</code></pre>')).toBe('x');
	});

	it('decodes entities, and keeps a no-break space as one', () => {
		expect(htmlText('<p>&lt;b&gt; &amp; &#1071; &eacute;&nbsp;x &unknown;</p>')).toBe(
			'<b> & Я é\u00a0x &unknown;'
		);
	});

	it('gives no text for a page without visible text', () => {
		const page = '<html><head><title>Only a title</title></head><body> </body></html>';
		expect(htmlText(page)).toBe('');
	});
});
