// The language of a text: the BCP 47 tag it is written with (`en`, `ru`, `pt-BR`), how a tag is
// checked, and a guess from the text itself for a text the reader gives without saying.
//
// The guess is conservative: it says `ru`, `uk` or `en` only on plain evidence, and otherwise
// `und` ("undetermined"), which is honest where a wrong `en` would mislead a screen reader, a
// hyphenator and every TEI or HTML export. It reads the first `SAMPLE` characters, and:
// 1. Counts the letters by script. A text that is not at least 80% Cyrillic or 80% Latin letters
//    (or has fewer than `MIN_WORDS` words) is `und`.
// 2. Cyrillic: `uk` when every letter is of the Ukrainian alphabet and some are its own, і ї є ґ
//    (Belarusian has ў, ы and э; Russian and Rusyn ы; Bulgarian neither і nor ї). `ru` when every
//    letter is of the Russian alphabet, ы, э or ё or a word Bulgarian lacks (`что`, `это`, `мы`…)
//    says it is not Bulgarian (the only other language written with those letters alone), and the
//    commonest Russian words make up 10% of the words, three of them at least.
// 3. Latin: `en` when letters outside a–z are under 2% of the letters (French, German, Polish,
//    Portuguese, Danish… have more; English has them in a borrowed `café`), one of the words
//    that only English uses so often is there (`the`, `and`, `that`, `with`…), and the commonest
//    English words make up 15% of the words, three of them at least. Words common in other
//    languages too are left out of the list: `a`, `in`, `is`, `an`, `die`.
// Anything else, even plainly Spanish or German, is `und`: the reader says what it is.

/** "Undetermined": the tag BCP 47 gives a text whose language is not known. */
export const UNDETERMINED = 'und';

/** Tags offered as the reader types one (any well-formed tag may be given). */
export const LANGUAGE_SUGGESTIONS: { tag: string; name: string }[] = [
	{ tag: 'en', name: 'English' },
	{ tag: 'ru', name: 'Russian' },
	{ tag: 'uk', name: 'Ukrainian' },
	{ tag: 'de', name: 'German' },
	{ tag: 'fr', name: 'French' },
	{ tag: 'es', name: 'Spanish' },
	{ tag: 'it', name: 'Italian' },
	{ tag: 'pl', name: 'Polish' },
	{ tag: 'pt', name: 'Portuguese' },
	{ tag: 'zh', name: 'Chinese' },
	{ tag: 'ar', name: 'Arabic' },
	{ tag: UNDETERMINED, name: 'Undetermined' }
];

/** A BCP 47 language tag, loosely: `en`, `ru`, `pt-BR`, `und`. The corpus loader asks this too. */
export function isLanguageTag(tag: string): boolean {
	return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag);
}

/** Why `tag` cannot be a text's language, in a sentence; null when it can. */
export function languageProblem(tag: string): string | null {
	const trimmed = tag.trim();
	if (trimmed === '') {
		return `The language is empty: give a tag such as en or ru (${UNDETERMINED} if it is not known).`;
	}
	if (isLanguageTag(trimmed)) return null;
	return (
		`“${tag}” is not a language tag: write one such as en, ru or pt-BR ` +
		`(${UNDETERMINED} if it is not known).`
	);
}

/** The tag to write for `tag`: itself, trimmed, when it is one, or else `und`. */
export function usableLanguage(tag: string): string {
	return languageProblem(tag) === null ? tag.trim() : UNDETERMINED;
}

/** Characters read: enough to tell, and quick on a text of megabytes. */
const SAMPLE = 20_000;
/** Fewer words than this are no evidence at all. */
const MIN_WORDS = 3;

const RUSSIAN_WORDS = new Set(
	('и в во не на я что с со он она оно они как а то это по к но из у же за бы от мы вы так ' +
		'его её ее для все всё был была было были меня мне себя только о об ли уже или').split(' ')
);
/** Common Russian words that Bulgarian does not have. */
const RUSSIAN_ONLY = new Set(
	'что это он мы вы бы же его её ее был была было были меня мне себя только'.split(' ')
);
/** Common English words that no other language written in a–z uses as often. */
const ENGLISH_ONLY = new Set('the and that with which this would been their there'.split(' '));
const ENGLISH_WORDS = new Set(
	('the and of to that it was for with he she we they you i not this be are have had his her ' +
		'on at by as but from or which were would there their been has my our all what will if')
		.split(' ')
);

/** The language of `text`, guessed as the comment at the top says: `ru`, `uk`, `en` or `und`. */
export function guessLanguage(text: string): string {
	const sample = text.slice(0, SAMPLE).toLowerCase();
	const words = sample.match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
	if (words.length < MIN_WORDS) return UNDETERMINED;
	const count = (pattern: RegExp) => sample.match(pattern)?.length ?? 0;
	const letters = count(/\p{L}/gu);
	const cyrillic = count(/\p{Script=Cyrillic}/gu);
	const latin = count(/\p{Script=Latin}/gu);

	// Share of the words in `list`, and how many different ones of it were found.
	const evidence = (list: Set<string>) => {
		const found = words.filter((w) => list.has(w));
		return { share: found.length / words.length, distinct: new Set(found).size };
	};

	if (cyrillic >= 0.8 * letters) {
		if (count(/[а-щьюяєіїґ]/g) === cyrillic && count(/[єіїґ]/g) > 0) return 'uk';
		if (count(/[а-яё]/g) !== cyrillic) return UNDETERMINED;
		const notBulgarian = count(/[ыэё]/g) > 0 || words.some((w) => RUSSIAN_ONLY.has(w));
		const { share, distinct } = evidence(RUSSIAN_WORDS);
		return notBulgarian && share >= 0.1 && distinct >= 3 ? 'ru' : UNDETERMINED;
	}
	if (latin >= 0.8 * letters) {
		if (latin - count(/[a-z]/g) > 0.02 * latin) return UNDETERMINED;
		const english = words.some((w) => ENGLISH_ONLY.has(w));
		const { share, distinct } = evidence(ENGLISH_WORDS);
		return english && share >= 0.15 && distinct >= 3 ? 'en' : UNDETERMINED;
	}
	return UNDETERMINED;
}

/**
 * A text's language once its text is `after` instead of `before`: a language the reader chose
 * stays; one that was never their choice (`und`, or the guess for `before`) gives way to what
 * the new text's file says (`stated`, when it is a tag), or else to the guess for `after`.
 */
export function languageAfter(
	language: string,
	before: string,
	after: string,
	stated?: string
): string {
	const guessed = language === UNDETERMINED || language === guessLanguage(before);
	if (!guessed) return language;
	return stated !== undefined && isLanguageTag(stated) ? stated : guessLanguage(after);
}
