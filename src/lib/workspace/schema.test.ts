import { describe, expect, it } from 'vitest';
import { emptyWorkspace } from './defaults';
import { sampleWorkspace as sample } from '../test/sample-workspace';
import { copyWorkspace, isWorkspace, workspaceProblem, type SavedWorkspace } from './schema';
import type { Workspace } from './types';

/** `sample()` with one change made at `path`, as JSON would hold it. */
function broken(change: (ws: Record<string, any>) => void): unknown {
	const ws = JSON.parse(JSON.stringify(sample()));
	change(ws);
	return ws;
}

describe('isWorkspace and workspaceProblem', () => {
	it('accepts a workspace, with or without the optional fields', () => {
		expect(workspaceProblem(sample())).toBe(null);
		expect(isWorkspace(sample())).toBe(true);
		expect(isWorkspace(emptyWorkspace())).toBe(true);
	});

	it('accepts what the page may show and let the reader fix: an unknown base or target', () => {
		expect(isWorkspace(broken((ws) => (ws.base = 'gone')))).toBe(true);
		expect(isWorkspace(broken((ws) => (ws.target = 'spoken')))).toBe(true);
	});

	// Issue 9: each of these passed the shape check and then broke the page.
	it('refuses what would break the page: fewer than two texts, ids given twice', () => {
		const cases: [(ws: Record<string, any>) => void, string][] = [
			[(ws) => (ws.texts = []), 'it has no texts, and a comparison needs two'],
			[(ws) => ws.texts.pop(), 'it has only one text, and a comparison needs two'],
			[(ws) => (ws.texts[1].id = 'spoken'), 'two texts have the id “spoken”'],
			[(ws) => (ws.notes[1].id = 'note-1'), 'two notes have the id “note-1”'],
			[
				(ws) => ws.attributions.push({ ...ws.attributions[0], hand: 'Other' }),
				'two attributions have the id “attribution-1”'
			]
		];
		for (const [change, problem] of cases) {
			expect(workspaceProblem(broken(change))).toBe(problem);
		}
	});

	it('refuses what is not an object', () => {
		for (const value of [null, undefined, 'workspace', 3, [], [sample()]]) {
			expect(workspaceProblem(value)).toBe('the workspace is not an object');
		}
	});

	it('names the first field that is missing or of the wrong kind', () => {
		const cases: [(ws: Record<string, any>) => void, string][] = [
			[(ws) => delete ws.texts, 'texts is missing'],
			[(ws) => (ws.texts = {}), 'texts is not a list'],
			[(ws) => (ws.texts[1] = 'published'), 'texts[1] is not an object'],
			[(ws) => delete ws.texts[0].id, 'texts[0].id is missing'],
			[(ws) => (ws.texts[1].label = 7), 'texts[1].label is not text'],
			[(ws) => (ws.texts[0].text = null), 'texts[0].text is not text'],
			[(ws) => delete ws.texts[0].origin, 'texts[0].origin is missing'],
			[(ws) => (ws.texts[1].encoding = 1251), 'texts[1].encoding is not text'],
			[(ws) => (ws.texts[0].language = null), 'texts[0].language is not text'],
			[(ws) => (ws.texts[0].lines = 'yes'), 'texts[0].lines is not true or false'],
			[(ws) => delete ws.base, 'base is missing'],
			[(ws) => (ws.target = ['published']), 'target is not text'],
			[(ws) => (ws.notes = null), 'notes is not a list'],
			[(ws) => (ws.notes[0] = null), 'notes[0] is not an object'],
			[(ws) => delete ws.notes[1].title, 'notes[1].title is missing'],
			[(ws) => (ws.notes[0].markdown = 1), 'notes[0].markdown is not text'],
			[(ws) => delete ws.notes[0].anchor, 'notes[0].anchor is missing'],
			[(ws) => (ws.notes[1].anchor = 'deny'), 'notes[1].anchor is not an object or null'],
			[(ws) => delete ws.notes[1].anchor.quote, 'notes[1].anchor.quote is missing'],
			[(ws) => (ws.notes[1].anchor.witness = 1), 'notes[1].anchor.witness is not text'],
			[(ws) => (ws.notes[1].anchor.prefix = null), 'notes[1].anchor.prefix is not text'],
			[(ws) => (ws.attributions = {}), 'attributions is not a list'],
			[(ws) => (ws.attributions[0] = 'deny'), 'attributions[0] is not an object'],
			[(ws) => delete ws.attributions[0].id, 'attributions[0].id is missing'],
			[(ws) => delete ws.attributions[0].anchor, 'attributions[0].anchor is missing'],
			[(ws) => (ws.attributions[0].anchor = null), 'attributions[0].anchor is not an object'],
			[(ws) => (ws.attributions[0].anchor.quote = 3), 'attributions[0].anchor.quote is not text'],
			[(ws) => (ws.attributions[0].hand = ['Editor']), 'attributions[0].hand is not text'],
			[(ws) => (ws.attributions[0].date = 20240502), 'attributions[0].date is not text'],
			[
				(ws) => (ws.attributions[0].cert = 'high'),
				'attributions[0].cert is not one of certain, probable, conjectural'
			],
			[(ws) => delete ws.meta, 'meta is missing'],
			[(ws) => (ws.meta = []), 'meta is not an object'],
			[(ws) => delete ws.meta.date, 'meta.date is missing'],
			[(ws) => (ws.meta.rights = false), 'meta.rights is not text'],
			[(ws) => (ws.meta.language = ['ru']), 'meta.language is not text'],
			[(ws) => (ws.meta.people = 'Bukharin'), 'meta.people is not a list'],
			[(ws) => ws.meta.people.push(null), 'meta.people[1] is not text'],
			[(ws) => (ws.pairwise = 'yes'), 'pairwise is not true or false'],
			[(ws) => delete ws.mode, 'mode is missing'],
			[(ws) => (ws.mode = 'diff'), 'mode is not one of marks, base, target, side']
		];
		for (const [change, problem] of cases) {
			expect(workspaceProblem(broken(change))).toBe(problem);
			expect(isWorkspace(broken(change))).toBe(false);
		}
	});
});

describe('copyWorkspace', () => {
	it('copies every field and nothing else, leaving out optional fields that were not there', () => {
		const ws = sample();
		const copy = copyWorkspace({ ...ws, extra: 'dropped' } as Workspace);
		expect(copy).toStrictEqual(ws);
		expect(copy.texts[0]).not.toHaveProperty('encoding');
		expect(copy.notes[0].anchor).toBe(null);
		copy.meta.people.push('Someone');
		expect(ws.meta.people).toEqual(['Nikolai Bukharin (defendant)']);
	});

	it('gives each text of a workspace saved with one language for all a language of its own', () => {
		// As saved before the texts had languages: the language in meta, none on the texts.
		const saved = broken((ws) => {
			ws.meta.language = 'de';
			ws.texts[0].text = 'Я не знаю, что это.';
			for (const text of ws.texts) delete text.language;
		});
		expect(workspaceProblem(saved)).toBe(null);
		const copy = copyWorkspace(saved as SavedWorkspace);
		// The guess where it can tell; the language saved for all where it cannot.
		expect(copy.texts.map((t) => t.language)).toEqual(['ru', 'de']);
		expect(copy.meta).not.toHaveProperty('language');
		expect(copy).toStrictEqual({
			...sample(),
			texts: [
				{ ...sample().texts[0], text: 'Я не знаю, что это.', language: 'ru' },
				{ ...sample().texts[1], language: 'de' }
			]
		});
	});

	it('reads a workspace saved before it kept attributions as one without any', () => {
		const saved = broken((ws) => delete ws.attributions);
		expect(workspaceProblem(saved)).toBe(null);
		expect(copyWorkspace(saved as SavedWorkspace)).toStrictEqual({ ...sample(), attributions: [] });
	});

	it('keeps whether a text’s lines matter, and reads a text saved without it as not', () => {
		const ws = sample();
		ws.texts[0].lines = true;
		ws.texts[1].lines = false;
		const copy = copyWorkspace(ws);
		expect(copy.texts.map((t) => t.lines)).toEqual([true, undefined]);
		expect(copy.texts[1]).not.toHaveProperty('lines');
		expect(workspaceProblem(sample())).toBe(null);
	});

	it('keeps whether the texts are read two at a time, and reads a workspace saved without it as all at once', () => {
		const ws = sample();
		ws.pairwise = true;
		expect(workspaceProblem(ws)).toBe(null);
		expect(copyWorkspace(ws).pairwise).toBe(true);
		ws.pairwise = false;
		expect(copyWorkspace(ws)).toStrictEqual(sample());
		expect(copyWorkspace(sample())).not.toHaveProperty('pairwise');
	});

	it('names a mode saved under its former name by its name now', () => {
		for (const [former, mode] of [
			['spoken', 'base'],
			['published', 'target']
		]) {
			const saved = broken((ws) => (ws.mode = former));
			expect(workspaceProblem(saved)).toBe(null);
			expect(copyWorkspace(saved as Workspace)).toStrictEqual({ ...sample(), mode });
		}
	});
});
