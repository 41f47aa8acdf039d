// Word (.docx) to witness text. A .docx is a zip of XML parts; the body is `word/document.xml`,
// where each paragraph is a `<w:p>` and its text sits in the `<w:t>` of its runs (`<w:r>`), split
// wherever the formatting changes. Text in `<w:t>` is exact, spaces included.
//
//   <w:p><w:r><w:t xml:space="preserve">Q. </w:t></w:r><w:r><w:tab/><w:t>Yes.</w:t></w:r></w:p>
//   <w:p><w:r><w:t>A</w:t><w:br/><w:t>B</w:t></w:r></w:p>              ->   Q. \tYes.\n\nA\nB
//
// A document with tracked changes holds two texts, and who made each change. Runs inside `w:del`
// (their text in `w:delText`) and `w:moveFrom` are only in the text before the changes, the
// *original*; runs inside `w:ins` and `w:moveTo` only in the text after them, the *revised*. A
// paragraph mark can be tracked too, in the paragraph's properties: a paragraph whose mark was
// inserted is joined to the next one in the original, one whose mark was deleted in the revised.
//
//   <w:p><w:pPr><w:rPr><w:ins w:author="B"/></w:rPr></w:pPr>
//     <w:r><w:t xml:space="preserve">The </w:t></w:r>
//     <w:del w:author="A" w:date="2024-05-02T09:30:00Z"><w:r><w:delText>sum total</w:delText></w:r></w:del>
//     <w:ins w:author="A" w:date="2024-05-02T09:30:00Z"><w:r><w:t>whole</w:t></w:r></w:ins></w:p>
//   <w:p><w:r><w:t>Next.</w:t></w:r></w:p>
//         ->   original: `The sum totalNext.`    revised: `The whole\n\nNext.`
//
// Both texts are built at once, each by its own `Paragraphs`, and each change is marked in both
// as it goes by, so that its place in each text is known when they are done.

import { Parser } from 'htmlparser2';
import { anchorAt } from '../pipeline/annotate';
import type { Attribution } from '../types';
import { MAX_BYTES } from './check';
import { ImportError } from './errors';
import { Paragraphs, type Mark } from './paragraphs';
import { unzipWithin, ZipError, type Unzipped } from './unzip';

const DOCUMENT = 'word/document.xml';

/** What a run may hold besides text, as the characters Word shows for it. */
const RUN_CHARACTERS = new Map([
	['w:tab', '\t'],
	['w:noBreakHyphen', '\u2011'],
	['w:softHyphen', '\u00ad']
]);

/** Which of the two texts something goes into: a bit each. */
const ORIGINAL = 1;
const REVISED = 2;
const BOTH = ORIGINAL | REVISED;

/** Tracked-change elements, and the text their content (or the paragraph mark they mark) is in. */
const TRACKED = new Map([
	['w:del', ORIGINAL],
	['w:moveFrom', ORIGINAL],
	['w:ins', REVISED],
	['w:moveTo', REVISED]
]);

/** The witness ids that tracked changes' attributions are anchored in, before a page names the
 * texts: the text before the changes, and the text after them. */
export const TRACKED_WITNESSES = { original: 'original', revised: 'revised' } as const;

/** A Word document's two texts, and who made each change between them. */
export interface TrackedChanges {
	/** The text before the changes: deletions kept, insertions left out (Word's "Reject All"). */
	original: string;
	/** The text after them: insertions kept, deletions left out ("Accept All"). */
	revised: string;
	/**
	 * One for each change Word tracked (a deletion and the insertion that replaces it, by the same
	 * author at the same time, are one), in document order: `hand` is its `w:author`, `date` its
	 * `w:date`, and `file` the name of the file. Each is anchored by a quote in the witness
	 * `original` or `revised` (`TRACKED_WITNESSES`), of the words the change struck or added, so
	 * that it lands on that change once the texts are compared (`placeAttributions`).
	 */
	attributions: Attribution[];
	/** What the user should know about reading the document as these two texts. */
	warnings: string[];
}

export interface DocxText {
	/** The document's text; with tracked changes, as if they were accepted (`revised`). */
	text: string;
	/** What the user should know about `text`. */
	warnings: string[];
	/** The two texts and their changes, when the document has tracked changes that change its text. */
	tracked?: TrackedChanges;
}

/** A tracked change: who made it, when, and where it stands in each text, `[start, end)`. */
interface Revision {
	author?: string;
	date?: string;
	original: [number, number];
	revised: [number, number];
}

/**
 * The text of a Word document's body: each paragraph separated by a blank line (empty ones
 * dropped), `w:tab` a tab, `w:br` and `w:cr` a newline, tracked changes accepted; and, when it
 * has tracked changes, the text before them too and who made each (`tracked`). Footnotes,
 * comments, headers and footers are other parts of the zip, and are not read.
 */
export function docxText(file: string, bytes: Uint8Array): DocxText {
	const notWord = (why: string) =>
		new ImportError(file, `the file is not a Word document (.docx): ${why}`);
	let zip: Unzipped;
	try {
		// The document's XML holds more than its text, but never more than a text's limit over.
		const words = 'per text';
		const limits = { entry: MAX_BYTES, total: MAX_BYTES, entryWords: words, totalWords: words };
		zip = unzipWithin(bytes, limits, (name) => name === DOCUMENT);
	} catch (e) {
		if (!(e instanceof ZipError)) throw e;
		// A zip bomb is a Word document only by its name: say what is wrong with the zip.
		throw e.entry ? new ImportError(file, e.problem) : notWord(e.problem);
	}
	const xml = zip.files[DOCUMENT];
	if (!xml) throw notWord(`the zip archive has no ${DOCUMENT}`);

	// Word writes UTF-8; the XML declaration allows UTF-16, which nothing writes.
	const body = readBody(new TextDecoder().decode(xml));
	const text = body.revised;
	const warnings: string[] = [];
	if (!body.ended || zip.cutOff.length) {
		// Its last words, from a word's start, so that the reader can find where it stops.
		const flat = text.replace(/\s+/g, ' ').trimEnd();
		const last = flat.length > 40 ? flat.slice(-40).replace(/^\S*\s+/, '') : flat;
		warnings.push(
			`The document is cut off: ${DOCUMENT} stops before its end, so only its text up to ` +
				`“…${last}” was read. Open it in Word and save it again to read the rest, if Word can.`
		);
	}
	if (!body.tracked) return { text, warnings };

	const accepted =
		'The document has tracked changes: it was read as if they were accepted (deleted ' +
		'text left out, inserted text kept).';
	const result: DocxText = { text, warnings: [...warnings, accepted] };
	const { original, revised } = body;
	const attributions = attribute(file, body);
	// Two texts to compare, when the changes made a difference and left words on both sides.
	if (original !== revised && original.trim() && revised.trim() && attributions.length) {
		result.tracked = { original, revised, attributions, warnings };
	}
	return result;
}

/** A document's body read: its two texts, its tracked changes, and whether it had any. */
interface Body {
	original: string;
	revised: string;
	revisions: Revision[];
	/** Whether the document has tracked-change elements at all, text or not. */
	tracked: boolean;
	/** Whether the body's end was seen: a document cut off short still parses, in part. */
	ended: boolean;
}

/** Reads `word/document.xml` into both texts at once, marking each tracked change in both. */
function readBody(xml: string): Body {
	const original = new Paragraphs();
	const revised = new Paragraphs();
	/** Calls `act` with the builder of each text in `texts` (a mask of ORIGINAL and REVISED). */
	const each = (texts: number, act: (out: Paragraphs) => void) => {
		if (texts & ORIGINAL) act(original);
		if (texts & REVISED) act(revised);
	};
	type Marked = { attributes: Record<string, string>; original: Mark[]; revised: Mark[] };
	const open = (attributes: Record<string, string>): Marked => ({
		attributes,
		original: [original.mark()],
		revised: [revised.mark()]
	});
	const close = (change: Marked) => {
		change.original.push(original.mark());
		change.revised.push(revised.mark());
	};

	/** The open elements: each with the texts its content goes into, and its tracked change. */
	const stack: { name: string; texts: number; change?: Marked }[] = [];
	/** For each open paragraph, the tracked change of its mark, and which text keeps the mark. */
	const paragraphs: { mark?: { attributes: Record<string, string>; keeps: number } }[] = [];
	const changes: Marked[] = [];
	let runs = 0;
	let texts = 0;
	let tracked = false;
	let ended = false;
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				const parent = stack.at(-1);
				let into = parent?.texts ?? BOTH;
				let change: Marked | undefined;
				const keeps = TRACKED.get(name);
				// The fallback copy of a text box that Word writes for old readers beside the modern
				// one (`mc:Fallback`) would give its text twice.
				if (name === 'mc:Fallback') into = 0;
				else if (keeps !== undefined) {
					tracked = true;
					// In a paragraph's properties, the change marks its paragraph mark. A table row's
					// (`w:trPr`) says nothing of the text: its cells' runs are tracked themselves.
					if (parent?.name === 'w:rPr') {
						if (stack.at(-2)?.name === 'w:pPr' && paragraphs.length && into) {
							paragraphs[paragraphs.length - 1].mark = { attributes, keeps };
						}
					} else if (parent?.name !== 'w:trPr') {
						if (into) changes.push((change = open(attributes)));
						into &= keeps;
					}
				}
				stack.push({ name, texts: into, change });
				if (!into) return;
				if (name === 'w:p') paragraphs.push({});
				else if (name === 'w:r') runs++;
				else if (name === 'w:t' || name === 'w:delText') texts++;
				// `w:tab` and `w:br` also occur outside runs, as tab stops and in settings.
				else if (runs && RUN_CHARACTERS.has(name)) {
					each(into, (out) => out.verbatim(RUN_CHARACTERS.get(name)!));
				} else if (runs && (name === 'w:br' || name === 'w:cr')) {
					each(into, (out) => out.lineBreak());
				}
			},
			ontext(text) {
				const into = stack.at(-1)?.texts ?? 0;
				if (texts && into) each(into, (out) => out.verbatim(text));
			},
			onclosetag(name, implied) {
				// At the end of the input the parser closes what is still open, `implied`.
				if (name === 'w:body' && !implied) ended = true;
				const { texts: into, change } = stack.pop()!;
				if (change) close(change);
				if (!into) return;
				if (name === 'w:r') runs--;
				else if (name === 'w:t' || name === 'w:delText') texts--;
				else if (name === 'w:p') {
					// A tracked paragraph mark is a change from the end of the paragraph to the start
					// of the next, in the text that keeps the mark.
					const { mark } = paragraphs.pop()!;
					const changed = mark && open(mark.attributes);
					each(into & (mark?.keeps ?? BOTH), (out) => out.paragraphBreak());
					if (changed) {
						close(changed);
						changes.push(changed);
					}
				}
			}
		},
		{ xmlMode: true, decodeEntities: true }
	);
	parser.end(xml);
	const [before, after] = [original.text(), revised.text()];
	const body: Body = { original: before, revised: after, revisions: [], tracked, ended };
	// The marks have their offsets now that the texts are done.
	const span = ([start, end]: Mark[]): [number, number] => [start.offset, end.offset];
	for (const { attributes, original: o, revised: r } of changes) {
		const revision: Revision = { original: span(o), revised: span(r) };
		if (attributes['w:author']) revision.author = attributes['w:author'];
		if (attributes['w:date']) revision.date = attributes['w:date'];
		body.revisions.push(revision);
	}
	return body;
}

/**
 * One attribution for each tracked change that changes the text, anchored where it shows. A
 * deletion and the insertion that replaces it (Word writes a replacement as the two, side by
 * side) are one change to a reader, and one here when the same author made them at the same time.
 */
function attribute(file: string, { original, revised, revisions }: Body): Attribution[] {
	const merged: Revision[] = [];
	for (const revision of revisions) {
		const last = merged.at(-1);
		const touches =
			last?.original[1] === revision.original[0] && last.revised[1] === revision.revised[0];
		if (last && touches && last.author === revision.author && last.date === revision.date) {
			last.original = [last.original[0], revision.original[1]];
			last.revised = [last.revised[0], revision.revised[1]];
		} else merged.push({ ...revision });
	}
	const attributions: Attribution[] = [];
	for (const { author, date, original: o, revised: r } of merged) {
		const anchor =
			anchorOf(original, o, TRACKED_WITNESSES.original) ??
			anchorOf(revised, r, TRACKED_WITNESSES.revised) ??
			spaceAnchor(original, o, revised, r);
		if (!anchor) continue;
		const attribution: Attribution = { anchor };
		if (author) attribution.hand = author;
		if (date) attribution.date = date;
		attribution.file = file;
		attributions.push(attribution);
	}
	return attributions;
}

/** An anchor for the words in `text` within `[start, end)`, without the white space at its ends. */
function anchorOf(text: string, [start, end]: [number, number], witness: string) {
	const words = text.slice(start, end);
	const from = start + (words.length - words.trimStart().length);
	const to = end - (words.length - words.trimEnd().length);
	return from < to ? anchorAt(text, from, to, witness) : null;
}

/**
 * An anchor for a change of white space only: a paragraph split or joined, a space added between
 * two words. The quote is the word on either side of it, in the text where it is wider, which
 * holds no other change. Null when the change is of the shape of white space alone (a second
 * space beside a first, an empty paragraph added), which a comparison does not show.
 */
function spaceAnchor(original: string, o: [number, number], revised: string, r: [number, number]) {
	const around = (text: string, [start, end]: [number, number]) => {
		while (start > 0 && /\s/.test(text[start - 1])) start--;
		while (end < text.length && /\s/.test(text[end])) end++;
		return [start, end] as [number, number];
	};
	const shape = (space: string) => (space === '' ? '' : /\n[\t ]*\n/.test(space) ? '\n\n' : ' ');
	const [os, oe] = around(original, o);
	const [rs, re] = around(revised, r);
	if (shape(original.slice(os, oe)) === shape(revised.slice(rs, re))) return null;
	const [text, [start, end], witness] =
		oe - os >= re - rs
			? [original, [os, oe], TRACKED_WITNESSES.original]
			: [revised, [rs, re], TRACKED_WITNESSES.revised];
	let from = start;
	let to = end;
	while (from > 0 && /\S/.test(text[from - 1])) from--;
	while (to < text.length && /\S/.test(text[to])) to++;
	return anchorAt(text, from, to, witness);
}
