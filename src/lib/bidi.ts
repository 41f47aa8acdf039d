// Right-to-left and other directional controls in a reader's strings. A label or a file name may
// hold U+202E (RIGHT-TO-LEFT OVERRIDE) or U+2067 (RIGHT-TO-LEFT ISOLATE), whether from a
// right-to-left language or to disguise a file ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf").
// The pages isolate every such string (`<bdi>`, `dir="auto"`), so that it cannot reorder the words
// around it, and file names, which must read as they are, show their controls as visible marks.

/** The characters that change the direction of the text after them. */
const controls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `invoice\u202Efdp.exe` -> `invoice[U+202E]fdp.exe`: each directional control as a mark. */
export function showControls(name: string): string {
	return name.replace(controls, (c) => {
		const code = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
		return `[U+${code}]`;
	});
}
