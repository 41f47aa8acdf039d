// The corpus case format, written: the other half of parse.ts. It takes a case as `parseCase`
// gives it (read from a folder named '', so that files are named inside the case folder) and
// writes the files that `parseCase` reads back to the same case. What cannot survive the format
// is made to fit first, and said here: a header value is one line (`oneLine`), a note's Markdown
// loses leading blank lines and trailing whitespace (`noteMarkdown`). The rules a case must keep
// (ids, dates, two witnesses, quotes found once) are the parser's; a caller that wants to refuse
// early asks them before writing (workspace/files.ts does).

import type { Attribution, NoteAnchor } from '../types';
import { noteMarkdown, type ParsedCase } from './parse';

/** A case to write: causes and attributions may be left out when there are none. */
export type CaseToWrite = Omit<ParsedCase, 'causes' | 'attributions'> &
	Partial<Pick<ParsedCase, 'causes' | 'attributions'>>;

/** Widest line of case.txt, counting a tab as four columns; longer values wrap. */
const width = 100;

/** A one-line field's value as the loader will read it back: trimmed, with each run of
 * whitespace that holds a line break made one space (a header value cannot hold a line break;
 * U+2028 and U+2029 count, since the loader's `.` stops at them too). */
export function oneLine(value: string): string {
	return value.replace(/\s*[\n\r\u2028\u2029]\s*/g, ' ').trim();
}

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

/** The anchor as a note header writes it: one line each, empty parts left out. */
export function headerAnchor(anchor: Omit<NoteAnchor, 'witness'>): Omit<NoteAnchor, 'witness'> {
	const written: Omit<NoteAnchor, 'witness'> = { quote: oneLine(anchor.quote) };
	const prefix = oneLine(anchor.prefix ?? '');
	const suffix = oneLine(anchor.suffix ?? '');
	if (prefix) written.prefix = prefix;
	if (suffix) written.suffix = suffix;
	return written;
}

/**
 * The case's files, by path inside its folder: `case.txt`, each witness's `file`,
 * `notes/<id>.md` for each note (in the corpus, notes are shown in file-name order), and
 * `changes.txt` when there are causes or attributions.
 */
export function writeCase(c: CaseToWrite): Record<string, string> {
	const field = (key: string, value: string) => fieldLines(key, oneLine(value), true);

	let caseTxt = '# The format of this file is described in corpus/README.md.\n\n';
	caseTxt += field('title', c.title);
	caseTxt += field('date', c.date);
	for (const person of c.people) caseTxt += field('person', person);
	if (c.translator) caseTxt += field('translator', c.translator);
	caseTxt += field('language', c.language);
	caseTxt += field('summary', c.summary);
	caseTxt += field('kind', c.kind);
	caseTxt += field('rights', c.rights);
	caseTxt += field('compare', `${c.comparison.base} -> ${c.comparison.target}`);
	if (c.placeholders?.length) caseTxt += field('placeholders', c.placeholders.join(' | '));
	if (c.brackets) caseTxt += field('brackets', c.brackets);
	for (const source of c.sources) {
		caseTxt += `\n[source ${source.id}]\n`;
		caseTxt += field('citation', source.citation);
		if (source.url) caseTxt += field('url', source.url);
	}

	const files: Record<string, string> = {};
	for (const witness of c.witnesses) {
		caseTxt += `\n[witness ${witness.id}]\n`;
		caseTxt += field('label', witness.label);
		if (witness.siglum) caseTxt += field('siglum', witness.siglum);
		caseTxt += field('description', witness.description);
		if (witness.translator) caseTxt += field('translator', witness.translator);
		if (witness.language) caseTxt += field('language', witness.language);
		if (witness.written) caseTxt += field('written', witness.written);
		if (witness.heldBy) caseTxt += field('held-by', witness.heldBy);
		if (witness.accordingTo) caseTxt += field('according-to', witness.accordingTo.join(', '));
		caseTxt += field('source', witness.source);
		caseTxt += field('file', witness.file);
		if (witness.lines) caseTxt += field('lines', witness.lines);
		files[witness.file] = witness.text;
	}

	for (const note of c.notes) {
		let md = '---\n' + fieldLines('title', oneLine(note.title), false);
		if (note.anchor) {
			const { prefix, quote, suffix } = headerAnchor(note.anchor);
			md += fieldLines('witness', note.anchor.witness, false);
			md += fieldLines('quote', quote, false);
			if (prefix) md += fieldLines('prefix', prefix, false);
			if (suffix) md += fieldLines('suffix', suffix, false);
		}
		md += '---\n\n' + noteMarkdown(note.markdown) + '\n';
		files[`notes/${note.id}.md`] = md;
	}

	const causes = c.causes ?? [];
	const attributions = c.attributions ?? [];
	if (causes.length || attributions.length) {
		let changes = '# Who made each change, why, and how sure we are.\n';
		changes += '# The format of this file is described in corpus/README.md.\n';
		for (const cause of causes) changes += `\n[cause ${cause.id}]\n` + field('label', cause.label);
		for (const attribution of attributions) changes += '\n[change]\n' + changeFields(attribution);
		files['changes.txt'] = changes;
	}

	return { 'case.txt': caseTxt, ...files };
}

/** An attribution's fields: its anchor as a note header writes one, then what it says. */
function changeFields({ anchor, hand, cause, cert, source, date }: Attribution): string {
	const { prefix, quote, suffix } = headerAnchor(anchor);
	let lines = fieldLines('witness', anchor.witness, false) + fieldLines('quote', quote, false);
	if (prefix) lines += fieldLines('prefix', prefix, false);
	if (suffix) lines += fieldLines('suffix', suffix, false);
	const said = { hand, cause, cert, source, date };
	for (const [key, value] of Object.entries(said)) {
		if (value) lines += fieldLines(key, oneLine(value), true);
	}
	return lines;
}
