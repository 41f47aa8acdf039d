import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders emphasis, strong and inline code', () => {
		expect(renderMarkdown('Hello *world* and **bold**, `code`.')).toBe(
			'<p>Hello <em>world</em> and <strong>bold</strong>, <code>code</code>.</p>'
		);
	});

	it('renders blockquotes and lists', () => {
		expect(renderMarkdown('> quote\n\n- a\n- b\n\n1. c')).toBe(
			'<blockquote>\n<p>quote</p>\n</blockquote>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n' +
				'<ol>\n<li>c</li>\n</ol>'
		);
	});

	it('keeps cite, sup and hard line breaks written in a note', () => {
		expect(renderMarkdown('<cite>Hoover Digest</cite><sup>1</sup> line  \nbreak')).toBe(
			'<p><cite>Hoover Digest</cite><sup>1</sup> line<br />break</p>'
		);
	});

	it('keeps external links and adds rel="noopener noreferrer"', () => {
		expect(renderMarkdown('[ok](https://example.org/a?b=1&c=2 "title")')).toBe(
			'<p><a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">ok</a></p>'
		);
		expect(renderMarkdown('<https://hoover.org/research/martyred-communism>')).toBe(
			'<p><a href="https://hoover.org/research/martyred-communism" rel="noopener noreferrer">' +
				'https://hoover.org/research/martyred-communism</a></p>'
		);
		expect(renderMarkdown('[write](mailto:a@example.org)')).toBe(
			'<p><a href="mailto:a@example.org" rel="noopener noreferrer">write</a></p>'
		);
	});

	it('drops attributes other than href and replaces any rel or target', () => {
		expect(
			renderMarkdown('<a href="https://x.org" onclick="evil()" target="_blank" rel="opener">x</a>')
		).toBe('<p><a href="https://x.org" rel="noopener noreferrer">x</a></p>');
	});

	it('removes javascript: links however they are spelled, keeping the link text', () => {
		expect(renderMarkdown('[js](javascript:alert(1))')).toBe('<p>js</p>');
		expect(renderMarkdown('<a href="javascript:alert(1)">x</a>')).toBe('<p>x</p>');
		expect(renderMarkdown('<a href="JaVaScRiPt:alert(1)">x</a>')).toBe('<p>x</p>');
		expect(renderMarkdown('<a href="java&#x09;script:alert(1)">x</a>')).toBe('<p>x</p>');
		expect(renderMarkdown('<a href="  javascript:alert(1)">x</a>')).toBe('<p>x</p>');
	});

	it('keeps the link after an unsafe one whole, its closing tag included', () => {
		expect(renderMarkdown('[js](javascript:alert(1)) and [ok](https://ok.example).')).toBe(
			'<p>js and <a href="https://ok.example" rel="noopener noreferrer">ok</a>.</p>'
		);
	});

	it('removes data:, protocol-relative, relative and fragment links', () => {
		expect(renderMarkdown('<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>')).toBe('<p>d</p>');
		expect(renderMarkdown('<a href="//evil.example">x</a>')).toBe('<p>x</p>');
		expect(renderMarkdown('<a href="/rel">rel</a> <a href="#frag">frag</a>')).toBe(
			'<p>rel frag</p>'
		);
	});

	it('removes script and style elements with their content', () => {
		expect(renderMarkdown('<script>alert(1)</script>after')).toBe('after');
		expect(renderMarkdown('text<style>p { color: red }</style>')).toBe('<p>text</p>');
		expect(renderMarkdown('<svg><script>alert(1)</script></svg>')).not.toContain('script');
	});

	it('removes event-handler attributes such as onerror, and the elements outside the list', () => {
		expect(renderMarkdown('<img src=x onerror="alert(1)">')).toBe('');
		expect(renderMarkdown('<p onmouseover="x()">p</p>')).toBe('<p>p</p>');
		expect(renderMarkdown('![x](https://example.org/x.png)')).toBe('<p></p>');
		expect(renderMarkdown('<iframe src="https://example.org"></iframe>ok')).toBe('ok');
	});

	it('turns headings into paragraphs and unwraps code blocks', () => {
		expect(renderMarkdown('# Heading\n\n```\ncode block\n```')).toBe(
			'<p>Heading</p>\n<code>code block\n</code>'
		);
	});

	it('escapes text that looks like markup once it is outside a tag', () => {
		expect(renderMarkdown('a < b & "c"')).toBe('<p>a &lt; b &amp; "c"</p>');
	});
});
