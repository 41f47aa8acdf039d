import { describe, expect, it } from 'vitest';
import {
	emptyWorkspace,
	isGivenLabel,
	kindOf,
	nameFromFile,
	slugify,
	uniqueId,
	workspaceCauses
} from './defaults';

describe('emptyWorkspace', () => {
	it('holds two empty pasted texts, spoken against published, of no known date, kind or language', () => {
		expect(emptyWorkspace()).toStrictEqual({
			texts: [
				{ id: 'spoken', label: 'As spoken', text: '', origin: 'pasted', language: 'und' },
				{ id: 'published', label: 'As published', text: '', origin: 'pasted', language: 'und' }
			],
			base: 'spoken',
			target: 'published',
			notes: [],
			attributions: [],
			meta: {
				title: 'Untitled comparison',
				date: '',
				people: [],
				summary: '',
				kind: '',
				source: '',
				rights: 'The texts belong to their owners; this comparison was made privately.'
			},
			mode: 'marks'
		});
	});

	it('returns a new object each time, so that editing one leaves the next alone', () => {
		const first = emptyWorkspace();
		first.texts[0].text = 'edited';
		first.meta.people.push('Someone');
		expect(emptyWorkspace().texts[0].text).toBe('');
		expect(emptyWorkspace().meta.people).toEqual([]);
	});
});

describe('kindOf', () => {
	it('is the reader’s words, trimmed, or Comparison when they gave none', () => {
		expect(kindOf(' Licence versions ')).toBe('Licence versions');
		expect(kindOf('')).toBe('Comparison');
		expect(kindOf('  ')).toBe('Comparison');
	});
});

describe('nameFromFile', () => {
	it('drops the extension, and only that', () => {
		expect(nameFromFile('gpl-2.0.txt')).toBe('gpl-2.0');
		expect(nameFromFile('Hearing, 3 May.docx')).toBe('Hearing, 3 May');
		expect(nameFromFile('letter.tei.xml')).toBe('letter');
		expect(nameFromFile('notes.xml')).toBe('notes');
	});

	it('keeps a name without an extension whole, and a name that is only one', () => {
		expect(nameFromFile('v2.0')).toBe('v2.0');
		expect(nameFromFile('README')).toBe('README');
		expect(nameFromFile('.txt')).toBe('.txt');
	});

	it('shows directional controls as marks, as file names are shown', () => {
		expect(nameFromFile('invoice\u202Efdp.txt')).toBe('invoice[U+202E]fdp');
	});
});

describe('isGivenLabel', () => {
	it('is true of the names a new text gets, and of a name taken from its file', () => {
		expect(isGivenLabel('As spoken', 'pasted')).toBe(true);
		expect(isGivenLabel('As published', 'x.txt')).toBe(true);
		expect(isGivenLabel('Version 4', 'pasted')).toBe(true);
		expect(isGivenLabel('gpl-2.0', 'gpl-2.0.txt')).toBe(true);
	});

	it('is false of a name the reader typed', () => {
		expect(isGivenLabel('GPL, version 2', 'gpl-2.0.txt')).toBe(false);
		expect(isGivenLabel('as spoken', 'pasted')).toBe(false);
		expect(isGivenLabel('Version', 'pasted')).toBe(false);
		expect(isGivenLabel('pasted', 'pasted')).toBe(false);
	});
});

describe('slugify', () => {
	it('lowercases and joins words with hyphens', () => {
		expect(slugify('As spoken')).toBe('as-spoken');
		expect(slugify('Official record, 2nd ed.')).toBe('official-record-2nd-ed');
	});

	it('drops accents and apostrophes rather than splitting words on them', () => {
		expect(slugify('Élysée draft')).toBe('elysee-draft');
		expect(slugify('Bukharin’s final statement, 12 March 1938')).toBe(
			'bukharins-final-statement-12-march-1938'
		);
		expect(slugify("Lincoln's copy")).toBe('lincolns-copy');
	});

	it('keeps only ASCII letters and digits: Cyrillic is dropped', () => {
		expect(slugify('Стенограмма 1938')).toBe('1938');
		expect(slugify('  --Hay copy--  ')).toBe('hay-copy');
	});

	it('falls back when nothing is left', () => {
		expect(slugify('Стенограмма')).toBe('text');
		expect(slugify('')).toBe('text');
		expect(slugify('…', 'comparison')).toBe('comparison');
	});

	it('cuts a long label at a hyphen, to at most 60 characters', () => {
		const slug = slugify(
			'The final statement of the defendant as it was spoken in court on the evening of 12 March'
		);
		expect(slug).toBe('the-final-statement-of-the-defendant-as-it-was-spoken-in');
		expect(slugify('a'.repeat(70))).toBe('a'.repeat(60));
	});
});

describe('uniqueId', () => {
	it('returns the base when it is free', () => {
		expect(uniqueId('spoken', ['published'])).toBe('spoken');
	});

	it('adds -2, -3 ... until the id is free', () => {
		expect(uniqueId('text', ['text'])).toBe('text-2');
		expect(uniqueId('text', new Set(['text', 'text-2', 'text-3']))).toBe('text-4');
	});
});

describe('workspaceCauses', () => {
	it('names each wording once, in the order first used, with an id made from it', () => {
		const said = ['Privacy', undefined, 'Data protection', 'Privacy', 'privacy', 'Раз'].map((cause) => ({ cause }));
		expect(workspaceCauses(said)).toEqual([
			{ id: 'privacy', label: 'Privacy' },
			{ id: 'data-protection', label: 'Data protection' },
			{ id: 'privacy-2', label: 'privacy' },
			{ id: 'cause', label: 'Раз' }
		]);
	});
});
