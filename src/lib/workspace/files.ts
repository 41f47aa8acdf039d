// A workspace as files: JSON that keeps all of it, and a corpus case (a folder, zipped) that drops
// into corpus/ as it is. Pure: runs in the browser and in Node.
//
// The case format is corpus/README.md's, read by ../corpus/parse.ts (the parser the corpus loader
// uses too, so a zipped case is refused for the same reasons and in the same words,
// `<file>:<line>: <problem>`, with paths inside the zip) and written by ../corpus/write.ts. This
// file maps a workspace to a case and back, and checks the parser's rules before writing.
//
// What a case does not hold, and so does not come back from a zip:
// - the view mode (it comes back as `marks`), and whether three texts or more are read two at a
//   time (they come back read all at once);
// - an empty kind of comparison, written `kind: Comparison` because the loader requires one, and
//   read back as empty;
// - a text's language, when it is the base text's: the case's `language` is the base's, and a
//   text in another gives its own (`language:` in its section);
// - line breaks and surrounding spaces in one-line fields (title, labels, people, summary,
//   source, rights, note titles): each run of whitespace with a line break in it becomes a space;
// - an empty list of people, written `person: Not recorded` because the loader requires one, and
//   read back as an empty list;
// - a text's origin other than a file name or `pasted` (an empty origin comes back `pasted`), and
//   the encoding of a pasted text;
// - in notes, leading blank lines, trailing whitespace and CRs at line ends (the loader drops
//   them); and a note's id, when the ids would not sort in the notes' order: the files are then
//   numbered (`01-note-1.md`) so that the corpus shows them in order, and the number stays in the
//   id;
// - blank entries in the list of people;
// - which Word document an attribution was read from (its `file`); and a cause's id, which is
//   made from its words (`workspaceCauses`), while the workspace keeps only the words.
//
// A case written by hand (a folder from corpus/, zipped) is read too, with more left behind: the
// folder name, translators, source urls, and which source each text cites (the citations of the
// sources the texts use are joined into `meta.source`); each text's origin is its file, read as
// UTF-8.

import { zipSync } from 'fflate';
import {
	isId,
	isIsoDate,
	isIsoDateTime,
	isNoteId,
	lineAt,
	noteMarkdown,
	parseCase,
	witnessTextProblem
} from '../corpus/parse';
import { headerAnchor, oneLine, writeCase } from '../corpus/write';
import { languageProblem } from '../language';
import { quotePlaces } from '../pipeline/annotate';
import { isMarkdown } from '../pipeline/brackets';
import { showControls } from '../bidi';
import { MAX_BYTES } from '../import/check';
import { unzipWithin, ZipError } from '../import/unzip';
import { DEFAULT_KIND, kindOf, slugify, uniqueId, workspaceCauses } from './defaults';
import { copyWorkspace, workspaceProblem, type SavedWorkspace } from './schema';
import type { NoteAnchor } from '../types';
import type { Workspace, WorkspaceAttribution, WorkspaceNote, WorkspaceText } from './types';

// ---------------------------------------------------------------------------------------------
// JSON: the whole workspace

const format = 'pencilmarks-workspace';
/** Version 2 gives each text its language; version 1 had one, in `meta`, and is still read (with
 * or without the attributions and the texts' `lines`, which came within it). */
const version = 2;

/** The workspace as JSON, tab-indented, tagged with its format and version. */
export function workspaceToJson(ws: Workspace): string {
	return JSON.stringify({ format, version, ...copyWorkspace(ws) }, null, '\t') + '\n';
}

/** A workspace from `workspaceToJson`'s output; throws an Error that names what is wrong. */
export function workspaceFromJson(text: string): Workspace {
	let value: unknown;
	try {
		// Some editors save JSON with a byte order mark; it is not part of the data.
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		throw new Error('This file is not a Pencilmarks workspace: it is not valid JSON.');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new Error('This file is not a Pencilmarks workspace: it holds no JSON object.');
	}
	const { format: f, version: v, ...rest } = value as Record<string, unknown>;
	if (f !== format) {
		throw new Error(
			`This file is not a Pencilmarks workspace: its "format" is ${JSON.stringify(f) ?? 'missing'}, ` +
				`not "${format}".`
		);
	}
	if (v !== 1 && v !== version) {
		throw new Error(
			`This workspace has "version" ${JSON.stringify(v) ?? 'missing'}; ` +
				`this Pencilmarks reads versions 1 and ${version}.`
		);
	}
	const problem = workspaceProblem(rest);
	if (problem) throw new Error(`This file is not a Pencilmarks workspace: ${problem}.`);
	return copyWorkspace(rest as unknown as SavedWorkspace);
}

// ---------------------------------------------------------------------------------------------
// What the writer puts in a case, and the reader recognises

const noPeople = 'Not recorded';
const ownSource = 'own';
const noSource = 'Supplied by the person who made this comparison.';
const pastedDescription = 'Pasted text.';

// ---------------------------------------------------------------------------------------------
// Writing a case

/** The description that records where a text came from; `origin` reads it back. */
function describe(text: WorkspaceText): string {
	const origin = oneLine(text.origin);
	if (origin === '' || origin === 'pasted') return pastedDescription;
	const encoding = text.encoding ? oneLine(text.encoding) : '';
	return encoding ? `From the file ${origin}, read as ${encoding}.` : `From the file ${origin}.`;
}

/**
 * Each note's file name (without `.md`): its id when the loader accepts it, and when the ids sort
 * in the notes' order, since the corpus shows notes in file-name order; otherwise numbered.
 * Compared without case, as unzipping on macOS or Windows would.
 */
function noteNames(notes: WorkspaceNote[]): string[] {
	const taken = new Set<string>();
	const names = notes.map((note) => {
		const base = isNoteId(note.id) ? note.id : slugify(note.id, 'note');
		let name = base;
		for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
		taken.add(name.toLowerCase());
		return name;
	});
	const files = names.map((name) => name + '.md');
	if (files.every((file, i) => i === 0 || files[i - 1] < file)) return names;
	const digits = Math.max(2, String(notes.length).length);
	return names.map((name, i) => `${String(i + 1).padStart(digits, '0')}-${name}`);
}

/** The file name of each text: `<id>.txt`, except that a text called `case` must not take the
 * place of case.txt. */
function textFiles(texts: WorkspaceText[]): string[] {
	const ids = texts.map((t) => t.id);
	return ids.map((id) => (id === 'case' ? uniqueId('case', [...ids, 'case']) : id) + '.txt');
}

/**
 * What stops the workspace from being written as a case the loader accepts, each problem a
 * sentence that names the text, note or field; empty when there is none.
 */
export function caseProblems(ws: Workspace): string[] {
	const problems: string[] = [];
	const { meta } = ws;
	const need = (value: string, what: string) => {
		if (oneLine(value) === '') problems.push(`The ${what} is empty.`);
	};
	need(meta.title, 'title');
	if (meta.date.trim() === '') {
		problems.push('The date is empty: give the date of the event as YYYY-MM-DD.');
	} else if (!isIsoDate(meta.date.trim())) {
		problems.push(`The date “${meta.date}” is not a date written as YYYY-MM-DD (1938-03-12).`);
	}
	need(meta.summary, 'summary');
	need(meta.rights, 'rights statement');

	const name = (t: WorkspaceText) => `“${oneLine(t.label) || t.id}”`;
	if (ws.texts.length < 2) {
		problems.push(`A case needs at least two texts; this comparison has ${ws.texts.length}.`);
	}
	const seen = new Set<string>();
	for (const text of ws.texts) {
		if (!isId(text.id)) {
			problems.push(
				`The text ${name(text)} has the id “${text.id}”: ids are lowercase letters, ` +
					'digits and hyphens.'
			);
		} else if (seen.has(text.id)) {
			problems.push(`Two texts have the id “${text.id}”.`);
		}
		seen.add(text.id);
		if (oneLine(text.label) === '') problems.push(`The text “${text.id}” has no label.`);
		const language = languageProblem(text.language);
		if (language) problems.push(`The text ${name(text)}: ${language}`);
		const refused = textProblem(text.text);
		if (refused) problems.push(`The text ${name(text)} ${refused}.`);
		if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text.text)) {
			problems.push(`The text ${name(text)} holds a broken character (a lone surrogate).`);
		}
	}
	const byId = (id: string) => ws.texts.find((t) => t.id === id);
	for (const [role, id] of [
		['base', ws.base],
		['target', ws.target]
	]) {
		if (!byId(id))
			problems.push(`The ${role} of the comparison, “${id}”, is not one of the texts.`);
	}
	if (ws.base === ws.target) problems.push('The comparison compares a text with itself.');

	/** What is wrong with the passage an anchor quotes, said after `named`, or null. */
	const quoteProblem = (named: string, anchor: NoteAnchor) => {
		const witness = byId(anchor.witness);
		if (!witness) return `${named} quotes “${anchor.witness}”, which is not one of the texts.`;
		const wanted = headerAnchor(anchor);
		if (wanted.quote === '') return `${named} has an empty quote.`;
		const found = quotePlaces(witness.text, wanted).length;
		if (found === 0) return `${named} quotes a passage that is not in the text ${name(witness)}.`;
		if (found === 1) return null;
		return (
			`${named} quotes a passage found ${found} times in the text ${name(witness)}: ` +
			'select more of it, so that it is found once.'
		);
	};
	for (const note of ws.notes) {
		const title = oneLine(note.title);
		const named = title ? `The note “${title}”` : `The note “${note.id}”`;
		if (!title) problems.push(`The note “${note.id}” has no title.`);
		if (noteMarkdown(note.markdown) === '') problems.push(`${named} has no text.`);
		const problem = note.anchor && quoteProblem(named, note.anchor);
		if (problem) problems.push(problem);
	}
	for (const attribution of ws.attributions) {
		const named = `The attribution on “${clip(oneLine(attribution.anchor.quote))}”`;
		const { hand, cause, date, anchor } = attribution;
		if (!oneLine(hand ?? '') && !oneLine(cause ?? '')) {
			problems.push(`${named} says neither who made the change nor why.`);
		}
		if (date && !isIsoDate(date) && !isIsoDateTime(date)) {
			problems.push(`${named} has the date “${date}”, not written as YYYY-MM-DD.`);
		}
		// A case's changes are those of the pair it compares.
		if (byId(anchor.witness) && anchor.witness !== ws.base && anchor.witness !== ws.target) {
			problems.push(`${named} quotes “${anchor.witness}”, which is not one of the two texts compared.`);
			continue;
		}
		const problem = quoteProblem(named, anchor);
		if (problem) problems.push(problem);
	}
	return problems;
}

/** A quote as a message names it: its first 40 characters. */
function clip(quote: string): string {
	return quote.length > 40 ? `${quote.slice(0, 39).trimEnd()}…` : quote;
}

/** Why the loader would refuse a witness text, said after "The text “…”", or null. A text is
 * written as UTF-8, so a U+FEFF first becomes a byte order mark, which the loader refuses. */
function textProblem(text: string): string | null {
	if (text.charCodeAt(0) === 0xfeff) {
		return 'starts with a byte order mark (an invisible U+FEFF): remove it';
	}
	const nul = text.indexOf('\0');
	if (nul >= 0) return `holds a NUL character (line ${lineAt(text, nul)}): is it a binary file?`;
	const refused = witnessTextProblem(text);
	if (!refused) return null;
	return {
		empty: 'is empty',
		'only-gaps': 'has only gaps, no words',
		'gap-marker':
			`has a gap marker that is not a paragraph of its own (line ${refused.line}): ` +
			'put a blank line before and after {gap}'
	}[refused.kind];
}

/**
 * The workspace as a corpus case: relative paths (`<slug>/case.txt`, `<slug>/<id>.txt`,
 * `<slug>/notes/<note>.md`) to their contents. The slug comes from the title. Throws an Error
 * listing `caseProblems` when the loader would refuse the case.
 */
export function workspaceToCaseFiles(ws: Workspace): Record<string, string> {
	const problems = caseProblems(ws);
	if (problems.length > 0) {
		throw new Error(`This comparison cannot be written as a corpus case. ${problems.join(' ')}`);
	}
	const { meta } = ws;
	const slug = slugify(meta.title, 'comparison');
	const people = meta.people.map(oneLine).filter((p) => p !== '');
	const names = textFiles(ws.texts);
	// The case is in the base text's language; a text in another says so.
	const language = ws.texts.find((t) => t.id === ws.base)!.language.trim();
	const causes = workspaceCauses(ws.attributions);
	const files = writeCase({
		title: meta.title,
		date: meta.date,
		people: people.length > 0 ? people : [noPeople],
		language,
		summary: meta.summary,
		kind: kindOf(meta.kind),
		rights: meta.rights,
		// Read as the Compare page reads the texts: brackets as an editor's, but in Markdown.
		...(ws.texts.every((t) => isMarkdown(t.text)) ? {} : { brackets: 'editorial' as const }),
		sources: [{ id: ownSource, citation: oneLine(meta.source) || noSource }],
		witnesses: ws.texts.map((text, i) => ({
			id: text.id,
			label: text.label,
			description: describe(text),
			source: ownSource,
			text: text.text,
			file: names[i],
			...(text.language.trim() !== language ? { language: text.language.trim() } : {}),
			...(text.lines ? { lines: 'kept' as const } : {})
		})),
		comparison: { base: ws.base, target: ws.target },
		notes: noteNames(ws.notes).map((name, i) => ({ ...ws.notes[i], id: name, file: `notes/${name}.md` })),
		causes,
		attributions: ws.attributions.map(({ anchor, hand, cause, cert, date }) => ({
			anchor,
			hand,
			cause: causes.find((c) => c.label === cause)?.id,
			cert,
			date
		}))
	});
	return Object.fromEntries(Object.entries(files).map(([file, text]) => [`${slug}/${file}`, text]));
}

/** The case as a zip of its folder, ready to unpack into corpus/. */
export function workspaceToZip(ws: Workspace): Uint8Array {
	const encoder = new TextEncoder();
	const files = workspaceToCaseFiles(ws);
	return zipSync(
		Object.fromEntries(Object.entries(files).map(([file, text]) => [file, encoder.encode(text)]))
	);
}

// ---------------------------------------------------------------------------------------------
// Reading a case

/**
 * What a zipped case may unpack to: each file no more than a text may be, and the whole no more
 * than four texts at that limit (a case's notes and metadata are small).
 */
export const CASE_ZIP_LIMITS = {
	entry: MAX_BYTES,
	total: 4 * MAX_BYTES,
	entryWords: 'per file',
	totalWords: 'for a whole case'
};

/** A zip holding one case folder (or a case's files at its top) as a workspace. Throws an Error
 * as the loader would, `<file>:<line>: <problem>`, for a case it would refuse. */
export function workspaceFromZip(bytes: Uint8Array): Workspace {
	let entries: Record<string, Uint8Array>;
	try {
		const zip = unzipWithin(bytes, CASE_ZIP_LIMITS, (p) => !p.startsWith('__MACOSX/'));
		const [cut] = zip.cutOff;
		if (cut) throw new ZipError(`“${showControls(cut)}” in it is cut off`, cut);
		entries = zip.files;
	} catch (error) {
		if (!(error instanceof ZipError)) throw error;
		if (!error.entry) throw new Error('This file is not a zip archive, or it is damaged.');
		throw new Error(`This zip cannot be imported: ${error.problem}.`);
	}
	// Folders are entries ending in `/`; macOS adds a __MACOSX folder of resource forks.
	const paths = Object.keys(entries).filter((p) => !p.endsWith('/') && !p.startsWith('__MACOSX/'));
	const cases = paths.filter((p) => p === 'case.txt' || p.endsWith('/case.txt'));
	const depth = (p: string) => p.split('/').length;
	const top = Math.min(...cases.map(depth));
	const found = cases.filter((p) => depth(p) === top);
	if (found.length === 0) throw new Error('The zip holds no case: there is no case.txt in it.');
	if (found.length > 1) {
		throw new Error(
			`The zip holds more than one case: ${found.join(', ')}. Import them one by one.`
		);
	}
	const dir = found[0].slice(0, -'case.txt'.length);
	const files: Record<string, Uint8Array> = {};
	for (const p of paths) if (p.startsWith(dir)) files[p.slice(dir.length)] = entries[p];
	return parseCaseFiles(files, dir);
}

/** A case's files (paths relative to its folder, which is `dir` in messages) as a workspace. */
function parseCaseFiles(files: Record<string, Uint8Array>, dir: string): Workspace {
	const parsed = parseCase({
		dir,
		read: (file) => (Object.hasOwn(files, file) ? files[file] : undefined),
		notes: Object.keys(files)
			.filter((file) => /^notes\/[^/]+$/.test(file))
			.map((file) => file.slice('notes/'.length))
	});
	const { witnesses, comparison, people } = parsed;
	// The citations of the sources the texts come from; our own placeholder stands for none.
	const citations = parsed.sources
		.filter((s) => witnesses.some((w) => w.source === s.id) && s.citation !== noSource)
		.map((s) => s.citation);
	return {
		texts: witnesses.map((w) => ({
			id: w.id,
			label: w.label,
			text: w.text,
			language: w.language ?? parsed.language,
			...origin(w.description, w.file.slice(dir.length)),
			// Only a witness whose every line is kept: a box cannot say that only marked ones are.
			...(w.lines === 'kept' ? { lines: true } : {})
		})),
		base: comparison.base,
		target: comparison.target,
		notes: parsed.notes.map(({ id, title, markdown, anchor }) => ({ id, title, markdown, anchor })),
		attributions: parsed.attributions.map(({ anchor, hand, cause, cert, date }, i) => {
			const attribution: WorkspaceAttribution = { id: `attribution-${i + 1}`, anchor };
			if (hand) attribution.hand = hand;
			if (cause) attribution.cause = parsed.causes.find((c) => c.id === cause)!.label;
			if (cert) attribution.cert = cert;
			if (date) attribution.date = date;
			return attribution;
		}),
		meta: {
			title: parsed.title,
			date: parsed.date,
			people: people.length === 1 && people[0] === noPeople ? [] : people,
			summary: parsed.summary,
			kind: parsed.kind === DEFAULT_KIND ? '' : parsed.kind,
			source: citations.join(' '),
			rights: parsed.rights
		},
		mode: 'marks'
	};
}

/** Where a text came from, read back from the description `describe` wrote. A description
 * written by hand (a corpus case) says nothing we can read: the text is then from its file. */
function origin(description: string, file: string): Pick<WorkspaceText, 'origin' | 'encoding'> {
	if (description === pastedDescription) return { origin: 'pasted' };
	const withEncoding = /^From the file (.+), read as ([^\s,]+)\.$/.exec(description);
	if (withEncoding) return { origin: withEncoding[1], encoding: withEncoding[2] };
	const plain = /^From the file (.+)\.$/.exec(description);
	if (plain) return { origin: plain[1] };
	return { origin: file, encoding: 'utf-8' };
}
