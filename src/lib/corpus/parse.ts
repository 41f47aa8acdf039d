// The corpus case format, read and checked in one place. The build-time loader
// (src/lib/server/corpus.ts) hands it a folder of corpus/ from disk, and the browser hands it a
// case unpacked from a zip (src/lib/workspace/files.ts), so both refuse the same cases with the
// same messages. Pure: no node imports; files come in as bytes through a `CaseFolder`. Every
// problem is a `CorpusError` whose message starts with the file and line to fix. The format is
// described for scholars in corpus/README.md; in short:
//
//   <slug>/case.txt       `key: value` lines, then `[source <id>]` and `[witness <id>]` sections;
//                         `#` starts a comment; an indented line continues a value
//   <slug>/<file>.txt     witness texts, named by each witness's `file:`
//   <slug>/notes/<id>.md  a `---` header (title, witness, quote, prefix, suffix), then Markdown
//   <slug>/changes.txt    optional: `[cause <id>]` and `[change]` sections, in case.txt's syntax

import { MAX_BYTES } from '../import/check';
import { byteOrderMark, invalidUtf8At, lineAtByte } from '../import/decode';
import { isLanguageTag } from '../language';
import { quotePlaces } from '../pipeline/annotate';
import { siglumOf } from '../pipeline/apparatus';
import { CERTAINTIES, placeAttributions } from '../pipeline/attribute';
import { compare } from '../pipeline/compare';
import { placeholderProblem } from '../pipeline/placeholders';
import type {
	Attribution,
	Brackets,
	Case,
	Cause,
	Certainty,
	LineBreaks,
	Note,
	NoteAnchor,
	Source,
	Witness
} from '../types';

/** A problem in the corpus. `message` is `<file>:<line>: <problem>`, the file as the caller named
 * its folder (relative to the project root, or to the zip), so that editors can jump to it. */
export class CorpusError extends Error {
	readonly file: string;
	readonly line: number;
	readonly problem: string;

	constructor(file: string, line: number, problem: string) {
		super(`${file}:${line}: ${problem}`);
		this.name = 'CorpusError';
		this.file = file;
		this.line = line;
		this.problem = problem;
	}
}

/** The errors of one file: `const at = errorsIn(file); throw at(line, problem)`. */
function errorsIn(file: string) {
	return (line: number, problem: string) => new CorpusError(file, line, problem);
}

/** A case folder as the parser sees it, wherever it is stored. Paths are relative to the folder
 * and use `/`. */
export interface CaseFolder {
	/** The folder as messages name it, ending in `/` (`corpus/gettysburg/`); '' for a zip's top. */
	dir: string;
	/** A file's bytes, or undefined when there is no such file. */
	read(file: string): Uint8Array | undefined;
	/**
	 * Why a file may not be read at all, in words that follow its name ("is a symbolic link …",
	 * "is 50.0 MB; …"), or undefined. Asked before `read`, so that a file that is refused (one
	 * from outside the folder, one too large to take) is never read.
	 */
	refuse?(file: string): string | undefined;
	/** The names of the files in notes/ (`01-about.md`); those ending in `.md` are notes. */
	notes: string[];
}

/** A case as its files give it: a `Case` without what only the loader knows (the folder name)
 * or does (rendering the notes' Markdown). */
export type ParsedCase = Omit<Case, 'slug' | 'notes'> & { notes: Omit<Note, 'html'>[] };

// ---------------------------------------------------------------------------------------------
// Rules that src/lib/workspace/files.ts also checks before it writes a case (write.ts), to refuse
// early what the parser would refuse

const idPattern = /^[a-z0-9][a-z0-9-]*$/;

/** An id of a case folder, a witness or a source: lowercase letters, digits and hyphens. */
export function isId(id: string): boolean {
	return idPattern.test(id);
}

/** A note's id, its file name without `.md`. */
export function isNoteId(id: string): boolean {
	return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id);
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	// Date.UTC rolls 30 February over into March: a real date survives the round trip unchanged.
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const gapMarker = /^\{gap(?::[ \t]*[^\s{}][^{}\n]*)?\}$/;

/** Why a witness text is refused, or null. It must have words, and a gap marker must be a
 * paragraph of its own: anywhere else it would be read as the speaker's words. */
export function witnessTextProblem(
	text: string
): { line: number; kind: 'empty' | 'only-gaps' | 'gap-marker' } | null {
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

/** A note's Markdown as it is kept: no CRs at line ends, no blank lines before it, no whitespace
 * after it. */
export function noteMarkdown(markdown: string): string {
	return markdown
		.split('\n')
		.map((line) => line.replace(/\r$/, ''))
		.join('\n')
		.replace(/^\s*\n/, '')
		.trimEnd();
}

/** The line (from 1) that holds the character at `offset`. */
export function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

// ---------------------------------------------------------------------------------------------
// Bytes to text

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file's text, refusing what would otherwise be read wrongly without a word: a byte order
 * mark (it would become an invisible first character of the text), bytes that are not UTF-8
 * (archives are full of Windows-1251 and KOI8-R), and NUL bytes (a binary file). Marks and bad
 * bytes are found by import/decode.ts, which reads a reader's own files, so both name the same byte. */
export function decodeText(bytes: Uint8Array, file: string): string {
	const at = errorsIn(file);
	const mark = byteOrderMark(bytes)?.encoding;
	if (mark === 'utf-8') {
		throw at(1, 'the file starts with a byte order mark (BOM): save it as UTF-8 without BOM');
	}
	if (mark) throw at(1, 'the file starts with a UTF-16 byte order mark (BOM): save it as UTF-8');
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		const bad = invalidUtf8At(bytes);
		const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
		throw at(
			lineAtByte(bytes, bad),
			`not valid UTF-8 (byte 0x${hex}): convert the file to UTF-8 ` +
				'(it may be Windows-1251, KOI8-R or Latin-1)'
		);
	}
	const nul = text.indexOf('\0');
	if (nul >= 0) throw at(lineAt(text, nul), 'the file contains a NUL byte: is it a binary file?');
	return text;
}

// ---------------------------------------------------------------------------------------------
// `key: value` lines, shared by case.txt and note headers

interface Field {
	key: string;
	value: string;
	line: number;
}

type SectionKind = 'witness' | 'source' | 'cause' | 'change';

/** The sections a file may have, in the order its messages list them, each with whether it
 * takes an id (`[witness spoken]`) or not (`[change]`). */
type SectionKinds = Partial<Record<SectionKind, 'id' | 'no id'>>;

interface Section {
	/** `case` is the part of a file before its first `[section]`, and a note's header. */
	kind: 'case' | SectionKind;
	id: string;
	line: number;
	fields: Field[];
}

/**
 * Parse `key: value` lines. Blank lines and lines starting with `#` are skipped; an indented line
 * continues the value above it (joined with a space), so a long citation can be wrapped. A line
 * such as `[witness spoken]` or `[change]` starts a new section, of one of the kinds `sections`
 * allows (none in a note's header).
 */
function parseFields(
	lines: string[],
	file: string,
	first: number,
	sections: SectionKinds = {}
): Section[] {
	const at = errorsIn(file);
	const all: Section[] = [{ kind: 'case', id: '', line: first, fields: [] }];
	const kinds = Object.keys(sections) as SectionKind[];
	let last: Field | undefined;
	lines.forEach((raw, i) => {
		const line = first + i;
		const text = raw.replace(/\r$/, '');
		if (text.trim() === '') {
			last = undefined;
		} else if (text.startsWith('#')) {
			// A comment.
		} else if (/^[ \t]/.test(text)) {
			if (!last) throw at(line, 'an indented line continues a value, but no "key: value" is above');
			last.value += ' ' + text.trim();
		} else if (kinds.length && text.startsWith('[')) {
			const match = /^\[\s*([^\s\]]+)(?:\s+([^\s\]]+))?\s*\]$/.exec(text.trim());
			const kind = kinds.find((k) => k === match?.[1]);
			const id = match?.[2] ?? '';
			if (!kind) {
				const known = kinds.map((k) => (sections[k] === 'id' ? `[${k} <id>]` : `[${k}]`));
				const list = `${known.slice(0, -1).join(', ')} or ${known[known.length - 1]}`;
				throw at(line, `unknown section "${text.trim()}": use ${list}`);
			}
			if (sections[kind] === 'no id') {
				if (id) throw at(line, `section [${kind}] takes no id: write [${kind}]`);
			} else {
				if (!id) throw at(line, `section [${kind}] needs an id: [${kind} <id>]`);
				if (!isId(id)) {
					throw at(line, `bad ${kind} id "${id}": use lowercase letters, digits and hyphens`);
				}
				const earlier = all.find((s) => s.kind === kind && s.id === id);
				if (earlier) throw at(line, `duplicate ${kind} "${id}" (first on line ${earlier.line})`);
			}
			all.push({ kind, id, line, fields: [] });
			last = undefined;
		} else {
			const match = /^([A-Za-z][\w-]*)[ \t]*:(.*)$/.exec(text);
			if (!match) {
				throw at(line, `expected "key: value"${kinds.length ? ', a [section]' : ''} or a # comment`);
			}
			last = { key: match[1], value: match[2].trim(), line };
			all[all.length - 1].fields.push(last);
		}
	});
	return all;
}

interface Spec {
	required: string[];
	optional: string[];
	/** Fields that may be given more than once, each one adding to a list. */
	repeatable: string[];
}

const caseSpec: Spec = {
	required: ['title', 'date', 'person', 'language', 'summary', 'kind', 'rights', 'compare'],
	optional: ['translator', 'placeholders', 'brackets'],
	repeatable: ['person']
};
const sourceSpec: Spec = { required: ['citation'], optional: ['url'], repeatable: [] };
const witnessSpec: Spec = {
	required: ['label', 'description', 'source', 'file'],
	optional: ['siglum', 'translator', 'language', 'written', 'held-by', 'according-to', 'lines'],
	repeatable: []
};
const noteSpec: Spec = {
	required: ['title'],
	optional: ['witness', 'quote', 'prefix', 'suffix'],
	repeatable: []
};

/** The fields of a section by key, after checking them against `spec` in line order. */
function checkFields(section: Section, spec: Spec, file: string): Map<string, Field[]> {
	const at = errorsIn(file);
	const byKey = new Map<string, Field[]>();
	for (const field of section.fields) {
		const { key, line } = field;
		if (!spec.required.includes(key) && !spec.optional.includes(key)) {
			throw at(line, `unknown field "${key}"`);
		}
		const earlier = byKey.get(key);
		if (earlier && !spec.repeatable.includes(key)) {
			throw at(line, `duplicate field "${key}" (first on line ${earlier[0].line})`);
		}
		if (field.value === '') throw at(line, `field "${key}" is empty`);
		byKey.set(key, [...(earlier ?? []), field]);
	}
	const missing = spec.required.find((key) => !byKey.has(key));
	if (missing) {
		const name = section.id ? `${section.kind} ${section.id}` : section.kind;
		const where = section.kind === 'case' ? '' : ` in [${name}]`;
		throw at(section.line, `missing required field "${missing}"${where}`);
	}
	return byKey;
}

/**
 * Why a witness of `size` bytes is refused, in words that follow its name; undefined if not. The
 * limit is a reader's own file's (`MAX_BYTES`): beyond it a build takes minutes and gigabytes, and
 * the page is too large to read.
 */
export function sizeProblem(size: number): string | undefined {
	if (size <= MAX_BYTES) return undefined;
	// Rounded up, so a file just over the limit does not read as exactly at it.
	const shown = (Math.ceil((size / 1024 / 1024) * 10) / 10).toFixed(1);
	return `is ${shown} MB; the limit is ${MAX_BYTES / 1024 / 1024} MB per witness`;
}

// ---------------------------------------------------------------------------------------------
// One case

/** Read and check the case in `folder`: case.txt, the witness texts it names, and the notes. */
export function parseCase(folder: CaseFolder): ParsedCase {
	const file = `${folder.dir}case.txt`;
	const at = errorsIn(file);
	const refused = folder.refuse?.('case.txt');
	if (refused) throw at(1, `case.txt ${refused}`);
	const bytes = folder.read('case.txt');
	if (!bytes) throw at(1, 'case.txt not found: every folder under corpus/ is a case and needs one');
	const [top, ...sections] = parseFields(decodeText(bytes, file).split('\n'), file, 1, {
		witness: 'id',
		source: 'id'
	});

	const fields = checkFields(top, caseSpec, file);
	const field = (key: string) => fields.get(key)![0];
	const date = field('date');
	if (!isIsoDate(date.value)) {
		throw at(date.line, `bad date "${date.value}": write it as YYYY-MM-DD, e.g. 1938-03-12`);
	}
	const language = field('language');
	if (!isLanguageTag(language.value)) {
		throw at(language.line, `bad language "${language.value}": use a tag such as en or ru`);
	}

	const sources = sections
		.filter((s) => s.kind === 'source')
		.map((section) => parseSource(section, file));
	const witnessSections = sections.filter((s) => s.kind === 'witness');
	const witnesses = witnessSections.map((section) => parseWitness(section, folder, sources));
	if (witnesses.length < 2) {
		const line = witnessSections[0]?.line ?? 1;
		throw at(line, `a case needs at least two witnesses to compare, found ${witnesses.length}`);
	}
	witnesses.forEach((w, i) => {
		// /cases/<case>/apparatus/<base> is the apparatus page: no pair may have that address.
		if (w.id === 'apparatus') {
			throw at(witnessSections[i].line, 'a witness may not be called "apparatus": the apparatus page has that address');
		}
		const earlier = witnesses.slice(0, i).find((x) => siglumOf(x) === siglumOf(w));
		if (earlier) {
			const line = witnessSections[i].line;
			throw at(line, `witness "${w.id}" has the siglum "${siglumOf(w)}" of witness "${earlier.id}": give each its own (siglum:)`);
		}
	});

	const compare = field('compare');
	const pair = /^(\S+)\s*->\s*(\S+)$/.exec(compare.value);
	if (!pair) {
		throw at(compare.line, 'compare must be "<base witness> -> <target witness>", e.g. a -> b');
	}
	const [, base, target] = pair;
	for (const id of [base, target]) checkWitnessId(id, witnesses, file, compare.line);
	if (base === target) throw at(compare.line, 'compare needs two different witnesses');
	const bracketsField = fields.get('brackets')?.[0];
	const brackets = bracketsField && oneOf(bracketsField, BRACKETS, file);

	const result: ParsedCase = {
		title: field('title').value,
		date: date.value,
		people: fields.get('person')!.map((f) => f.value),
		language: language.value,
		summary: field('summary').value,
		kind: field('kind').value,
		rights: field('rights').value,
		sources,
		witnesses,
		comparison: { base, target },
		notes: folder.notes
			.filter((name) => name.endsWith('.md'))
			.sort()
			.map((name) => parseNote(folder, name, witnesses)),
		...parseChanges(folder, sources, witnesses, { base, target }, brackets || 'text')
	};
	const translator = fields.get('translator')?.[0].value;
	if (translator) result.translator = translator;
	const placeholders = fields.get('placeholders')?.[0];
	if (placeholders) result.placeholders = parsePlaceholders(placeholders, file);
	if (brackets) result.brackets = brackets;
	return result;
}

/** What a `brackets:` value may be, and what each means, for the message of a wrong one. */
const BRACKETS: Record<Brackets, string> = {
	editorial: 'the sources bracket an editor’s insertions',
	text: 'the brackets are the text’s own'
};

/** What a `lines:` value may be, and what each means. */
const LINES: Record<LineBreaks, string> = {
	wrapped: 'a line break is wrapping',
	kept: 'every line break is kept',
	marked: 'only Markdown’s hard breaks are kept'
};

/** A field's value, one of the keys of `allowed`; a CorpusError saying what each means if not. */
function oneOf<T extends string>(field: Field, allowed: Record<T, string>, file: string): T {
	if (Object.hasOwn(allowed, field.value)) return field.value as T;
	const choices = Object.entries(allowed).map(([value, meaning]) => `${value} (${meaning})`);
	const last = choices.pop();
	throw new CorpusError(
		file,
		field.line,
		`bad ${field.key} "${field.value}": write ${choices.join(', ')} or ${last}`
	);
}

/** `placeholders: [SECRET] | XXXX`: the case's own redaction markers, each checked. */
function parsePlaceholders(field: Field, file: string): string[] {
	const markers: string[] = [];
	for (const marker of field.value.split('|').map((m) => m.trim())) {
		const problem = placeholderProblem(marker, markers);
		if (problem) throw new CorpusError(file, field.line, problem);
		markers.push(marker);
	}
	return markers;
}

function checkWitnessId(id: string, witnesses: Witness[], file: string, line: number): void {
	if (!witnesses.some((w) => w.id === id)) {
		const known = witnesses.map((w) => w.id).join(', ');
		throw new CorpusError(file, line, `unknown witness "${id}" (witnesses: ${known})`);
	}
}

function parseSource(section: Section, file: string): Source {
	const fields = checkFields(section, sourceSpec, file);
	const source: Source = { id: section.id, citation: fields.get('citation')![0].value };
	const url = fields.get('url')?.[0];
	if (url && !/^https?:\/\//.test(url.value)) {
		throw new CorpusError(file, url.line, `bad url "${url.value}": start it with https://`);
	}
	if (url) source.url = url.value;
	return source;
}

function parseWitness(section: Section, folder: CaseFolder, sources: Source[]): Witness {
	const file = `${folder.dir}case.txt`;
	const at = errorsIn(file);
	const fields = checkFields(section, witnessSpec, file);
	const field = (key: string) => fields.get(key)![0];

	const source = field('source');
	if (!sources.some((s) => s.id === source.value)) {
		const known = sources.map((s) => s.id).join(', ') || 'none: add a [source <id>] section';
		throw at(source.line, `unknown source "${source.value}" (sources: ${known})`);
	}

	const name = field('file');
	const inside = insideFolder(name.value);
	if (inside === null) {
		throw at(name.line, `witness file "${name.value}" must be inside the case folder`);
	}
	const textFile = folder.dir + inside;
	const why = folder.refuse?.(inside);
	if (why) throw at(name.line, `witness file "${name.value}" ${why}`);
	const bytes = folder.read(inside);
	if (!bytes)
		throw at(name.line, `witness file "${name.value}" not found (looked for ${textFile})`);
	const tooLarge = sizeProblem(bytes.length);
	if (tooLarge) throw at(name.line, `witness file "${name.value}" ${tooLarge}`);
	const text = decodeText(bytes, textFile);
	const refused = witnessTextProblem(text);
	if (refused) {
		const problem = {
			empty: `witness "${section.id}" is empty`,
			'only-gaps': `witness "${section.id}" has only gaps, no text`,
			'gap-marker':
				'a gap marker must be a paragraph of its own (blank lines around it), ' +
				'written {gap} or {gap: what is missing}'
		}[refused.kind];
		throw new CorpusError(textFile, refused.line, problem);
	}

	const witness: Witness = {
		id: section.id,
		label: field('label').value,
		description: field('description').value,
		source: source.value,
		text,
		file: textFile
	};
	const siglum = fields.get('siglum')?.[0];
	if (siglum) {
		// A siglum stands for the witness in an apparatus, a table's row, a TEI `@wit`: a word.
		if (!/^[\p{L}\p{N}][\p{L}\p{N}.’'-]{0,15}$/u.test(siglum.value)) {
			throw at(siglum.line, `bad siglum "${siglum.value}": one short word, such as Bliss or A1`);
		}
		witness.siglum = siglum.value;
	}
	const translator = fields.get('translator')?.[0].value;
	if (translator) witness.translator = translator;
	const language = fields.get('language')?.[0];
	if (language) {
		if (!isLanguageTag(language.value)) {
			throw at(language.line, `bad language "${language.value}": use a tag such as en or ru`);
		}
		witness.language = language.value;
	}
	const lines = fields.get('lines')?.[0];
	if (lines) witness.lines = oneOf(lines, LINES, file);
	return { ...witness, ...parseHistory(fields, sources, file) };
}

/**
 * When and where the original of a witness was written, and who holds it (`written`, `held-by`),
 * with the sources that say so (`according-to`, source ids separated by commas): facts about a
 * manuscript come from a different source than its transcription, and each is cited.
 */
function parseHistory(
	fields: Map<string, Field[]>,
	sources: Source[],
	file: string
): Pick<Witness, 'written' | 'heldBy' | 'accordingTo'> {
	const at = errorsIn(file);
	const written = fields.get('written')?.[0];
	const heldBy = fields.get('held-by')?.[0];
	const accordingTo = fields.get('according-to')?.[0];
	const fact = written ?? heldBy;
	if (!accordingTo) {
		if (fact) throw at(fact.line, `"${fact.key}" needs "according-to": the source ids that say so`);
		return {};
	}
	if (!fact) {
		throw at(accordingTo.line, '"according-to" names the sources of "written" and "held-by": give one');
	}
	const ids = accordingTo.value.split(',').map((id) => id.trim());
	for (const id of ids) {
		if (!sources.some((s) => s.id === id)) {
			const known = sources.map((s) => s.id).join(', ');
			throw at(accordingTo.line, `unknown source "${id}" in "according-to" (sources: ${known})`);
		}
	}
	return {
		...(written ? { written: written.value } : {}),
		...(heldBy ? { heldBy: heldBy.value } : {}),
		accordingTo: ids
	};
}

/** A `file:` value as a path inside the folder (`a/./b/../c` -> `a/c`), or null when it is
 * absolute or leads out of the folder (or to the folder itself). */
function insideFolder(file: string): string | null {
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

// ---------------------------------------------------------------------------------------------
// Notes

function parseNote(folder: CaseFolder, name: string, witnesses: Witness[]): Omit<Note, 'html'> {
	const id = name.slice(0, -'.md'.length);
	const file = `${folder.dir}notes/${name}`;
	const at = errorsIn(file);
	if (!isNoteId(id)) throw at(1, `bad note file name "${name}": use letters, digits and hyphens`);
	const refused = folder.refuse?.(`notes/${name}`);
	if (refused) throw at(1, `the note file ${refused}`);
	const lines = decodeText(folder.read(`notes/${name}`)!, file)
		.split('\n')
		.map((line) => line.replace(/\r$/, ''));
	if (lines[0] !== '---') {
		throw at(1, 'a note starts with a header: a line "---", the "key: value" lines, then "---"');
	}
	const close = lines.indexOf('---', 1);
	if (close < 0) throw at(1, 'note header not closed: add a line "---" after its fields');

	const [header] = parseFields(lines.slice(1, close), file, 2);
	const fields = checkFields(header, noteSpec, file);
	const get = (key: string) => fields.get(key)?.[0];

	const markdown = noteMarkdown(lines.slice(close + 1).join('\n'));
	if (markdown === '') throw at(close + 1, 'the note has no text after its header');

	const witness = get('witness');
	const quote = get('quote');
	let anchor: NoteAnchor | null = null;
	if (witness && quote) {
		checkWitnessId(witness.value, witnesses, file, witness.line);
		const text = witnesses.find((w) => w.id === witness.value)!.text;
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

	return { id, title: get('title')!.value, anchor, markdown, file };
}

/**
 * Find `prefix quote suffix` exactly once in a witness. A header value is one line, but witness
 * texts keep their transcriber's line wrapping: whitespace is matched loosely, as everywhere a
 * note's quote is looked for (`quotePlaces`, pipeline/annotate.ts). The anchor keeps the witness's
 * own characters (`This we\nmay`), so that it reads as the passage does.
 */
function findAnchor(
	text: string,
	witness: string,
	wanted: Omit<NoteAnchor, 'witness'>,
	fail: (problem: string) => CorpusError
): NoteAnchor {
	const places = quotePlaces(text, wanted);
	if (places.length === 1) {
		const [{ from, start, end, to }] = places;
		const anchor: NoteAnchor = { witness, quote: text.slice(start, end) };
		if (wanted.prefix) anchor.prefix = text.slice(from, start);
		if (wanted.suffix) anchor.suffix = text.slice(end, to);
		return anchor;
	}
	if (places.length > 1) {
		throw fail(
			`quote found ${places.length} times in witness "${witness}": add a prefix or suffix ` +
				'(the words just before or after it) so that it is found once'
		);
	}
	if ((wanted.prefix || wanted.suffix) && quotePlaces(text, { quote: wanted.quote }).length > 0) {
		throw fail(`quote found in witness "${witness}", but not with this prefix and suffix`);
	}
	// The commonest slip: a straight apostrophe typed where the source prints a curly one.
	const straight = (s = '') => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
	const relaxed = { prefix: straight(wanted.prefix), quote: straight(wanted.quote) };
	if (quotePlaces(straight(text), { ...relaxed, suffix: straight(wanted.suffix) }).length > 0) {
		throw fail(
			`quote not found in witness "${witness}": it differs in straight and curly ` +
				'quotation marks; copy it from the witness file'
		);
	}
	throw fail(`quote not found in witness "${witness}"`);
}

// ---------------------------------------------------------------------------------------------
// Changes: who made them, why, and how sure we are

const causeSpec: Spec = { required: ['label'], optional: [], repeatable: [] };
const changeSpec: Spec = {
	required: ['witness', 'quote'],
	optional: ['prefix', 'suffix', 'hand', 'cause', 'cert', 'source', 'date'],
	repeatable: []
};

/**
 * The causes and attributions of changes.txt, if the case has one. Each attribution is checked
 * where it will be shown: its quote must overlap exactly one change of the case's own comparison
 * (`compare:`), aligned as the case page aligns it, and no other attribution's change.
 */
function parseChanges(
	folder: CaseFolder,
	sources: Source[],
	witnesses: Witness[],
	comparison: Case['comparison'],
	brackets: Brackets
): Pick<ParsedCase, 'causes' | 'attributions'> {
	const file = `${folder.dir}changes.txt`;
	const at = errorsIn(file);
	const refused = folder.refuse?.('changes.txt');
	if (refused) throw at(1, `changes.txt ${refused}`);
	const bytes = folder.read('changes.txt');
	if (!bytes) return { causes: [], attributions: [] };
	const lines = decodeText(bytes, file).split('\n');
	const [top, ...sections] = parseFields(lines, file, 1, { cause: 'id', change: 'no id' });
	if (top.fields.length) {
		throw at(top.fields[0].line, 'a field before any section: start with [cause <id>] or [change]');
	}

	const causes: Cause[] = sections
		.filter((s) => s.kind === 'cause')
		.map((s) => ({ id: s.id, label: checkFields(s, causeSpec, file).get('label')![0].value }));
	// The line of each attribution's quote, where a quote that lands on no change is reported.
	const quoteLines = new Map<Attribution, number>();
	const attributions = sections
		.filter((s) => s.kind === 'change')
		.map((section) => {
			const known = { sources, witnesses, causes, comparison };
			const { attribution, quoteLine } = parseAttribution(section, file, known);
			quoteLines.set(attribution, quoteLine);
			return attribution;
		});
	if (attributions.length === 0) return { causes, attributions };

	const side = (id: string) => {
		const { label, text, lines } = witnesses.find((w) => w.id === id)!;
		return { id, label, text, lines };
	};
	const a = side(comparison.base);
	const b = side(comparison.target);
	// Aligned exactly and each witness read as the case page reads it (view.ts), so that the
	// changes are the ones it shows.
	const aligned = compare(a.text, b.text, {
		precise: true,
		a: { lines: a.lines, brackets },
		b: { lines: b.lines, brackets }
	});
	for (const placed of placeAttributions(aligned, attributions, { a, b })) {
		if (placed.problem) throw at(quoteLines.get(placed.attribution)!, placed.problem);
	}
	return { causes, attributions };
}

/** What an attribution's fields are checked against. */
interface Known {
	sources: Source[];
	witnesses: Witness[];
	causes: Cause[];
	comparison: Case['comparison'];
}

function parseAttribution(
	section: Section,
	file: string,
	known: Known
): { attribution: Attribution; quoteLine: number } {
	const at = errorsIn(file);
	const fields = checkFields(section, changeSpec, file);
	const get = (key: string) => fields.get(key)?.[0];
	const { base, target } = known.comparison;

	const witness = get('witness')!;
	checkWitnessId(witness.value, known.witnesses, file, witness.line);
	if (witness.value !== base && witness.value !== target) {
		throw at(
			witness.line,
			`witness "${witness.value}" is not compared in this case (compare: ${base} -> ${target}): ` +
				'quote the base or the target'
		);
	}
	const quote = get('quote')!;
	const text = known.witnesses.find((w) => w.id === witness.value)!.text;
	const wanted = { prefix: get('prefix')?.value, quote: quote.value, suffix: get('suffix')?.value };
	const anchor = findAnchor(text, witness.value, wanted, (problem) => at(quote.line, problem));
	const attribution: Attribution = { anchor };

	const hand = get('hand');
	const cause = get('cause');
	if (!hand && !cause) {
		throw at(section.line, '[change] needs a "hand" (who made the change) or a "cause" (why), or both');
	}
	if (hand) attribution.hand = hand.value;
	if (cause) {
		if (!known.causes.some((c) => c.id === cause.value)) {
			const ids = known.causes.map((c) => c.id).join(', ');
			const remedy = ids ? ` (causes: ${ids})` : `: add a [cause ${cause.value}] section with its label`;
			throw at(cause.line, `unknown cause "${cause.value}"${remedy}`);
		}
		attribution.cause = cause.value;
	}
	const cert = get('cert');
	if (cert) {
		if (!CERTAINTIES.includes(cert.value as Certainty)) {
			const list = `${CERTAINTIES.slice(0, -1).join(', ')} or ${CERTAINTIES.at(-1)}`;
			throw at(cert.line, `unknown cert "${cert.value}": use ${list}`);
		}
		attribution.cert = cert.value as Certainty;
	}
	const source = get('source');
	if (source) {
		if (!known.sources.some((s) => s.id === source.value)) {
			const ids = known.sources.map((s) => s.id).join(', ') || 'none';
			throw at(source.line, `unknown source "${source.value}" (sources in case.txt: ${ids})`);
		}
		attribution.source = source.value;
	}
	const date = get('date');
	if (date) {
		if (!isIsoDate(date.value) && !isIsoDateTime(date.value)) {
			throw at(
				date.line,
				`bad date "${date.value}": write it as YYYY-MM-DD, or with the time as Word writes it, ` +
					'e.g. 2024-05-02T09:30:00Z'
			);
		}
		attribution.date = date.value;
	}
	attribution.file = file;
	attribution.line = section.line;
	return { attribution, quoteLine: quote.line };
}

/** A real date with a time of day, as Word's `w:date` has it: `2024-05-02T09:30:00Z`, with or
 * without seconds and time zone. */
export function isIsoDateTime(value: string): boolean {
	const hours = '(?:[01]\\d|2[0-3]):[0-5]\\d';
	const time = `${hours}(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-]${hours})?`;
	const match = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})T${time}$`).exec(value);
	return match !== null && isIsoDate(match[1]);
}
