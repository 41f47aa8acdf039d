// What a note may contain once rendered: the elements and link schemes the page allows. One list,
// asked by the sanitizer that renders notes (markdown.ts) and by the exports that write notes in
// another markup (export/markdown.ts), so that an export never lets through what the page drops.

/** Elements a rendered note may contain; anything else is dropped and its text kept. */
export const NOTE_TAGS = [
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
];

/** Elements dropped with their content: their text is not prose (sanitize-html's default). */
export const NOTE_DROPPED = ['script', 'style', 'textarea', 'option', 'noscript'];

/** Link schemes a note may use (the names, as sanitize-html takes them). */
export const NOTE_SCHEMES = ['http', 'https', 'mailto'];

/**
 * Whether a link may be kept. Relative and fragment links are dropped too: a note is shown on
 * several pages (the case, an export), where a relative link would point somewhere else.
 */
export const safeHref = (href: string) => /^(?:https?:\/\/|mailto:)/i.test(href.trim());
