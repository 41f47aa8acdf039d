import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { NOTE_DROPPED, NOTE_SCHEMES, NOTE_TAGS, safeHref } from './note-rules';

// Notes are Markdown written by scholars (and, later, pasted by users). Markdown lets raw HTML
// through, so the output of `marked` is never trusted: it goes through sanitize-html with a small
// allow-list, and `renderMarkdown` is the only way the app turns Markdown into HTML.

const marked = new Marked({ gfm: true, breaks: false, async: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
	allowedTags: NOTE_TAGS,
	allowedAttributes: { a: ['href', 'rel'] },
	allowedSchemes: NOTE_SCHEMES,
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	// Disallowed tags are dropped but their text is kept (`<u>x</u>` reads "x"); `script`, `style`
	// and the like lose their content as well.
	disallowedTagsMode: 'discard',
	nonTextTags: NOTE_DROPPED,
	transformTags: {
		// A heading inside a note would compete with the page's own headings: keep it as a paragraph.
		...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, 'p'])),
		a: (tagName, attribs): sanitizeHtml.Tag => {
			const href = (attribs.href ?? '').trim();
			return { tagName, attribs: safeHref(href) ? { href, rel: 'noopener noreferrer' } : {} };
		}
	},
	// A link without a safe target loses its tag and keeps its words, so "[see](javascript:…)"
	// reads "see" and is not a dead link. (Renaming it to a tag outside the allow-list instead
	// would leave sanitize-html renaming the closing tag of the next link at the same depth.)
	exclusiveFilter: (frame) => (frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false)
};

/** Render a note's Markdown to HTML that is safe to `{@html}`: only the allow-list survives. */
export function renderMarkdown(md: string): string {
	const html = marked.parse(md, { async: false });
	return sanitizeHtml(html, sanitizeOptions).trim();
}
