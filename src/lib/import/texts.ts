// A file that holds several witness texts at once: an excerpt exported as JSON (a pair, or an
// apparatus of any number of witnesses) or a TEI apparatus that names its witnesses. Its readers
// give every text, each with its name; the Compare page takes them all (own-comparison.svelte.ts).

/** One of the texts a file holds. */
export interface ImportedText {
	/** What the file calls it: a witness's label, or its siglum. */
	label: string;
	text: string;
	/** Its BCP 47 language tag, where the file gives one. */
	language?: string;
}

/**
 * What a reader that takes one text from such a file is told: which it is, and what else is there.
 * `The excerpt holds two texts: this is “As spoken”; the other is “As published”.`
 */
export function heldTexts(holder: string, texts: ImportedText[]): string {
	const [first, ...others] = texts.map((t) => `“${t.label}”`);
	const count = others.length === 1 ? 'two texts' : `${texts.length} texts`;
	const rest =
		others.length === 1
			? `the other is ${others[0]}`
			: `the others are ${others.slice(0, -1).join(', ')} and ${others.at(-1)}`;
	return `${holder} holds ${count}: this is ${first}; ${rest}.`;
}
