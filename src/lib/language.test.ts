import { describe, expect, it } from 'vitest';
import {
	guessLanguage,
	isLanguageTag,
	languageAfter,
	languageProblem,
	usableLanguage
} from './language';

// Bukharin at the trial, as the Russian fixtures of the decoder quote him (tests/fixtures).
const RUSSIAN =
	'Я опровергаю прежде всего свой якобы факт принадлежности к группе, сидящей на скамье ' +
	'подсудимых, ибо такой группы, как таковой, вовсе не было...';
// The opening of the Nicolay copy of the Gettysburg Address (corpus/gettysburg).
const ENGLISH =
	'Four score and seven years ago our fathers brought forth, upon this continent, a new nation, ' +
	'conceived in liberty, and dedicated to the proposition that "all men are created equal"';

describe('guessLanguage', () => {
	it('says ru for Russian prose, and en for English', () => {
		expect(guessLanguage(RUSSIAN)).toBe('ru');
		expect(guessLanguage(ENGLISH)).toBe('en');
	});

	// The sentences below are written for these tests, each to show one rule.
	it('says uk for Cyrillic with і, ї or є and no letter Ukrainian lacks', () => {
		expect(guessLanguage('Він сказав, що її там не було.')).toBe('uk');
		expect(guessLanguage('Я знаю, що це правда і що він прийде.')).toBe('uk');
	});

	it('says und for Cyrillic of other languages: Belarusian, Bulgarian, Serbian, Kazakh', () => {
		// Belarusian: і with ў and ы.
		expect(guessLanguage('Ён сказаў, што іх там не было.')).toBe('und');
		// Bulgarian: the Russian letters only, but none of ы, э, ё, and no word Bulgarian lacks.
		expect(guessLanguage('Аз не съм в града и не го видях там.')).toBe('und');
		// Serbian: ј, љ, њ.
		expect(guessLanguage('Он није знао да је она била у граду.')).toBe('und');
		// Kazakh: ә, қ, ұ.
		expect(guessLanguage('Мен бүгін қалаға барамын және ол да келеді.')).toBe('und');
	});

	it('says ru for short Russian without ы, э or ё when a word Bulgarian lacks says so', () => {
		expect(guessLanguage('Я не знаю, что это.')).toBe('ru');
	});

	it('says und for Latin-script languages that are not English', () => {
		// German and Dutch share a few short words with English (`was`, `we`, `of`), none of
		// those that only English uses so often (`the`, `and`, `that`…).
		expect(guessLanguage('Ich war in der Stadt und habe ihn nicht gesehen. Was ist das?')).toBe('und');
		expect(guessLanguage('Ik was in de stad en we hebben hem niet gezien, of wel?')).toBe('und');
		// French and Polish: letters outside a–z.
		expect(guessLanguage('Il a été à la maison de son père, et il est là.')).toBe('und');
		expect(guessLanguage('To jest mój dom i mieszkam w nim od dawna, a ty?')).toBe('und');
		// Italian: few accents, but `i` alone is not three English words.
		expect(guessLanguage('Vado a casa con i miei amici in una ora.')).toBe('und');
	});

	it('says und for too little text, no letters, or mixed scripts', () => {
		expect(guessLanguage('')).toBe('und');
		expect(guessLanguage('I deny.')).toBe('und');
		// English words, but none of those only English uses so often: too little to tell.
		expect(guessLanguage('We met at noon. I deny it all.')).toBe('und');
		expect(guessLanguage('1938 — 12.03 — 1996')).toBe('und');
		expect(guessLanguage(`${ENGLISH} ${RUSSIAN}`)).toBe('und');
		expect(guessLanguage('他说他不知道这件事情，我们都相信他。')).toBe('und');
	});

	it('reads only the start of a long text', () => {
		expect(guessLanguage(`${ENGLISH} `.repeat(200) + 'Я не знаю, что это. '.repeat(10_000))).toBe('en');
	});
});

describe('languageAfter', () => {
	it('guesses again when the language was und or the guess for the text before', () => {
		expect(languageAfter('und', '', RUSSIAN)).toBe('ru');
		expect(languageAfter('en', ENGLISH, RUSSIAN)).toBe('ru');
		expect(languageAfter('ru', RUSSIAN, 'Ich weiß es nicht.')).toBe('und');
	});

	it('takes the language the new text’s file states, when it is a tag', () => {
		expect(languageAfter('und', '', ENGLISH, 'en-US')).toBe('en-US');
		expect(languageAfter('und', '', RUSSIAN, 'Russian')).toBe('ru');
		expect(languageAfter('de', 'Ich weiß es nicht.', RUSSIAN, 'ru')).toBe('de');
	});

	it('keeps a language the reader chose', () => {
		expect(languageAfter('de', 'Ich weiß es nicht.', RUSSIAN)).toBe('de');
		// The guess for English prose is en: a reader's ru on it was their choice.
		expect(languageAfter('ru', ENGLISH, ENGLISH + ' And more.')).toBe('ru');
	});
});

describe('isLanguageTag and languageProblem', () => {
	it('accepts tags of a language with a region, script or variant, and und', () => {
		for (const tag of ['en', 'ru', 'pt-BR', 'zh-Hant-TW', 'sr-Latn', 'und', 'yue']) {
			expect([tag, isLanguageTag(tag), languageProblem(tag)]).toEqual([tag, true, null]);
		}
	});

	it('says what is wrong with a tag that is malformed or empty', () => {
		expect(languageProblem('English')).toBe(
			'“English” is not a language tag: write one such as en, ru or pt-BR (und if it is not known).'
		);
		expect(languageProblem('en_GB')).toBe(
			'“en_GB” is not a language tag: write one such as en, ru or pt-BR (und if it is not known).'
		);
		expect(languageProblem(' ')).toBe(
			'The language is empty: give a tag such as en or ru (und if it is not known).'
		);
		expect(isLanguageTag('en-')).toBe(false);
	});

	it('takes a tag with spaces around it, trimmed; anything else is written und', () => {
		expect(usableLanguage(' ru ')).toBe('ru');
		expect(usableLanguage('Russian')).toBe('und');
		expect(usableLanguage('')).toBe('und');
	});
});
