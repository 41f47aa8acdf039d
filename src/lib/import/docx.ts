// Word (.docx) to witness text. A .docx is a zip of XML parts; the body is `word/document.xml`,
// where each paragraph is a `<w:p>` and its text sits in the `<w:t>` of its runs (`<w:r>`), split
// wherever the formatting changes. Text in `<w:t>` is exact, spaces included.
//
//   <w:p><w:r><w:t xml:space="preserve">Q. </w:t></w:r><w:r><w:tab/><w:t>Yes.</w:t></w:r></w:p>
//   <w:p><w:r><w:t>A</w:t><w:br/><w:t>B</w:t></w:r></w:p>              ->   Q. \tYes.\n\nA\nB

import { Parser } from 'htmlparser2';
import { MAX_BYTES } from './check';
import { ImportError } from './errors';
import { Paragraphs } from './paragraphs';
import { unzipWithin, ZipError, type Unzipped } from './unzip';

const DOCUMENT = 'word/document.xml';

/** What a run may hold besides text, as the characters Word shows for it. */
const RUN_CHARACTERS = new Map([
	['w:tab', '\t'],
	['w:noBreakHyphen', '\u2011'],
	['w:softHyphen', '\u00ad']
]);

/**
 * Content left out: tracked deletions and moves away (their text is in `w:delText`, or `w:t`
 * inside `w:moveFrom`), and the fallback copy of a text box that Word writes for old readers
 * beside the modern one (`mc:Fallback`), which would give its text twice.
 */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'mc:Fallback']);

/** Tracked-change elements: their presence means the text is read with changes accepted. */
const TRACKED = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);

export interface DocxText {
	text: string;
	warnings: string[];
}

/**
 * The text of a Word document's body: each paragraph separated by a blank line (empty ones
 * dropped), `w:tab` a tab, `w:br` and `w:cr` a newline, tracked changes accepted. Footnotes,
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

	const out = new Paragraphs();
	const warnings: string[] = [];
	// For each open element, whether its content is left out.
	const skipped: boolean[] = [];
	let runs = 0;
	let texts = 0;
	let tracked = false;
	/** Whether the body's end was seen: a document cut off short still parses, in part. */
	let ended = false;
	const parser = new Parser(
		{
			onopentag(name) {
				const skip = skipped.at(-1) || SKIPPED.has(name);
				skipped.push(skip);
				if (TRACKED.has(name)) tracked = true;
				if (skip) return;
				if (name === 'w:r') runs++;
				else if (name === 'w:t') texts++;
				// `w:tab` and `w:br` also occur outside runs, as tab stops and in settings.
				else if (runs && RUN_CHARACTERS.has(name)) out.verbatim(RUN_CHARACTERS.get(name)!);
				else if (runs && (name === 'w:br' || name === 'w:cr')) out.lineBreak();
			},
			ontext(text) {
				if (texts && !skipped.at(-1)) out.verbatim(text);
			},
			onclosetag(name, implied) {
				// At the end of the input the parser closes what is still open, `implied`.
				if (name === 'w:body' && !implied) ended = true;
				if (skipped.pop()) return;
				if (name === 'w:r') runs--;
				else if (name === 'w:t') texts--;
				else if (name === 'w:p') out.paragraphBreak();
			}
		},
		{ xmlMode: true, decodeEntities: true }
	);
	// Word writes UTF-8; the XML declaration allows UTF-16, which nothing writes.
	parser.end(new TextDecoder().decode(xml));
	const text = out.text();
	if (!ended || zip.cutOff.length) {
		// Its last words, from a word's start, so that the reader can find where it stops.
		const flat = text.replace(/\s+/g, ' ').trimEnd();
		const last = flat.length > 40 ? flat.slice(-40).replace(/^\S*\s+/, '') : flat;
		warnings.push(
			`The document is cut off: ${DOCUMENT} stops before its end, so only its text up to ` +
				`“…${last}” was read. Open it in Word and save it again to read the rest, if Word can.`
		);
	}
	if (tracked) {
		warnings.push(
			'The document has tracked changes: it was read as if they were accepted (deleted ' +
				'text left out, inserted text kept).'
		);
	}
	return { text, warnings };
}
