import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { deflated, repeated, zipOf } from '../../../tests/fixtures/zips';
import { loadCorpus } from '../server/corpus';
import { emptyWorkspace } from './defaults';
import {
	caseProblems,
	workspaceFromJson,
	workspaceFromZip,
	workspaceToCaseFiles,
	workspaceToJson,
	workspaceToZip
} from './files';
import type { Workspace } from './types';

const spokenText =
	'Граждане судьи!\r\nЯ признаю себя ответственным\r\nза всю совокупность преступлений.\r\n' +
	'\r\n{gap}\r\n\r\n' +
	'Я отрицаю, что я входил в группу, потому что такой группы не было!\r\n';
const publishedText =
	'Граждане судьи!\r\nЯ признаю себя ответственным\r\nза всю совокупность преступлений.\r\n' +
	'\r\n{gap}\r\n';
const draftText = 'Граждане судьи! Я признаю себя ответственным за всё.\n\n{gap: конец листа}\n';

/** Three texts in Russian, two with Windows line endings, and notes of every kind. */
function russian(): Workspace {
	return {
		texts: [
			{ id: 'spoken', label: 'Стенограмма', text: spokenText, origin: 'pasted', language: 'ru' },
			{
				id: 'draft',
				label: 'Черновик (draft)',
				text: draftText,
				origin: 'черновик.txt',
				encoding: 'windows-1251',
				language: 'ru'
			},
			{
				id: 'published',
				label: 'Правда, 13 марта',
				text: publishedText,
				origin: 'pravda.txt',
				language: 'ru'
			}
		],
		base: 'spoken',
		target: 'published',
		notes: [
			{
				id: 'note-1',
				title: 'О деле',
				markdown: 'Последнее слово Бухарина.\n\n- *spoken*: the stenogram\n- **published**: Pravda',
				anchor: null
			},
			{
				id: 'note-2',
				title: 'Responsibility, across a line break',
				markdown: 'The quote spans a CRLF line break; the anchor keeps it.',
				anchor: {
					witness: 'spoken',
					prefix: 'себя ',
					quote: 'ответственным\r\nза всю',
					suffix: ' совокупность'
				}
			},
			{
				id: 'note-3',
				title: 'Struck: “такой группы не было”',
				markdown: '> такой группы не было!\n\nStruck from the printed text.',
				anchor: { witness: 'spoken', quote: 'такой группы не было!' }
			},
			{
				id: 'note-4',
				title: 'The draft breaks off',
				markdown: 'Found once in the draft only with its prefix.',
				anchor: { witness: 'draft', prefix: 'Граждане ', quote: 'судьи!' }
			}
		],
		attributions: [
			{
				id: 'attribution-1',
				anchor: { witness: 'spoken', quote: 'такой группы не было!' },
				hand: 'Сталин, карандаш',
				cause: 'Political reasons',
				cert: 'probable',
				date: '1938-03-13T09:30:00Z'
			}
		],
		meta: {
			title: 'Процесс 1938: the final statement',
			date: '1938-03-12',
			people: ['Николай Бухарин (defendant)', 'Josef Stalin (editor of the transcript)'],
			summary:
				'The last words of Nikolai Bukharin at his trial, as the stenographers took them down ' +
				'and as Pravda printed them the next day, with the passages that the editor struck ' +
				'and the  double  spaces of the original.',
			kind: 'Redaction',
			source: 'Процесс Бухарина. 1938 г.: Сборник документов. Moscow: MFD, 2013.',
			rights: 'Quoted for private study.'
		},
		mode: 'marks'
	};
}

/** A small English workspace that the loader accepts, of no particular kind. */
function english(): Workspace {
	const ws = emptyWorkspace();
	ws.texts[0] = { ...ws.texts[0], text: 'Four score and seven years ago.', language: 'en' };
	ws.texts[1] = { ...ws.texts[1], text: 'Eighty-seven years ago.', language: 'en' };
	ws.meta.date = '1863-11-19';
	ws.meta.summary = 'Two openings.';
	return ws;
}

describe('workspaceToJson and workspaceFromJson', () => {
	it('tag the workspace with its format and version, tab-indented', () => {
		const json = workspaceToJson(english());
		expect(json.split('\n').slice(0, 4)).toEqual([
			'{',
			'\t"format": "pencilmarks-workspace",',
			'\t"version": 2,',
			'\t"texts": ['
		]);
		expect(json.endsWith('}\n')).toBe(true);
	});

	it('round-trip a workspace exactly', () => {
		const ws = { ...russian(), mode: 'side' as const, pairwise: true };
		expect(workspaceFromJson(workspaceToJson(ws))).toStrictEqual(ws);
		expect(workspaceFromJson(workspaceToJson(emptyWorkspace()))).toStrictEqual(emptyWorkspace());
	});

	it('read a file of version 1, whose one language was in meta: each text gets its own', () => {
		const json = JSON.parse(workspaceToJson(russian()));
		json.version = 1;
		json.meta.language = 'en';
		for (const text of json.texts) delete text.language;
		json.texts[1].text = 'Mir.';
		// The Russian texts are guessed Russian; one too short to tell keeps the file's language.
		expect(workspaceFromJson(JSON.stringify(json)).texts.map((t) => t.language)).toEqual([
			'ru',
			'en',
			'ru'
		]);
		json.meta.language = 'Russian';
		expect(workspaceFromJson(JSON.stringify(json)).texts[1].language).toBe('und');
	});

	it('read a file saved with a byte order mark, and leave out fields a workspace lacks', () => {
		const json = JSON.parse(workspaceToJson(english()));
		const text = '\uFEFF' + JSON.stringify({ ...json, theme: 'dark' });
		expect(workspaceFromJson(text)).toStrictEqual(english());
	});

	it('read a file saved with a mode’s former name in that mode, and write its name now', () => {
		const json = JSON.parse(workspaceToJson(english()));
		const ws = workspaceFromJson(JSON.stringify({ ...json, mode: 'spoken' }));
		expect(ws).toStrictEqual({ ...english(), mode: 'base' });
		expect(JSON.parse(workspaceToJson(ws)).mode).toBe('base');
	});

	it('refuse what is not a workspace, naming the field', () => {
		const json = JSON.parse(workspaceToJson(english()));
		const cases: [string, string][] = [
			['{"format": ', 'This file is not a Pencilmarks workspace: it is not valid JSON.'],
			['[1, 2]', 'This file is not a Pencilmarks workspace: it holds no JSON object.'],
			[
				JSON.stringify({ ...json, format: 'collatex' }),
				'This file is not a Pencilmarks workspace: its "format" is "collatex", ' +
					'not "pencilmarks-workspace".'
			],
			[
				JSON.stringify({ ...json, format: undefined }),
				'This file is not a Pencilmarks workspace: its "format" is missing, ' +
					'not "pencilmarks-workspace".'
			],
			[
				JSON.stringify({ ...json, version: 3 }),
				'This workspace has "version" 3; this Pencilmarks reads versions 1 and 2.'
			],
			[
				JSON.stringify({ ...json, texts: [{ ...json.texts[0], language: 7 }] }),
				'This file is not a Pencilmarks workspace: texts[0].language is not text.'
			],
			[
				JSON.stringify({ ...json, texts: [{ ...json.texts[0], label: undefined }] }),
				'This file is not a Pencilmarks workspace: texts[0].label is missing.'
			],
			[
				JSON.stringify({ ...json, mode: 'split' }),
				'This file is not a Pencilmarks workspace: mode is not one of marks, base, ' +
					'target, side.'
			]
		];
		for (const [text, message] of cases) expect(() => workspaceFromJson(text)).toThrow(message);
	});
});

describe('workspaceToCaseFiles', () => {
	it('writes a case folder in the corpus format, named after the title', () => {
		const ws = english();
		ws.meta.title = 'Gettysburg: two openings';
		ws.texts[0].lines = true;
		ws.texts[1] = { ...ws.texts[1], origin: 'hay.txt', encoding: 'utf-8' };
		ws.notes = [
			{ id: 'about', title: 'About', markdown: 'Two openings.\r\n\r\nBoth *short*.', anchor: null },
			{
				id: 'score',
				title: 'Score',
				markdown: '\n\nA score is twenty.  \n',
				anchor: { witness: 'spoken', quote: 'score', prefix: 'Four ', suffix: ' and' }
			}
		];
		expect(workspaceToCaseFiles(ws)).toStrictEqual({
			'gettysburg-two-openings/case.txt': [
				'# The format of this file is described in corpus/README.md.',
				'',
				'title: Gettysburg: two openings',
				'date: 1863-11-19',
				'person: Not recorded',
				'language: en',
				'summary: Two openings.',
				'kind: Comparison',
				'rights: The texts belong to their owners; this comparison was made privately.',
				'compare: spoken -> published',
				'brackets: editorial',
				'',
				'[source own]',
				'citation: Supplied by the person who made this comparison.',
				'',
				'[witness spoken]',
				'label: As spoken',
				'description: Pasted text.',
				'source: own',
				'file: spoken.txt',
				'lines: kept',
				'',
				'[witness published]',
				'label: As published',
				'description: From the file hay.txt, read as utf-8.',
				'source: own',
				'file: published.txt',
				''
			].join('\n'),
			'gettysburg-two-openings/spoken.txt': 'Four score and seven years ago.',
			'gettysburg-two-openings/published.txt': 'Eighty-seven years ago.',
			'gettysburg-two-openings/notes/about.md':
				'---\ntitle: About\n---\n\nTwo openings.\n\nBoth *short*.\n',
			'gettysburg-two-openings/notes/score.md':
				'---\ntitle: Score\nwitness: spoken\nquote: score\nprefix: Four\nsuffix: and\n---\n\n' +
				'A score is twenty.\n'
		});
	});

	it('writes who made each change, why and how sure as changes.txt, the causes named from their words', () => {
		const ws = russian();
		ws.attributions.push({
			id: 'attribution-2',
			anchor: { witness: 'spoken', quote: 'Я отрицаю' },
			hand: 'Word author',
			file: 'pravda.docx'
		});
		expect(workspaceToCaseFiles(ws)['1938-the-final-statement/changes.txt']).toBe(
			[
				'# Who made each change, why, and how sure we are.',
				'# The format of this file is described in corpus/README.md.',
				'',
				'[cause political-reasons]',
				'label: Political reasons',
				'',
				'[change]',
				'witness: spoken',
				'quote: такой группы не было!',
				'hand: Сталин, карандаш',
				'cause: political-reasons',
				'cert: probable',
				'date: 1938-03-13T09:30:00Z',
				'',
				'[change]',
				'witness: spoken',
				'quote: Я отрицаю',
				'hand: Word author',
				''
			].join('\n')
		);
	});

	it('wraps long values onto indented lines, breaking only at single spaces', () => {
		const caseTxt = workspaceToCaseFiles(russian())['1938-the-final-statement/case.txt'];
		expect(caseTxt.split('\n').slice(2, 12)).toEqual([
			'title: Процесс 1938: the final statement',
			'date: 1938-03-12',
			'person: Николай Бухарин (defendant)',
			'person: Josef Stalin (editor of the transcript)',
			'language: ru',
			'summary: The last words of Nikolai Bukharin at his trial, as the stenographers took them ' +
				'down and as',
			'\tPravda printed them the next day, with the passages that the editor struck and',
			'\tthe  double  spaces of the original.',
			'kind: Redaction',
			'rights: Quoted for private study.'
		]);
		expect(caseTxt).toContain(
			'\n[source own]\ncitation: Процесс Бухарина. 1938 г.: Сборник документов. Moscow: MFD, 2013.\n'
		);
		expect(caseTxt).toContain('description: From the file черновик.txt, read as windows-1251.\n');
	});

	it('writes line breaks in one-line fields as spaces', () => {
		const ws = english();
		ws.meta.title = 'Two\r\n  openings ';
		ws.meta.people = ['Abraham Lincoln\n(speaker)', '  '];
		const caseTxt = workspaceToCaseFiles(ws)['two-openings/case.txt'];
		expect(caseTxt).toContain('\ntitle: Two openings\n');
		expect(caseTxt).toContain('\nperson: Abraham Lincoln (speaker)\nlanguage: en\n');
	});

	it('names a text called “case” so that it does not replace case.txt', () => {
		const ws = english();
		ws.texts[1].id = 'case';
		ws.target = 'case';
		const files = workspaceToCaseFiles(ws);
		expect(Object.keys(files)).toEqual([
			'untitled-comparison/case.txt',
			'untitled-comparison/spoken.txt',
			'untitled-comparison/case-2.txt'
		]);
		expect(files['untitled-comparison/case.txt']).toContain('[witness case]\nlabel: As published');
		expect(files['untitled-comparison/case.txt']).toContain('file: case-2.txt\n');
	});

	it('numbers the note files when their ids would not sort in the notes’ order', () => {
		const ws = english();
		const note = (id: string) => ({ id, title: id, markdown: 'Text.', anchor: null });
		ws.notes = ['note-9', 'note-10', 'Note-10', 'bad id!'].map(note);
		expect(Object.keys(workspaceToCaseFiles(ws)).filter((f) => f.includes('/notes/'))).toEqual([
			'untitled-comparison/notes/01-note-9.md',
			'untitled-comparison/notes/02-note-10.md',
			'untitled-comparison/notes/03-Note-10-2.md',
			'untitled-comparison/notes/04-bad-id.md'
		]);
	});

	it('refuses a new, empty comparison, saying what to fill in', () => {
		expect(caseProblems(emptyWorkspace())).toEqual([
			'The date is empty: give the date of the event as YYYY-MM-DD.',
			'The summary is empty.',
			'The text “As spoken” is empty.',
			'The text “As published” is empty.'
		]);
		expect(() => workspaceToCaseFiles(emptyWorkspace())).toThrow(
			'This comparison cannot be written as a corpus case. The date is empty: give the date ' +
				'of the event as YYYY-MM-DD. The summary is empty. The text “As spoken” is empty. ' +
				'The text “As published” is empty.'
		);
	});

	it('refuses what the corpus loader would refuse, naming the text, note or field', () => {
		const ws = english();
		ws.meta.title = ' ';
		ws.meta.date = '1863-02-30';
		ws.meta.rights = '';
		ws.texts[0].text = 'Four score and seven years ago: four score.';
		ws.texts[0].language = 'English';
		const text = (id: string, label: string, text: string, origin = 'pasted') => ({
			id,
			label,
			text,
			origin,
			language: 'en'
		});
		ws.texts.push(
			text('Hay', 'Hay copy', 'Four score {gap} ago.'),
			text('bliss', '', '{gap}\n\n{gap: the rest}'),
			text('nicolay', 'Nicolay', '\uFEFFFour score', 'n.txt'),
			text('nicolay', 'Nicolay again', 'Four\nscore\n\n{gap}ago')
		);
		ws.target = 'spoken';
		ws.notes = [
			{ id: 'n1', title: '', markdown: ' \n', anchor: null },
			{ id: 'n2', title: 'Gone', markdown: 'x', anchor: { witness: 'lost', quote: 'score' } },
			{ id: 'n3', title: 'Missing', markdown: 'x', anchor: { witness: 'spoken', quote: 'Five' } },
			{ id: 'n4', title: 'Twice', markdown: 'x', anchor: { witness: 'spoken', quote: 'score' } },
			{ id: 'n5', title: 'Blank', markdown: 'x', anchor: { witness: 'spoken', quote: ' \n' } }
		];
		expect(caseProblems(ws)).toEqual([
			'The title is empty.',
			'The date “1863-02-30” is not a date written as YYYY-MM-DD (1938-03-12).',
			'The rights statement is empty.',
			'The text “As spoken”: “English” is not a language tag: write one such as en, ru or ' +
				'pt-BR (und if it is not known).',
			'The text “Hay copy” has the id “Hay”: ids are lowercase letters, digits and hyphens.',
			'The text “Hay copy” has a gap marker that is not a paragraph of its own (line 1): ' +
				'put a blank line before and after {gap}.',
			'The text “bliss” has no label.',
			'The text “bliss” has only gaps, no words.',
			'The text “Nicolay” starts with a byte order mark (an invisible U+FEFF): remove it.',
			'Two texts have the id “nicolay”.',
			'The text “Nicolay again” has a gap marker that is not a paragraph of its own ' +
				'(line 4): put a blank line before and after {gap}.',
			'The comparison compares a text with itself.',
			'The note “n1” has no title.',
			'The note “n1” has no text.',
			'The note “Gone” quotes “lost”, which is not one of the texts.',
			'The note “Missing” quotes a passage that is not in the text “As spoken”.',
			'The note “Twice” quotes a passage found 2 times in the text “As spoken”: select more of ' +
				'it, so that it is found once.',
			'The note “Blank” has an empty quote.'
		]);
	});

	it('refuses an attribution the corpus loader would refuse, naming its quote', () => {
		const ws = russian();
		const on = (quote: string, witness = 'spoken') => ({ witness, quote });
		ws.attributions = [
			{ id: 'a1', anchor: on('такой группы не было!'), cert: 'certain' },
			{ id: 'a2', anchor: on('такой группы не было!'), hand: 'A', date: '13 March 1938' },
			{ id: 'a3', anchor: on('судьи!', 'draft'), hand: 'A' },
			{ id: 'a4', anchor: on('Я'), cause: 'Style' },
			{ id: 'a5', anchor: on('слово', 'published'), hand: ' ', cause: '\n' }
		];
		expect(caseProblems(ws)).toEqual([
			'The attribution on “такой группы не было!” says neither who made the change nor why.',
			'The attribution on “такой группы не было!” has the date “13 March 1938”, not written as ' +
				'YYYY-MM-DD.',
			'The attribution on “судьи!” quotes “draft”, which is not one of the two texts compared.',
			'The attribution on “Я” quotes a passage found 2 times in the text ' +
				'“Стенограмма”: select more of it, so that it is found once.',
			'The attribution on “слово” says neither who made the change nor why.',
			'The attribution on “слово” quotes a passage that is not in the text “Правда, 13 марта”.'
		]);
	});

	it('refuses fewer than two texts, and a pair that names no text', () => {
		const ws = english();
		ws.texts.pop();
		expect(caseProblems(ws)).toEqual([
			'A case needs at least two texts; this comparison has 1.',
			'The target of the comparison, “published”, is not one of the texts.'
		]);
	});
});

describe('workspaceToZip and workspaceFromZip', () => {
	it('round-trip everything a case holds, exactly', () => {
		const ws = russian();
		const zip = workspaceToZip(ws);
		expect(Object.keys(unzipSync(zip))).toEqual([
			'1938-the-final-statement/case.txt',
			'1938-the-final-statement/spoken.txt',
			'1938-the-final-statement/draft.txt',
			'1938-the-final-statement/published.txt',
			'1938-the-final-statement/notes/note-1.md',
			'1938-the-final-statement/notes/note-2.md',
			'1938-the-final-statement/notes/note-3.md',
			'1938-the-final-statement/notes/note-4.md',
			'1938-the-final-statement/changes.txt'
		]);
		expect(workspaceFromZip(zip)).toStrictEqual(ws);
		expect(workspaceFromZip(workspaceToZip(english()))).toStrictEqual(english());
	});

	it('keeps each text’s language: the case’s is the base’s, a text in another gives its own', () => {
		const ws = english();
		ws.texts[0] = { ...ws.texts[0], text: spokenText, language: 'ru' };
		ws.meta.kind = 'Translation';
		const files = workspaceToCaseFiles(ws);
		const caseTxt = files['untitled-comparison/case.txt'];
		expect(caseTxt).toContain('\nlanguage: ru\nsummary: Two openings.\nkind: Translation\n');
		expect(caseTxt).toContain('\n[witness spoken]\nlabel: As spoken\ndescription: Pasted text.\nsource: own\n');
		expect(caseTxt).toContain(
			'\n[witness published]\nlabel: As published\ndescription: Pasted text.\nlanguage: en\n'
		);
		expect(workspaceFromZip(workspaceToZip(ws))).toStrictEqual(ws);
	});

	it('writes a comparison of no kind as a Comparison, and reads it back as of no kind', () => {
		const caseTxt = workspaceToCaseFiles(english())['untitled-comparison/case.txt'];
		expect(caseTxt).toContain('\nkind: Comparison\n');
		expect(workspaceFromZip(workspaceToZip(english())).meta.kind).toBe('');
	});

	it('keeps whether each text’s lines matter, and reads Markdown’s brackets as its own', () => {
		const ws = english();
		ws.texts[1].lines = true;
		expect(workspaceFromZip(workspaceToZip(ws))).toStrictEqual(ws);
		const caseTxt = (w: typeof ws) => workspaceToCaseFiles(w)['untitled-comparison/case.txt'];
		expect(caseTxt(ws)).toContain('brackets: editorial\n');
		// Where every text is Markdown, its brackets are Markdown's: the case says nothing.
		for (const text of ws.texts) text.text += '\n\n```\ncode\n```';
		expect(caseTxt(ws)).not.toContain('brackets');
	});

	it('writes witness texts as UTF-8 without a BOM, byte for byte', () => {
		const files = unzipSync(workspaceToZip(russian()));
		const bytes = files['1938-the-final-statement/spoken.txt'];
		expect([...bytes.slice(0, 4)]).toEqual([0xd0, 0x93, 0xd1, 0x80]);
		expect(bytes).toEqual(new TextEncoder().encode(spokenText));
	});

	it('does not keep what a case cannot hold: the mode, line breaks in fields, note ids', () => {
		const ws = english();
		ws.mode = 'side';
		ws.pairwise = true;
		ws.meta.summary = 'Two\nopenings.';
		ws.texts[0] = { ...ws.texts[0], origin: '', encoding: 'utf-8' };
		ws.notes = [
			{ id: 'b', title: 'B', markdown: '\n\nSecond\r\nline  ', anchor: null },
			{ id: 'a', title: 'A', markdown: 'First', anchor: null }
		];
		const back = workspaceFromZip(workspaceToZip(ws));
		expect(back.mode).toBe('marks');
		expect(back).not.toHaveProperty('pairwise');
		expect(back.meta.summary).toBe('Two openings.');
		expect(back.texts[0]).toStrictEqual({
			id: 'spoken',
			label: 'As spoken',
			text: 'Four score and seven years ago.',
			origin: 'pasted',
			language: 'en'
		});
		expect(back.notes).toStrictEqual([
			{ id: '01-b', title: 'B', markdown: 'Second\nline', anchor: null },
			{ id: '02-a', title: 'A', markdown: 'First', anchor: null }
		]);
	});

	it('reads a case zipped without its folder, and skips macOS resource forks', () => {
		const files = workspaceToCaseFiles(english());
		const encoder = new TextEncoder();
		const zip = zipSync({
			...Object.fromEntries(
				Object.entries(files).map(([f, text]) => [f.replace(/^[^/]+\//, ''), encoder.encode(text)])
			),
			'__MACOSX/._case.txt': new Uint8Array([0, 5, 22, 7])
		});
		expect(workspaceFromZip(zip)).toStrictEqual(english());
	});

	it('reads a corpus case as the loader does, taking each text’s origin from its file', () => {
		const dir = path.join(process.cwd(), 'corpus', 'bukharin-1938');
		const entries: Record<string, Uint8Array> = {};
		const add = (rel: string) =>
			(entries[`bukharin-1938/${rel}`] = readFileSync(path.join(dir, rel)));
		for (const name of readdirSync(dir)) if (name.endsWith('.txt')) add(name);
		for (const name of readdirSync(path.join(dir, 'notes'))) add(`notes/${name}`);
		const ws = workspaceFromZip(zipSync(entries));
		const loaded = loadCorpus(path.join(process.cwd(), 'corpus')).find(
			(c) => c.slug === 'bukharin-1938'
		)!;

		expect(ws.texts).toStrictEqual(
			loaded.witnesses.map((w) => ({
				id: w.id,
				label: w.label,
				text: w.text,
				origin: `${w.id}.txt`,
				encoding: 'utf-8',
				language: loaded.language
			}))
		);
		expect(ws.notes).toStrictEqual(
			loaded.notes.map((n) => ({
				id: n.id,
				title: n.title,
				markdown: n.markdown,
				anchor: n.anchor
			}))
		);
		expect({ base: ws.base, target: ws.target }).toEqual(loaded.comparison);
		expect(ws.meta).toStrictEqual({
			title: loaded.title,
			date: loaded.date,
			people: loaded.people,
			summary: loaded.summary,
			kind: loaded.kind,
			source: loaded.sources[0].citation,
			rights: loaded.rights
		});
	});

	it('refuses what is not a zip, or holds no case or two', () => {
		const encoder = new TextEncoder();
		expect(() => workspaceFromZip(encoder.encode('case.txt'))).toThrow(
			'This file is not a zip archive, or it is damaged.'
		);
		expect(() => workspaceFromZip(zipSync({ 'a/spoken.txt': encoder.encode('x') }))).toThrow(
			'The zip holds no case: there is no case.txt in it.'
		);
		const two = zipSync({ 'a/case.txt': new Uint8Array(), 'b/case.txt': new Uint8Array() });
		expect(() => workspaceFromZip(two)).toThrow(
			'The zip holds more than one case: a/case.txt, b/case.txt. Import them one by one.'
		);
	});

	// Issue 9: a zip of 1.7 MB that inflates to 1.1 GB took 15 s and 2.6 GB, then said a field
	// was missing; a text of 40 MB in a zip got round the 25 MB limit.
	it('refuses a zip whose files unpack to more than the limits, naming the file', () => {
		const caseTxt = deflated(
			'bomb/case.txt',
			workspaceToCaseFiles(english())['untitled-comparison/case.txt']
		);
		// About `megabytes` MB of text, packed a thousand times smaller.
		const text = (name: string, megabytes: number, declared?: number) => ({
			name,
			...repeated('I admit my guilt before the court. '.repeat(1000), megabytes * 30),
			...(declared === undefined ? {} : { declared })
		});
		expect(() => workspaceFromZip(zipOf([caseTxt, text('bomb/spoken.txt', 40)]))).toThrow(
			'This zip cannot be imported: “bomb/spoken.txt” in it is 40.1 MB unpacked; ' +
				'the limit is 25 MB per file.'
		);
		expect(() => workspaceFromZip(zipOf([caseTxt, text('bomb/spoken.txt', 40, 10)]))).toThrow(
			'This zip cannot be imported: “bomb/spoken.txt” in it unpacks to more than 25 MB; ' +
				'the limit is 25 MB per file.'
		);
		// Each within the limit for a file, declaring 24 MB: refused before they are inflated.
		const many = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
			...deflated(`bomb/${id}.txt`, 'A short text.'),
			declared: 24 * 1024 * 1024
		}));
		expect(() => workspaceFromZip(zipOf([caseTxt, ...many]))).toThrow(
			'This zip cannot be imported: its files unpack to more than 100 MB in all (stopped at ' +
				'“bomb/e.txt”); the limit is 100 MB for a whole case.'
		);
	});

	it('refuses a broken case as the loader does, naming the file and line', () => {
		const files = workspaceToCaseFiles(english());
		const zipWith = (changes: Record<string, string | Uint8Array>) => {
			const all = { ...files, ...changes };
			return zipSync(
				Object.fromEntries(
					Object.entries(all).map(([f, v]) => [
						f,
						typeof v === 'string' ? new TextEncoder().encode(v) : v
					])
				)
			);
		};
		const caseTxt = files['untitled-comparison/case.txt'];
		const cases: [Record<string, string | Uint8Array>, string][] = [
			[
				{ 'untitled-comparison/case.txt': caseTxt.replace('title:', 'titel:') },
				'untitled-comparison/case.txt:3: unknown field "titel"'
			],
			[
				{ 'untitled-comparison/case.txt': caseTxt.replace('file: published.txt', 'file: p.txt') },
				'untitled-comparison/case.txt:26: witness file "p.txt" not found ' +
					'(looked for untitled-comparison/p.txt)'
			],
			[
				// `Ok`, a line break, then `Für` in Latin-1.
				{ 'untitled-comparison/spoken.txt': new Uint8Array([0x4f, 0x6b, 0x0a, 0x46, 0xfc, 0x72]) },
				'untitled-comparison/spoken.txt:2: not valid UTF-8'
			],
			[
				{ 'untitled-comparison/published.txt': 'Eighty {gap} seven' },
				'untitled-comparison/published.txt:1: a gap marker must be a paragraph of its own'
			],
			[
				{
					'untitled-comparison/notes/n.md':
						'---\ntitle: N\nwitness: spoken\nquote: years\nsuffix: later\n---\n\nText.'
				},
				'untitled-comparison/notes/n.md:4: quote found in witness "spoken", ' +
					'but not with this prefix and suffix'
			]
		];
		for (const [changes, message] of cases) {
			expect(() => workspaceFromZip(zipWith(changes))).toThrow(message);
		}
	});
});

describe('a zipped case in the corpus loader', () => {
	const root = mkdtempSync(path.join(os.tmpdir(), 'pencilmarks-case-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('loads without error, with the same texts, pair, notes and anchors', () => {
		const ws = russian();
		for (const [file, bytes] of Object.entries(unzipSync(workspaceToZip(ws)))) {
			mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
			writeFileSync(path.join(root, file), bytes);
		}
		const [loaded, ...others] = loadCorpus(root);
		expect(others).toEqual([]);

		expect(loaded.slug).toBe('1938-the-final-statement');
		expect(loaded.witnesses.map((w) => [w.id, w.label, w.text])).toStrictEqual(
			ws.texts.map((t) => [t.id, t.label, t.text])
		);
		expect(loaded.comparison).toStrictEqual({ base: 'spoken', target: 'published' });
		expect(loaded.notes.map((n) => [n.id, n.title, n.markdown, n.anchor])).toStrictEqual(
			ws.notes.map((n) => [n.id, n.title, n.markdown, n.anchor])
		);
		expect(loaded.notes[1].anchor).toStrictEqual({
			witness: 'spoken',
			prefix: 'себя ',
			quote: 'ответственным\r\nза всю',
			suffix: ' совокупность'
		});
		expect([loaded.title, loaded.date, loaded.people, loaded.language]).toStrictEqual([
			ws.meta.title,
			ws.meta.date,
			ws.meta.people,
			'ru'
		]);
		expect([loaded.summary, loaded.kind, loaded.rights]).toStrictEqual([
			ws.meta.summary,
			ws.meta.kind,
			ws.meta.rights
		]);
		expect(loaded.sources).toStrictEqual([{ id: 'own', citation: ws.meta.source }]);
		expect(loaded.witnesses.map((w) => w.description)).toStrictEqual([
			'Pasted text.',
			'From the file черновик.txt, read as windows-1251.',
			'From the file pravda.txt.'
		]);
	});

	it('loads a comparison with no people, source or notes, as a new one would be', () => {
		const ws = english();
		const folder = path.join(root, 'plain');
		mkdirSync(folder);
		for (const [file, text] of Object.entries(workspaceToCaseFiles(ws))) {
			mkdirSync(path.join(folder, path.dirname(file)), { recursive: true });
			writeFileSync(path.join(folder, file), text);
		}
		const [loaded] = loadCorpus(folder);
		expect(loaded.people).toEqual(['Not recorded']);
		expect(loaded.sources[0].citation).toBe('Supplied by the person who made this comparison.');
		expect(loaded.notes).toEqual([]);
	});
});
