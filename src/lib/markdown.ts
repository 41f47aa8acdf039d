import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Notes are Markdown written by scholars (and, later, pasted by users). Markdown lets raw HTML
// through, so the output of `marked` is never trusted: it goes through sanitize-html with a small
// allow-list, and `renderMarkdown` is the only way the app turns Markdown into HTML.

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Link schemes a note may use. Relative and fragment links are dropped too: a note is shown on
 * several pages (the case, an export), where a relative link would point somewhere else. */
const safeHref = /^(?:https?:\/\/|mailto:)/i;

const sanitizeOptions: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'em',
		'strong',
		'a',
		'blockquote',
		'code',
		'ul',
		'ol',
		'li',
		'cite',
		'sup',
		'br'
	],
	allowedAttributes: { a: ['href', 'rel'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	// Disallowed tags are dropped but their text is kept (`<u>x</u>` reads "x"); `script`, `style`
	// and the like lose their content as well, by sanitize-html's default `nonTextTags`.
	disallowedTagsMode: 'discard',
	transformTags: {
		// A heading inside a note would compete with the page's own headings: keep it as a paragraph.
		...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, 'p'])),
		a: (tagName, attribs): sanitizeHtml.Tag => {
			const href = (attribs.href ?? '').trim();
			// Renaming a link without a safe target to a tag outside the allow-list drops the tag
			// and keeps its words, so "[see](javascript:…)" reads "see" and is not a dead link.
			if (!safeHref.test(href)) return { tagName: 'unsafe-link', attribs: {} };
			return { tagName, attribs: { href, rel: 'noopener noreferrer' } };
		}
	}
};

/** Render a note's Markdown to HTML that is safe to `{@html}`: only the allow-list survives. */
export function renderMarkdown(md: string): string {
	const html = marked.parse(md, { async: false });
	return sanitizeHtml(html, sanitizeOptions).trim();
}
