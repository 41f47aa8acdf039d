import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCase, type CaseFolder, type ParsedCase } from './parse';
import { oneLine, writeCase, type CaseToWrite } from './write';

/** A case's files (paths inside its folder) as the parser reads them. */
function folderOf(files: Record<string, string | Uint8Array>): CaseFolder {
	const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
	return {
		dir: '',
		read: (file) => (Object.hasOwn(files, file) ? bytes(files[file]) : undefined),
		notes: Object.keys(files)
			.filter((f) => f.startsWith('notes/'))
			.map((f) => f.slice('notes/'.length))
	};
}

/** A case folder of corpus/ on disk. */
function corpusCase(slug: string): Record<string, Uint8Array> {
	const dir = new URL(`../../../corpus/${slug}/`, import.meta.url);
	const files: Record<string, Uint8Array> = {};
	for (const name of readdirSync(dir, { recursive: true }) as string[]) {
		if (/\.(txt|md)$/.test(name) && name !== 'README.md') {
			files[name] = new Uint8Array(readFileSync(new URL(name, dir)));
		}
	}
	return files;
}

describe('writeCase', () => {
	it('writes each case of the corpus so that parseCase reads back the same case', () => {
		for (const slug of ['bukharin-1938', 'gettysburg']) {
			const parsed = parseCase(folderOf(corpusCase(slug)));
			const files = writeCase(parsed);
			const back = parseCase(folderOf(files));
			// An attribution's line is where its block stands in the file read, and the file written
			// has none of the original's comments: the lines point to its own [change] blocks.
			const lines = (c: ParsedCase) => c.attributions.map((a) => a.line);
			const changeLines = (files['changes.txt'] ?? '')
				.split('\n')
				.flatMap((line, i) => (line === '[change]' ? [i + 1] : []));
			expect(lines(back)).toEqual(changeLines);
			const withoutLines = (c: ParsedCase) => ({
				...c,
				attributions: c.attributions.map(({ line: _line, ...a }) => a)
			});
			expect(withoutLines(back)).toStrictEqual(withoutLines(parsed));
		}
	});

	it('writes causes and attributions to changes.txt, which reads back the same', () => {
		const parsed: ParsedCase = {
			...parseCase(folderOf(corpusCase('gettysburg'))),
			causes: [{ id: 'style', label: 'Style' }],
			attributions: [
				{
					anchor: { witness: 'nicolay', quote: 'in all propriety', prefix: 'may, ' },
					hand: 'A. Hand, in ink',
					cause: 'style',
					cert: 'conjectural',
					source: 'draftsync',
					date: '1863-11-19',
					file: 'changes.txt',
					line: 7
				}
			]
		};
		const files = writeCase(parsed);
		expect(files['changes.txt']).toBe(
			'# Who made each change, why, and how sure we are.\n' +
				'# The format of this file is described in corpus/README.md.\n\n' +
				'[cause style]\nlabel: Style\n\n' +
				'[change]\nwitness: nicolay\nquote: in all propriety\nprefix: may,\nhand: A. Hand, in ink\n' +
				'cause: style\ncert: conjectural\nsource: draftsync\ndate: 1863-11-19\n'
		);
		expect(parseCase(folderOf(files))).toStrictEqual(parsed);
	});

	it('wraps a long value at single spaces, so that it reads back exactly', () => {
		const summary = `${'word '.repeat(30)}two  spaces kept`;
		const parsed: CaseToWrite = {
			title: 'T',
			date: '2000-01-31',
			people: ['A'],
			language: 'en',
			summary,
			kind: 'Redaction',
			rights: 'Free.',
			sources: [{ id: 's', citation: 'C.', url: 'https://example.org/c' }],
			witnesses: ['a', 'b'].map((id) => ({
				id,
				label: id.toUpperCase(),
				description: 'D.',
				source: 's',
				text: `Text ${id}.\n`,
				file: `${id}.txt`,
				...(id === 'b' ? { language: 'ru' } : {})
			})),
			comparison: { base: 'a', target: 'b' },
			notes: [
				{
					id: '01-n',
					title: 'N',
					anchor: { witness: 'a', quote: 'a.', prefix: 'Text ' },
					markdown: 'Why.',
					file: 'notes/01-n.md'
				}
			]
		};
		const files = writeCase(parsed);
		expect(files['case.txt'].split('\n').every((line) => line.length <= 100)).toBe(true);
		expect(files['case.txt']).toContain('\n\tword');
		expect(files['case.txt']).toContain('\nsource: s\nfile: a.txt\n\n[witness b]\n');
		expect(files['case.txt']).toContain('\n[witness b]\nlabel: B\ndescription: D.\nlanguage: ru\nsource: s\nfile: b.txt\n');
		expect(files['notes/01-n.md']).toBe('---\ntitle: N\nwitness: a\nquote: a.\nprefix: Text\n---\n\nWhy.\n');
		expect(files).not.toHaveProperty('changes.txt');
		const read = { ...parsed, summary: summary.trim(), causes: [], attributions: [] };
		expect(parseCase(folderOf(files))).toStrictEqual(read);
		// A case's own redaction markers read back as they were, white space inside them kept.
		const marked = { ...parsed, placeholders: ['[NAME  REMOVED]', 'XXXX'] };
		expect(writeCase(marked)['case.txt']).toContain('\nplaceholders: [NAME  REMOVED] | XXXX\n');
		expect(parseCase(folderOf(writeCase(marked)))).toStrictEqual({ ...read, placeholders: marked.placeholders });
	});
});

describe('oneLine', () => {
	it('makes each run of whitespace that holds a line break one space, and trims', () => {
		expect(oneLine('  a\r\n  b\u2028c  d ')).toBe('a b c  d');
	});
});
