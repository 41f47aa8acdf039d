import { describe, expect, it } from 'vitest';
import { hostileExcerpt, PERMALINK, uponExcerpt } from '../../test/apparatus-fixture';
import { apparatusHtml } from './html';

describe('apparatusHtml', () => {
	const html = apparatusHtml(uponExcerpt());

	it('writes the text with linked marks, the entries linked back, and the notes', () => {
		expect(html.slice(html.indexOf('<main'), html.indexOf('<footer'))).toBe(
			'<main class="text">\n' +
				'<p>Four score and seven years ago our fathers brought forth,<a class="variant-ref" href="#v-1" id="v-1-ref" aria-label="Variant 1"><sup>1</sup></a> ' +
				'upon<a class="variant-ref" href="#v-2" id="v-2-ref" aria-label="Variant 2"><sup>2</sup></a>' +
				'<a class="note-ref" href="#note-upon" id="ref-upon" aria-label="Note n1: “Upon” &amp; “on”"><sup>n1</sup></a> this continent,\n' +
				'a new nation, conceived in liberty<a class="variant-ref" href="#v-3" id="v-3-ref" aria-label="Variant 3"><sup>3</sup></a>, ' +
				'and dedicated to the proposition that</p>\n' +
				'</main>\n' +
				'<section class="apparatus" aria-labelledby="apparatus-heading">\n' +
				'<h2 id="apparatus-heading">Apparatus</h2>\n' +
				'<ol>\n' +
				'<li id="v-1" value="1">forth, <span class="sigla">Nicolay, Hay, Bancroft, Bliss</span>] forth <span class="sigla">Everett</span> ' +
				'<a class="back" href="#v-1-ref" aria-label="Back to variant 1 in the text">↩</a></li>\n' +
				'<li id="v-2" value="2">upon <span class="sigla">Nicolay, Hay, Everett</span>] on <span class="sigla">Bancroft, Bliss</span> ' +
				'<a class="back" href="#v-2-ref" aria-label="Back to variant 2 in the text">↩</a></li>\n' +
				'<li id="v-3" value="3">liberty <span class="sigla">Nicolay</span>] Liberty <span class="sigla">Hay, Everett, Bancroft, Bliss</span> ' +
				'<a class="back" href="#v-3-ref" aria-label="Back to variant 3 in the text">↩</a></li>\n' +
				'</ol>\n' +
				'</section>\n' +
				'<section class="notes" aria-labelledby="notes-heading">\n' +
				'<h2 id="notes-heading">Notes</h2>\n' +
				'<ol class="marked">\n' +
				'<li id="note-upon">\n' +
				'<p class="note-title"><strong>n1. “Upon” &amp; “on”</strong></p>\n' +
				'<p>The <em>fourth</em> copy reads “on”.</p>\n' +
				'<p class="back"><a href="#ref-upon" aria-label="Back to note n1 in the text">↩ Back to the text</a></p>\n' +
				'</li>\n' +
				'</ol>\n' +
				'</section>\n'
		);
	});

	it('is a self-contained page in the base’s language, with the head a reference manager reads', () => {
		expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
		expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
		expect(html).toContain('<title>The Gettysburg Address: five manuscript copies (Pencilmarks)</title>');
		expect(html).toContain(
			'<meta name="citation_title" content="The Gettysburg Address: five manuscript copies">\n' +
				'<meta name="citation_author" content="Abraham Lincoln">\n' +
				'<meta name="citation_date" content="1863-11-19">\n' +
				'<meta name="citation_language" content="en">\n' +
				'<meta name="citation_publisher" content="Pencilmarks">\n' +
				`<meta name="citation_public_url" content="${PERMALINK}">\n`
		);
		expect(html).toContain(
			'<meta name="DC.description" content="Draft-to-final revision history, 19 November 1863: Nicolay copy ' +
				'(first draft) with the readings of Hay copy (second draft), Everett copy, Bancroft copy and Bliss copy (final)">'
		);
		expect(html).toContain('<dt>Everett</dt>\n<dd>Everett copy. Transcription of the Everett copy, the third of the five copies. ');
		expect(html).toContain(`<h2>Cite as</h2>\n<p>“The Gettysburg Address: five manuscript copies,” Draft-to-final revision history, 19 November 1863, Pencilmarks, <a href="${PERMALINK}">${PERMALINK}</a>, accessed 2 December 2026. `);
		expect(html).not.toMatch(/<(script|link|img)\b|src=/);
	});

	it('escapes every text, says an empty reading is omitted, and marks a reading in another language', () => {
		const hostile = apparatusHtml(hostileExcerpt());
		expect(hostile).not.toContain('<script');
		expect(hostile).not.toContain('<b>');
		expect(hostile).toContain(
			'<li id="v-2" value="2">a heading &lt;script&gt;alert(1)&lt;/script&gt; <span class="sigla">A&amp;B</span>] ' +
				'a heading &lt;b&gt;x&lt;/b&gt; <span class="sigla">&lt;B&gt;</span>; <span lang="ru">an item</span> <span class="sigla">C*</span> '
		);
		expect(hostile).toContain('<p class="legend">The text is that of Copy &lt;1&gt;, the base.');
		const excerpt = uponExcerpt();
		const omitted = apparatusHtml({ ...excerpt, places: excerpt.places.slice(1, 2), notes: [] });
		expect(omitted).toContain('<li id="v-1" value="1">, <span class="sigla">Nicolay, Hay, Bancroft, Bliss</span>] <em>omitted</em> <span class="sigla">Everett</span> ');
		// A private comparison has no address to cite.
		expect(hostile).not.toContain('citation_public_url');
	});
});
