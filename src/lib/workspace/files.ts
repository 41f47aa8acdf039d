// A workspace as files: JSON that keeps all of it, and a corpus case (a folder, zipped) that drops
// into corpus/ as it is. Pure: runs in the browser and in Node.
//
// The case format is corpus/README.md's, and src/lib/server/corpus.ts loads it; that loader reads
// from disk, so this file has its own reader, `parseCaseFiles`, which keeps to the loader's rules
// line for line (continuation lines, comments, sections, required fields, gap markers, quotes
// found exactly once) and reports problems the same way, as `<file>:<line>: <problem>`.
//
// What a case does not hold, and so does not come back from a zip:
// - the view mode (it comes back as `marks`);
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
// - blank entries in the list of people.
//
// A case written by hand (a folder from corpus/, zipped) is read too, with more left behind: the
// folder name, translators, source urls, and which source each text cites (the citations of the
// sources the texts use are joined into `meta.source`); each text's origin is its file, read as
// UTF-8.

import { unzipSync, zipSync } from 'fflate';
import type { NoteAnchor } from '../types';
import { slugify, uniqueId } from './defaults';
import { copyWorkspace, workspaceProblem } from './storage';
import type { Workspace, WorkspaceNote, WorkspaceText } from './types';

// ---------------------------------------------------------------------------------------------
// JSON: the whole workspace

const format = 'pencilmarks-workspace';
const version = 1;

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
	if (v !== version) {
		throw new Error(
			`This workspace has "version" ${JSON.stringify(v) ?? 'missing'}; ` +
				`this Pencilmarks reads version ${version}.`
		);
	}
	const problem = workspaceProblem(rest);
	if (problem) throw new Error(`This file is not a Pencilmarks workspace: ${problem}.`);
	return copyWorkspace(rest as unknown as Workspace);
}

// ---------------------------------------------------------------------------------------------
// The case format's rules, shared by the writer (to refuse what the loader would refuse, in the
// reader's words) and the reader (to report it as the loader does)

const idPattern = /^[a-z0-9][a-z0-9-]*$/;
const noteIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const gapMarker = /^\{gap(?::[ \t]*[^\s{}][^{}\n]*)?\}$/;
const languagePattern = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const noPeople = 'Not recorded';
const ownSource = 'own';
const noSource = 'Supplied by the person who made this comparison.';
const pastedDescription = 'Pasted text.';

function isIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	// Date.UTC rolls 30 February over into March: a real date survives the round trip unchanged.
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why the loader would refuse a witness text, or null. */
type Refusal = { line: number; kind: 'bom' | 'nul' | 'empty' | 'only-gaps' | 'gap-marker' };

const gapMarkerProblem =
	'a gap marker must be a paragraph of its own (blank lines around it), ' +
	'written {gap} or {gap: what is missing}';

function refuseWitnessText(text: string): Refusal | null {
	if (text.charCodeAt(0) === 0xfeff) return { line: 1, kind: 'bom' };
	const nul = text.indexOf('\0');
	if (nul >= 0) return { line: lineAt(text, nul), kind: 'nul' };
	if (text.trim() === '') return { line: 1, kind: 'empty' };
	const paragraphs: { text: string; line: number }[] = [];
	let open: { text: string; line: number } | undefined;
	text.split('\n').forEach((raw, i) => {
		const line = raw.replace(/\r$/, '');
		if (line.trim() === '') open = undefined;
		else if (open) open.text += '\n' + line;
		else paragraphs.push((open = { text: line, line: i + 1 }));
	});
	let words = false;
	for (const paragraph of paragraphs) {
		const trimmed = paragraph.text.trim();
		if (gapMarker.test(trimmed)) continue;
		const gap = trimmed.indexOf('{gap');
		if (gap >= 0) {
			const line = paragraph.line + (trimmed.slice(0, gap).match(/\n/g)?.length ?? 0);
			return { line, kind: 'gap-marker' };
		}
		words = true;
	}
	return words ? null : { line: 1, kind: 'only-gaps' };
}

function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

interface Wanted {
	prefix?: string;
	quote: string;
	suffix?: string;
}

/** Every match of `prefix quote suffix`, overlapping ones included, as the loader finds them:
 * any run of whitespace in the note matches any run in the text. Groups: prefix (with the
 * whitespace after it), quote, suffix (with the whitespace before it). */
function findAll(text: string, { prefix, quote, suffix }: Wanted): RegExpExecArray[] {
	const loose = (s: string) =>
		s
			.trim()
			.split(/\s+/)
			.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
			.join('\\s+');
	const before = prefix ? loose(prefix) + '\\s*' : '';
	const after = suffix ? '\\s*' + loose(suffix) : '';
	const pattern = new RegExp(`(${before})(${loose(quote)})(${after})`, 'g');
	const matches: RegExpExecArray[] = [];
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		matches.push(match);
		pattern.lastIndex = match.index + 1;
	}
	return matches;
}

/** A one-line field's value as the loader will read it back: trimmed, with each run of
 * whitespace that holds a line break made one space (a header value cannot hold a line break;
 * U+2028 and U+2029 count, since the loader's `.` stops at them too). */
function oneLine(value: string): string {
	return value.replace(/\s*[\n\r\u2028\u2029]\s*/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Writing a case

/** Widest line of case.txt, counting a tab as four columns; longer values wrap. */
const width = 100;

/**
 * `key: value`, wrapped onto indented continuation lines. The loader joins those with one space,
 * so a value is only broken at a single space between two non-spaces: it reads back exactly,
 * double spaces and all.
 */
function fieldLines(key: string, value: string, wrap: boolean): string {
	const first = `${key}: `;
	if (!wrap) return first + value + '\n';
	const words = value.split(/(?<=\S) (?=\S)/);
	const lines: string[] = [];
	let line = first + words[0];
	for (const word of words.slice(1)) {
		if (line.replace(/^\t/, '    ').length + 1 + word.length > width) {
			lines.push(line);
			line = '\t' + word;
		} else {
			line += ' ' + word;
		}
	}
	lines.push(line);
	return lines.join('\n') + '\n';
}

/** The description that records where a text came from; `origin` reads it back. */
function describe(text: WorkspaceText): string {
	const origin = oneLine(text.origin);
	if (origin === '' || origin === 'pasted') return pastedDescription;
	const encoding = text.encoding ? oneLine(text.encoding) : '';
	return encoding ? `From the file ${origin}, read as ${encoding}.` : `From the file ${origin}.`;
}

/** The anchor as the note header writes it: one line each, empty parts left out. */
function headerAnchor(anchor: NoteAnchor): Wanted {
	const wanted: Wanted = { quote: oneLine(anchor.quote) };
	const prefix = oneLine(anchor.prefix ?? '');
	const suffix = oneLine(anchor.suffix ?? '');
	if (prefix) wanted.prefix = prefix;
	if (suffix) wanted.suffix = suffix;
	return wanted;
}

/**
 * Each note's file name (without `.md`): its id when the loader accepts it, and when the ids sort
 * in the notes' order, since the corpus shows notes in file-name order; otherwise numbered.
 * Compared without case, as unzipping on macOS or Windows would.
 */
function noteNames(notes: WorkspaceNote[]): string[] {
	const taken = new Set<string>();
	const names = notes.map((note) => {
		const base = noteIdPattern.test(note.id) ? note.id : slugify(note.id, 'note');
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
	if (!languagePattern.test(meta.language.trim())) {
		problems.push(`The language “${meta.language}” is not a language tag such as en or ru.`);
	}
	need(meta.summary, 'summary');
	need(meta.kind, 'kind of comparison');
	need(meta.rights, 'rights statement');

	const name = (t: WorkspaceText) => `“${oneLine(t.label) || t.id}”`;
	if (ws.texts.length < 2) {
		problems.push(`A case needs at least two texts; this comparison has ${ws.texts.length}.`);
	}
	const seen = new Set<string>();
	for (const text of ws.texts) {
		if (!idPattern.test(text.id)) {
			problems.push(
				`The text ${name(text)} has the id “${text.id}”: ids are lowercase letters, ` +
					'digits and hyphens.'
			);
		} else if (seen.has(text.id)) {
			problems.push(`Two texts have the id “${text.id}”.`);
		}
		seen.add(text.id);
		if (oneLine(text.label) === '') problems.push(`The text “${text.id}” has no label.`);
		const refused = refuseWitnessText(text.text);
		if (refused) {
			const problem = {
				bom: 'starts with a byte order mark (an invisible U+FEFF): remove it',
				nul: `holds a NUL character (line ${refused.line}): is it a binary file?`,
				empty: 'is empty',
				'only-gaps': 'has only gaps, no words',
				'gap-marker':
					`has a gap marker that is not a paragraph of its own (line ${refused.line}): ` +
					'put a blank line before and after {gap}'
			}[refused.kind];
			problems.push(`The text ${name(text)} ${problem}.`);
		}
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

	for (const note of ws.notes) {
		const title = oneLine(note.title);
		const named = title ? `The note “${title}”` : `The note “${note.id}”`;
		if (!title) problems.push(`The note “${note.id}” has no title.`);
		if (noteMarkdown(note.markdown) === '') problems.push(`${named} has no text.`);
		if (!note.anchor) continue;
		const witness = byId(note.anchor.witness);
		if (!witness) {
			problems.push(`${named} quotes “${note.anchor.witness}”, which is not one of the texts.`);
			continue;
		}
		const wanted = headerAnchor(note.anchor);
		if (wanted.quote === '') {
			problems.push(`${named} has an empty quote.`);
			continue;
		}
		const found = findAll(witness.text, wanted).length;
		if (found === 0) {
			problems.push(`${named} quotes a passage that is not in the text ${name(witness)}.`);
		} else if (found > 1) {
			problems.push(
				`${named} quotes a passage found ${found} times in the text ${name(witness)}: ` +
					'select more of it, so that it is found once.'
			);
		}
	}
	return problems;
}

/** A note's Markdown as the loader reads it: no CRs at line ends, no blank lines before it, no
 * whitespace after it. */
function noteMarkdown(markdown: string): string {
	return markdown
		.split('\n')
		.map((line) => line.replace(/\r$/, ''))
		.join('\n')
		.replace(/^\s*\n/, '')
		.trimEnd();
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
	const field = (key: string, value: string) => fieldLines(key, oneLine(value), true);
	const people = meta.people.map(oneLine).filter((p) => p !== '');

	let caseTxt = '# The format of this file is described in corpus/README.md.\n\n';
	caseTxt += field('title', meta.title);
	caseTxt += field('date', meta.date);
	for (const person of people.length > 0 ? people : [noPeople]) caseTxt += field('person', person);
	caseTxt += field('language', meta.language);
	caseTxt += field('summary', meta.summary);
	caseTxt += field('kind', meta.kind);
	caseTxt += field('rights', meta.rights);
	caseTxt += field('compare', `${ws.base} -> ${ws.target}`);
	caseTxt += `\n[source ${ownSource}]\n`;
	caseTxt += field('citation', oneLine(meta.source) || noSource);

	const files: Record<string, string> = {};
	const names = textFiles(ws.texts);
	ws.texts.forEach((text, i) => {
		caseTxt += `\n[witness ${text.id}]\n`;
		caseTxt += field('label', text.label);
		caseTxt += field('description', describe(text));
		caseTxt += field('source', ownSource);
		caseTxt += field('file', names[i]);
		files[`${slug}/${names[i]}`] = text.text;
	});

	noteNames(ws.notes).forEach((name, i) => {
		const note = ws.notes[i];
		let md = '---\n' + fieldLines('title', oneLine(note.title), false);
		if (note.anchor) {
			const { prefix, quote, suffix } = headerAnchor(note.anchor);
			md += fieldLines('witness', note.anchor.witness, false);
			md += fieldLines('quote', quote, false);
			if (prefix) md += fieldLines('prefix', prefix, false);
			if (suffix) md += fieldLines('suffix', suffix, false);
		}
		md += '---\n\n' + noteMarkdown(note.markdown) + '\n';
		files[`${slug}/notes/${name}.md`] = md;
	});

	return { [`${slug}/case.txt`]: caseTxt, ...files };
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

/** A zip holding one case folder (or a case's files at its top) as a workspace. Throws an Error
 * as the loader would, `<file>:<line>: <problem>`, for a case it would refuse. */
export function workspaceFromZip(bytes: Uint8Array): Workspace {
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(bytes);
	} catch {
		throw new Error('This file is not a zip archive, or it is damaged.');
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

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file's text, refused as the loader refuses it: a BOM, bytes that are not UTF-8, NUL. */
function readText(bytes: Uint8Array, file: string): string {
	const fail = (line: number, problem: string) => new Error(`${file}:${line}: ${problem}`);
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		throw fail(1, 'the file starts with a byte order mark (BOM): save it as UTF-8 without BOM');
	}
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		throw fail(1, 'the file starts with a UTF-16 byte order mark (BOM): save it as UTF-8');
	}
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		// The loader names the line of the first bad byte; the first replacement character of a
		// lenient decoding is on that line (unless the file also holds a real U+FFFD before it).
		const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		throw fail(
			lineAt(lenient, lenient.indexOf('\uFFFD')),
			'not valid UTF-8: convert the file to UTF-8 (it may be Windows-1251, KOI8-R or Latin-1)'
		);
	}
	const nul = text.indexOf('\0');
	if (nul >= 0) throw fail(lineAt(text, nul), 'the file contains a NUL byte: is it a binary file?');
	return text;
}

interface Field {
	key: string;
	value: string;
	line: number;
}

interface Section {
	kind: 'case' | 'witness' | 'source';
	id: string;
	line: number;
	fields: Field[];
}

interface Spec {
	required: string[];
	optional: string[];
	repeatable: string[];
}

const caseSpec: Spec = {
	required: ['title', 'date', 'person', 'language', 'summary', 'kind', 'rights', 'compare'],
	optional: ['translator'],
	repeatable: ['person']
};
const sourceSpec: Spec = { required: ['citation'], optional: ['url'], repeatable: [] };
const witnessSpec: Spec = {
	required: ['label', 'description', 'source', 'file'],
	optional: ['translator'],
	repeatable: []
};
const noteSpec: Spec = {
	required: ['title'],
	optional: ['witness', 'quote', 'prefix', 'suffix'],
	repeatable: []
};

/** `key: value` lines, as the loader's parseFields reads them. */
function parseFields(
	lines: string[],
	fail: (line: number, problem: string) => Error,
	first: number,
	sections: boolean
): Section[] {
	const all: Section[] = [{ kind: 'case', id: '', line: first, fields: [] }];
	let last: Field | undefined;
	lines.forEach((raw, i) => {
		const line = first + i;
		const text = raw.replace(/\r$/, '');
		if (text.trim() === '') {
			last = undefined;
		} else if (text.startsWith('#')) {
			// A comment.
		} else if (/^[ \t]/.test(text)) {
			if (!last)
				throw fail(line, 'an indented line continues a value, but no "key: value" is above');
			last.value += ' ' + text.trim();
		} else if (sections && text.startsWith('[')) {
			const match = /^\[\s*([^\s\]]+)(?:\s+([^\s\]]+))?\s*\]$/.exec(text.trim());
			const kind = match?.[1];
			const id = match?.[2];
			if (kind !== 'witness' && kind !== 'source') {
				throw fail(line, `unknown section "${text.trim()}": use [witness <id>] or [source <id>]`);
			}
			if (!id) throw fail(line, `section [${kind}] needs an id: [${kind} <id>]`);
			if (!idPattern.test(id)) {
				throw fail(line, `bad ${kind} id "${id}": use lowercase letters, digits and hyphens`);
			}
			const earlier = all.find((s) => s.kind === kind && s.id === id);
			if (earlier) throw fail(line, `duplicate ${kind} "${id}" (first on line ${earlier.line})`);
			all.push({ kind, id, line, fields: [] });
			last = undefined;
		} else {
			const match = /^([A-Za-z][\w-]*)[ \t]*:(.*)$/.exec(text);
			if (!match) {
				throw fail(line, `expected "key: value"${sections ? ', a [section]' : ''} or a # comment`);
			}
			last = { key: match[1], value: match[2].trim(), line };
			all[all.length - 1].fields.push(last);
		}
	});
	return all;
}

/** A section's fields by key, checked against `spec` as the loader's checkFields does. */
function checkFields(
	section: Section,
	spec: Spec,
	fail: (line: number, problem: string) => Error
): Map<string, Field[]> {
	const byKey = new Map<string, Field[]>();
	for (const field of section.fields) {
		const { key, line } = field;
		if (!spec.required.includes(key) && !spec.optional.includes(key)) {
			throw fail(line, `unknown field "${key}"`);
		}
		const earlier = byKey.get(key);
		if (earlier && !spec.repeatable.includes(key)) {
			throw fail(line, `duplicate field "${key}" (first on line ${earlier[0].line})`);
		}
		if (field.value === '') throw fail(line, `field "${key}" is empty`);
		byKey.set(key, [...(earlier ?? []), field]);
	}
	const missing = spec.required.find((key) => !byKey.has(key));
	if (missing) {
		const where = section.kind === 'case' ? '' : ` in [${section.kind} ${section.id}]`;
		throw fail(section.line, `missing required field "${missing}"${where}`);
	}
	return byKey;
}

/** `a/./b/../c` as `a/c`, or null when it leaves the folder. */
function normalizePath(file: string): string | null {
	const parts: string[] = [];
	for (const part of file.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (parts.length === 0) return null;
			parts.pop();
		} else {
			parts.push(part);
		}
	}
	return file.startsWith('/') || parts.length === 0 ? null : parts.join('/');
}

/** A case's files (paths relative to its folder) as a workspace; `dir` prefixes the paths in
 * messages. */
function parseCaseFiles(files: Record<string, Uint8Array>, dir: string): Workspace {
	const caseFile = `${dir}case.txt`;
	const errorsIn = (file: string) => (line: number, problem: string) =>
		new Error(`${file}:${line}: ${problem}`);
	const fail = errorsIn(caseFile);
	const [top, ...sections] = parseFields(
		readText(files['case.txt'], caseFile).split('\n'),
		fail,
		1,
		true
	);

	const fields = checkFields(top, caseSpec, fail);
	const field = (key: string) => fields.get(key)![0];
	const date = field('date');
	if (!isIsoDate(date.value)) {
		throw fail(date.line, `bad date "${date.value}": write it as YYYY-MM-DD, e.g. 1938-03-12`);
	}
	const language = field('language');
	if (!languagePattern.test(language.value)) {
		throw fail(language.line, `bad language "${language.value}": use a tag such as en or ru`);
	}

	const sources = sections
		.filter((s) => s.kind === 'source')
		.map((section) => {
			const byKey = checkFields(section, sourceSpec, fail);
			const url = byKey.get('url')?.[0];
			if (url && !/^https?:\/\//.test(url.value)) {
				throw fail(url.line, `bad url "${url.value}": start it with https://`);
			}
			return { id: section.id, citation: byKey.get('citation')![0].value };
		});

	const witnessSections = sections.filter((s) => s.kind === 'witness');
	const texts = witnessSections.map((section): WorkspaceText => {
		const byKey = checkFields(section, witnessSpec, fail);
		const get = (key: string) => byKey.get(key)![0];
		const source = get('source');
		if (!sources.some((s) => s.id === source.value)) {
			const known = sources.map((s) => s.id).join(', ') || 'none: add a [source <id>] section';
			throw fail(source.line, `unknown source "${source.value}" (sources: ${known})`);
		}
		const name = get('file');
		const inside = normalizePath(name.value);
		if (inside === null) {
			throw fail(name.line, `witness file "${name.value}" must be inside the case folder`);
		}
		if (!files[inside]) {
			throw fail(name.line, `witness file "${name.value}" not found (looked for ${dir}${inside})`);
		}
		const text = readText(files[inside], dir + inside);
		const refused = refuseWitnessText(text);
		if (refused) {
			// A BOM or a NUL would have been refused by readText already.
			const problem =
				refused.kind === 'gap-marker'
					? gapMarkerProblem
					: refused.kind === 'empty'
						? `witness "${section.id}" is empty`
						: `witness "${section.id}" has only gaps, no text`;
			throw new Error(`${dir}${inside}:${refused.line}: ${problem}`);
		}
		return {
			id: section.id,
			label: get('label').value,
			text,
			...origin(get('description').value, inside)
		};
	});
	if (texts.length < 2) {
		const line = witnessSections[0]?.line ?? 1;
		throw fail(line, `a case needs at least two witnesses to compare, found ${texts.length}`);
	}

	const compare = field('compare');
	const pair = /^(\S+)\s*->\s*(\S+)$/.exec(compare.value);
	if (!pair) {
		throw fail(compare.line, 'compare must be "<base witness> -> <target witness>", e.g. a -> b');
	}
	const [, base, target] = pair;
	const checkWitnessId = (id: string, failAt: (problem: string) => Error) => {
		if (!texts.some((t) => t.id === id)) {
			throw failAt(`unknown witness "${id}" (witnesses: ${texts.map((t) => t.id).join(', ')})`);
		}
	};
	for (const id of [base, target]) checkWitnessId(id, (problem) => fail(compare.line, problem));
	if (base === target) throw fail(compare.line, 'compare needs two different witnesses');

	const notes = Object.keys(files)
		.filter((p) => /^notes\/[^/]+\.md$/.test(p))
		.map((p) => p.slice('notes/'.length))
		.sort()
		.map((name): WorkspaceNote => {
			const id = name.slice(0, -'.md'.length);
			const file = `${dir}notes/${name}`;
			const at = errorsIn(file);
			if (!noteIdPattern.test(id)) {
				throw at(1, `bad note file name "${name}": use letters, digits and hyphens`);
			}
			const lines = readText(files[`notes/${name}`], file)
				.split('\n')
				.map((line) => line.replace(/\r$/, ''));
			if (lines[0] !== '---') {
				throw at(
					1,
					'a note starts with a header: a line "---", the "key: value" lines, then "---"'
				);
			}
			const close = lines.indexOf('---', 1);
			if (close < 0) throw at(1, 'note header not closed: add a line "---" after its fields');
			const [header] = parseFields(lines.slice(1, close), at, 2, false);
			const byKey = checkFields(header, noteSpec, at);
			const get = (key: string) => byKey.get(key)?.[0];
			const markdown = noteMarkdown(lines.slice(close + 1).join('\n'));
			if (markdown === '') throw at(close + 1, 'the note has no text after its header');

			const witness = get('witness');
			const quote = get('quote');
			let anchor: NoteAnchor | null = null;
			if (witness && quote) {
				checkWitnessId(witness.value, (problem) => at(witness.line, problem));
				const text = texts.find((t) => t.id === witness.value)!.text;
				const wanted = {
					prefix: get('prefix')?.value,
					quote: quote.value,
					suffix: get('suffix')?.value
				};
				anchor = findAnchor(text, witness.value, wanted, (problem) => at(quote.line, problem));
			} else if (witness) {
				throw at(witness.line, 'a note with a "witness" needs a "quote" from it');
			} else if (quote) {
				throw at(quote.line, 'a note with a "quote" needs the "witness" it is from');
			} else {
				const stray = get('prefix') ?? get('suffix');
				if (stray) throw at(stray.line, `"${stray.key}" needs a "witness" and a "quote"`);
			}
			return { id, title: get('title')!.value, markdown, anchor };
		});

	const people = fields.get('person')!.map((f) => f.value);
	// The citations of the sources the texts come from; our own placeholder stands for none.
	const used = sources.filter((s) =>
		witnessSections.some((w) => w.fields.some((f) => f.key === 'source' && f.value === s.id))
	);
	const citations = used.map((s) => s.citation).filter((c) => c !== noSource);
	return {
		texts,
		base,
		target,
		notes,
		meta: {
			title: field('title').value,
			date: date.value,
			people: people.length === 1 && people[0] === noPeople ? [] : people,
			language: language.value,
			summary: field('summary').value,
			kind: field('kind').value,
			source: citations.join(' '),
			rights: field('rights').value
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

/** The loader's findAnchor: the quote found once, kept in the witness's own characters, so that
 * prefix + quote + suffix is an exact substring of the text. */
function findAnchor(
	text: string,
	witness: string,
	wanted: Wanted,
	fail: (problem: string) => Error
): NoteAnchor {
	const matches = findAll(text, wanted);
	if (matches.length === 1) {
		const [, prefix, quote, suffix] = matches[0];
		const anchor: NoteAnchor = { witness, quote };
		if (wanted.prefix) anchor.prefix = prefix;
		if (wanted.suffix) anchor.suffix = suffix;
		return anchor;
	}
	if (matches.length > 1) {
		throw fail(
			`quote found ${matches.length} times in witness "${witness}": add a prefix or suffix ` +
				'(the words just before or after it) so that it is found once'
		);
	}
	if ((wanted.prefix || wanted.suffix) && findAll(text, { quote: wanted.quote }).length > 0) {
		throw fail(`quote found in witness "${witness}", but not with this prefix and suffix`);
	}
	const straight = (s = '') => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
	const relaxed = { prefix: straight(wanted.prefix), quote: straight(wanted.quote) };
	if (findAll(straight(text), { ...relaxed, suffix: straight(wanted.suffix) }).length > 0) {
		throw fail(
			`quote not found in witness "${witness}": it differs in straight and curly ` +
				'quotation marks; copy it from the witness file'
		);
	}
	throw fail(`quote not found in witness "${witness}"`);
}
