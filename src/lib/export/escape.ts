// Escaping shared by the formats: for the markup formats (HTML and TEI), every character that
// could end a text node or an attribute value, so any text may go in either; for every format, the
// name of the file it is downloaded as.

const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/**
 * Characters XML 1.0 cannot hold at all, not even as a reference: C0 controls other than tab and
 * line breaks (a form feed from a pasted document), U+FFFE and U+FFFF, and unpaired surrogates.
 */
const notXml =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for an XML or HTML text node or a quoted attribute value. A character XML cannot
 * hold becomes U+FFFD, the replacement character, so the document stays well-formed.
 */
export function escapeXml(text: string): string {
	return text.replace(notXml, '\uFFFD').replace(/[&<>"']/g, (c) => entities[c]);
}

/**
 * The start of an export's file name, from the case's slug: `bukharin-1938`. The slug is a folder
 * name already; this only guards the file name against anything else.
 */
export function fileStem(slug: string): string {
	return slug.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'pencilmarks';
}
