// Deterministic pairs of the kinds of text that are hard to align, beside the prose of
// bench-data.ts: texts with a small vocabulary and formulae that repeat (a trial transcript, a
// litany, tables of figures, verse with a refrain), paragraphs moved, and paragraphs that are near
// copies of each other. Each family (`SOURCES`) makes a base text of a size in characters from a
// random stream, and copies of it with a share of its words edited; from a seed, `FAMILIES` makes
// pairs of a base and a copy, and `witnessesOf` (bench-data.ts) a base and several copies to
// collate, the same for the same arguments, so unit tests can import them for small instances and
// the benchmark for large ones.
//
// What makes these hard: an aligner that anchors on words found once in each text finds few such
// words here, and one that compares words by frequency finds every word everywhere. The edits use
// the family's own vocabulary, so an edited word usually equals some other word nearby.
//
// `editedShare` is (base words deleted or replaced + words inserted) / base words, as generated;
// words are counted as the tokenizer counts them (`12,450` is two words).

import {
	editable,
	editParagraphs,
	generate,
	pairMaker,
	paragraph,
	pickWord,
	render,
	vocabulary,
	type Copy,
	type Item,
	type PairMaker,
	type Paragraph,
	type Source,
	type SourceMaker,
	type Vocabulary
} from './bench-data';

// ---------------------------------------------------------------------------------------------
// Shared pieces: lines of words, blocks of lines, and edits on them

/** A word and the punctuation after it; a `fixed` word (a speaker's label) is never edited. */
interface Word extends Item {
	fixed?: boolean;
}
type Line = Word[];
/** A paragraph or stanza: lines joined by single newlines. */
type Block = Line[];

type Random = () => number;

const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const between = (random: Random, lo: number, hi: number): number =>
	lo + Math.floor(random() * (hi - lo + 1));

const WORD_RUN = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
/** Words in `text` as the tokenizer counts them: `12,450` and `3.2%` are two each. */
const countWords = (text: string): number => text.match(WORD_RUN)?.length ?? 0;
const lineWords = (line: Line): number => line.reduce((n, w) => n + countWords(w.word), 0);
const blockWords = (block: Block): number => block.reduce((n, l) => n + lineWords(l), 0);

/**
 * `text` as words: split at spaces, with the punctuation at the end of each piece kept apart.
 * `{name}` slots are filled from `slots` (a value may be several words).
 */
function words(text: string, slots: Record<string, string> = {}): Line {
	const filled = text.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? `{${key}}`);
	return filled.split(' ').map((piece) => {
		const m = /^(.*?)([,.;:?!]*)$/.exec(piece)!;
		return { word: m[1], after: m[2] };
	});
}

/** Words are joined by a space, unless the punctuation after one ends in whitespace (a tab). */
function renderLine(line: Line): string {
	let s = '';
	for (const w of line) {
		if (s !== '' && !/\s$/.test(s)) s += ' ';
		s += w.word + w.after;
	}
	return s;
}

const renderBlocks = (blocks: Block[]): string =>
	blocks.map((block) => block.map(renderLine).join('\n')).join('\n\n');

/** Base words and edited words, counted as the edits are made. */
interface Tally {
	words: number;
	edited: number;
}

/**
 * A copy of `line` in which each word, with probability `rate`, is replaced, deleted or followed
 * by an inserted word (a third each), the new words coming from `another`.
 */
function editLine(
	line: Line,
	rate: number,
	random: Random,
	another: () => string,
	tally: Tally
): Line {
	const out: Line = [];
	for (const w of line) {
		const x = w.fixed ? 1 : random();
		if (x < rate / 3) {
			out.push({ word: another(), after: w.after });
			tally.edited += countWords(w.word);
		} else if (x < (rate * 2) / 3) {
			// Deleted: its punctuation stays, on the word before (not on a label). A copy, since
			// the word before may be the base text's own.
			const previous = out[out.length - 1];
			if (w.after !== '' && previous !== undefined && !previous.fixed) {
				out[out.length - 1] = { ...previous, after: w.after };
			}
			tally.edited += countWords(w.word);
		} else if (x < rate) {
			out.push({ word: w.word, after: '', fixed: w.fixed }, { word: another(), after: w.after });
			tally.edited++;
		} else {
			out.push(w);
		}
	}
	return out;
}

/** Blocks until their text is about `size` characters long. */
function fill(size: number, next: () => Block): Block[] {
	const blocks: Block[] = [];
	let length = 0;
	while (length < size) {
		const block = next();
		blocks.push(block);
		length += block.reduce((n, line) => n + renderLine(line).length + 1, 1);
	}
	return blocks;
}

/**
 * All words of some lines of text, with repeats: a family's vocabulary, weighted by use. Slots
 * (`{name}`) and numbers are left out.
 */
const vocabularyOf = (texts: readonly string[]): string[] =>
	texts
		.flatMap((t) => t.replace(/\{\w+\}/g, ' ').match(WORD_RUN) ?? [])
		.filter((w) => !/^\d/.test(w));

// ---------------------------------------------------------------------------------------------
// 1. Transcript

const ACCUSED = [
	'Bukharin',
	'Rykov',
	'Yagoda',
	'Krestinsky',
	'Rakovsky',
	'Rosengoltz',
	'Ivanov',
	'Chernov',
	'Grinko',
	'Zelensky',
	'Ikramov',
	'Khodjayev',
	'Bessonov',
	'Levin',
	'Bulanov'
];
const MONTHS = (
	'January February March April May June July August September October November December'
).split(' ');
const PLACES = ['Moscow', 'Leningrad', 'Tashkent', 'Kiev', 'Berlin', 'Tiflis', 'the Crimea'];

// Turns, by who speaks them. `{X}` is the accused under examination, `{Y}` another accused.
const PROSECUTOR_OPENS = [
	'Permit me to put a question to the accused.',
	'Permit me to put a few questions to the accused {X}.',
	'I have a question to the accused {X}.'
];
const QUESTIONS = [
	'Accused {X}, do you confirm the testimony you gave at the preliminary investigation?',
	'When did you first meet {Y}?',
	'In what year?',
	'Was this in {year}?',
	'Did you know that {Y} was a member of the bloc?',
	'Tell the court what you spoke about with {Y}.',
	'Consequently, you confirm it?',
	'What did {Y} tell you?',
	'Where did this conversation take place?',
	'Who else was present?',
	'Did you inform {Y} of this?',
	'So you knew of it in {month} {year}?',
	'I ask that the testimony of the accused {X} given on {day} {month} {year} be read.',
	'I ask permission to read page {page} of volume {volume}.',
	'Do you admit that you were a member of the bloc?',
	'Accused {Y}, do you confirm what {X} has said?'
];
const ANSWERS = [
	'I confirm it.',
	'I confirm it in full.',
	'Yes, I confirm it.',
	'Yes.',
	'No.',
	'I do not remember.',
	'It was in {month} {year}.',
	'It was in {year}, in {place}.',
	'I met {Y} in {place} in {year}.',
	'I spoke with {Y} about this in {month}.',
	'That is correct.',
	'I do not deny it.',
	'I knew it from {Y}.',
	'I have already said so at the preliminary investigation.',
	'{Y} told me about it in {place}.',
	'Yes, I admit it.'
];
const STATEMENTS = ANSWERS.filter((a) => a.split(' ').length > 3);
const PROSECUTOR_CLOSES = [
	'I have no questions.',
	'I have no more questions.',
	'I have no more questions to the accused {X}.'
];
const PRESIDENT_SAYS = [
	'Sit down.',
	'Accused {X}, sit down.',
	'Accused {X}, do you have any questions?',
	'Have you any questions, Comrade Prosecutor?',
	'The accused {X} has the floor.',
	'Do you confirm this?',
	'Accused {X}, answer the question.'
];
const ADJOURNMENT = [
	['THE PRESIDENT', 'The court is adjourned for {minutes} minutes.'],
	['THE COMMANDANT', 'The court is coming, please rise.'],
	['THE PRESIDENT', 'Please be seated. The session is resumed.']
] as const;
const TRANSCRIPT_WORDS = vocabularyOf([
	...PROSECUTOR_OPENS,
	...QUESTIONS,
	...ANSWERS,
	...PROSECUTOR_CLOSES,
	...PRESIDENT_SAYS,
	...ADJOURNMENT.map(([, text]) => text),
	...ACCUSED,
	...MONTHS
]);

interface Turn {
	speaker: string;
	text: string;
	/** Who is under examination, so that an inserted turn can fit in. */
	accused: string;
}

function transcriptSlots(random: Random, accused: string): Record<string, string> {
	return {
		X: accused,
		Y: pick(random, ACCUSED.filter((name) => name !== accused)),
		year: String(between(random, 1928, 1937)),
		month: pick(random, MONTHS),
		day: String(between(random, 1, 28)),
		place: pick(random, PLACES),
		page: String(between(random, 1, 30)),
		volume: String(between(random, 1, 6)),
		minutes: pick(random, ['10', '15', '20', '30'])
	};
}

/** A speaker's turn: the label (`BUKHARIN:`), fixed, then one to three of the given formulae. */
function turnLine(random: Random, turn: Turn, most = 1): Line {
	const label = words(`${turn.speaker.toUpperCase()}:`).map((w) => ({ ...w, fixed: true }));
	const sentences = [turn.text];
	// Further sentences are statements, not another "Yes." or "No.".
	for (let k = 1; k < most && random() < 0.4; k++) sentences.push(pick(random, STATEMENTS));
	return [
		...label,
		...sentences.flatMap((s) => words(s, transcriptSlots(random, turn.accused)))
	];
}

/** One examination: the president or the prosecutor questions an accused, who answers. */
function examination(random: Random): Turn[] {
	const accused = pick(random, ACCUSED);
	const turns: Turn[] = [];
	const say = (speaker: string, text: string): void => {
		turns.push({ speaker, text, accused });
	};
	say('The President', QUESTIONS[0]);
	say(accused, pick(random, ANSWERS.slice(0, 3)));
	say('Vyshinsky', pick(random, PROSECUTOR_OPENS));
	say('The President', 'Please.');
	for (let q = between(random, 2, 8); q > 0; q--) {
		say('Vyshinsky', pick(random, QUESTIONS));
		say(accused, pick(random, ANSWERS));
	}
	say('Vyshinsky', pick(random, PROSECUTOR_CLOSES));
	say('The President', pick(random, PRESIDENT_SAYS));
	if (random() < 0.1) for (const [speaker, text] of ADJOURNMENT) say(speaker, text);
	return turns;
}

/**
 * A trial transcript: speaker turns, one a paragraph, from a vocabulary of about 200 words and
 * a few dozen formulae with names, dates and small numbers in them. About `share` of the words
 * are edited: words replaced, deleted or inserted inside turns (60%), turns deleted (20%) and new
 * question-and-answer turns inserted (20%). For example:
 *
 *     THE PRESIDENT: Accused Ikramov, do you confirm the testimony you gave at the preliminary
 *     investigation?
 *
 *     IKRAMOV: Yes, I confirm it.
 *
 *     VYSHINSKY: Permit me to put a question to the accused.
 *
 *     THE PRESIDENT: Please.
 *
 *     VYSHINSKY: When did you first meet Rakovsky?
 *
 *     IKRAMOV: It was in 1935, in Moscow. I do not deny it.
 */
function transcriptSource(size: number, random: Random): Source {
	const turns: { turn: Turn; line: Line }[] = [];
	let length = 0;
	while (length < size) {
		for (const turn of examination(random)) {
			const line = turnLine(random, turn, turn.speaker === turn.accused ? 3 : 1);
			turns.push({ turn, line });
			length += renderLine(line).length + 2;
		}
	}
	const a = renderBlocks(turns.map(({ line }) => [line]));
	return { edit: (share, random) => editTranscript(a, turns, share, random) };
}

function editTranscript(
	a: string,
	turns: { turn: Turn; line: Line }[],
	share: number,
	random: Random
): Copy {
	const tally: Tally = { words: 0, edited: 0 };
	const another = (): string => pick(random, TRANSCRIPT_WORDS);
	const target: Block[] = [];
	for (const { turn, line } of turns) {
		const n = lineWords(line);
		tally.words += n;
		if (random() < share * 0.2) {
			tally.edited += n;
		} else {
			// Labels are a seventh of the words and never edited.
			target.push([editLine(line, share * 0.7, random, another, tally)]);
		}
		if (random() < share * 0.1) {
			// A question and its answer (two turns, so 0.1 per turn is about 0.2 of the words).
			for (const [speaker, pool] of [
				['Vyshinsky', QUESTIONS],
				[turn.accused, ANSWERS]
			] as const) {
				const text = pick(random, pool);
				const inserted = turnLine(random, { speaker, text, accused: turn.accused });
				tally.edited += lineWords(inserted);
				target.push([inserted]);
			}
		}
	}
	return { a, b: renderBlocks(target), editedShare: tally.edited / tally.words };
}

// ---------------------------------------------------------------------------------------------
// 2. Litany

const RESPONSE = 'Lord, have mercy.';
const PETITION_FORMS = [
	'For {what}, let us pray to the Lord.',
	'For {who} {where}, let us pray to the Lord.',
	'That He will {grant}, let us pray to the Lord.'
];
const WHAT = [
	'the peace of the whole world',
	'this holy house',
	'our city',
	'seasonable weather',
	'the abundance of the fruits of the earth',
	'peaceful times',
	'travellers by land, by sea and by air',
	'the sick and the suffering',
	'captives and their salvation',
	'our deliverance from all affliction, wrath, danger and necessity'
];
const WHO = ['the people', 'the elders', 'the sick', 'the widows and orphans', 'all who labour'];
const WHERE = ['of this city', 'of every land', 'in the whole world', 'of this house'];
const GRANT = [
	'deliver us from all affliction',
	'hear the voice of our prayer',
	'have mercy on us',
	'send down peace upon us',
	'forgive us every sin'
];
const LITANY_OPENS = 'In peace let us pray to the Lord.';
const LITANY_CLOSES = [
	'Help us, save us, have mercy on us, and keep us, O God, by Thy grace.',
	RESPONSE,
	'Calling to remembrance all the saints, let us commit ourselves and one another and all our ' +
		'life unto Christ our God.',
	'To Thee, O Lord.'
];
const LITANY_WORDS = vocabularyOf([...PETITION_FORMS, ...WHAT, ...WHO, ...WHERE, ...GRANT]);

function petition(random: Random): Line {
	return words(pick(random, PETITION_FORMS), {
		what: pick(random, WHAT),
		who: pick(random, WHO),
		where: pick(random, WHERE),
		grant: pick(random, GRANT)
	});
}

/**
 * A litany: stanzas of petitions, each line followed by the same response, lines separated by
 * newlines and stanzas by blank lines. About `share` of the words are edited, on few lines: a
 * petition's varying words changed for others from the list (or one word replaced, deleted or
 * inserted), petitions with their response deleted, new ones inserted. For example:
 *
 *     In peace let us pray to the Lord.
 *     Lord, have mercy.
 *     That He will have mercy on us, let us pray to the Lord.
 *     Lord, have mercy.
 *     For the sick and the suffering, let us pray to the Lord.
 *     Lord, have mercy.
 *     For the elders of this city, let us pray to the Lord.
 *     Lord, have mercy.
 */
function litanySource(size: number, random: Random): Source {
	const base = fill(size, () => {
		const lines: Line[] = [words(LITANY_OPENS), words(RESPONSE)];
		for (let k = between(random, 4, 12); k > 0; k--) lines.push(petition(random), words(RESPONSE));
		return [...lines, ...LITANY_CLOSES.map((text) => words(text))];
	});
	const a = renderBlocks(base);
	return { edit: (share, random) => editLitany(a, base, share, random) };
}

function editLitany(a: string, base: Block[], share: number, random: Random): Copy {
	const tally: Tally = { words: 0, edited: 0 };
	const another = (): string => pick(random, LITANY_WORDS);
	// Per petition (with its response, about 13 words): deleted, its varying words changed, or a
	// new one inserted after it; per line: one word edited. Each is about a quarter of the words
	// edited. (Changing a petition's varying words changes about two words of its thirteen.)
	const deleteRate = share * 0.3;
	const swapRate = share * 1.8;
	const wordRate = share * 1.7;
	const insertRate = share * 0.3;
	const target: Block[] = base.map((stanza) => {
		const out: Line[] = [];
		for (let k = 0; k < stanza.length; k++) {
			const line = stanza[k];
			const n = lineWords(line);
			tally.words += n;
			const isPetition =
				k > 0 && line[line.length - 1].word === 'Lord' && stanza[k + 1] !== undefined;
			const x = random();
			if (isPetition && x < deleteRate) {
				tally.words += lineWords(stanza[k + 1]);
				tally.edited += n + lineWords(stanza[k + 1]);
				k++;
				continue;
			}
			if (isPetition && x < deleteRate + swapRate) {
				const replacement = petition(random);
				// Only the words that differ count: the formula around them stays.
				const kept = new Set(line.map((w) => w.word));
				tally.edited += lineWords(replacement.filter((w) => !kept.has(w.word)));
				out.push(replacement);
			} else if (x >= 1 - wordRate) {
				out.push(editLine(line, 1 / line.length, random, another, tally));
			} else {
				out.push(line);
			}
			if (isPetition && random() < insertRate) {
				// After this petition's response.
				const inserted = [petition(random), words(RESPONSE)];
				tally.words += lineWords(stanza[k + 1]);
				tally.edited += blockWords(inserted);
				out.push(stanza[k + 1], ...inserted);
				k++;
			}
		}
		return out;
	});
	return {
		a,
		b: renderBlocks(target.filter((stanza) => stanza.length > 0)),
		editedShare: tally.edited / tally.words
	};
}

// ---------------------------------------------------------------------------------------------
// 3. Tables of figures

const REGIONS = [
	'Moscow region',
	'Leningrad region',
	'Western region',
	'Ivanovo region',
	'Gorky territory',
	'Kursk region',
	'Voronezh region',
	'Ukrainian SSR',
	'Byelorussian SSR',
	'Uzbek SSR',
	'Kazakh SSR',
	'Far Eastern territory',
	'Sverdlovsk region',
	'Chelyabinsk region'
];
const SUBJECTS = [
	'Party members',
	'Collective farms',
	'Grain deliveries',
	'Schools',
	'Tractor stations'
];

type Figure = 'count' | 'percent' | 'small';
interface Cell extends Word {
	figure?: Figure;
}

/** A figure as tables print them: `12,450`, `3.2%`, `118`, from few digits, so they repeat. */
function figure(random: Random, kind: Figure): string {
	if (kind === 'count') {
		const hundreds = String(between(random, 0, 19) * 50).padStart(3, '0');
		return `${between(random, 1, 40)},${hundreds}`;
	}
	if (kind === 'percent') return `${between(random, 0, 9)}.${between(random, 0, 9)}%`;
	return String(between(random, 1, 200));
}

function tableRow(random: Random, year: number, separator: string): Cell[] {
	const cells: Cell[] = [
		{ word: String(year), after: separator },
		...words(pick(random, REGIONS)),
		{ word: figure(random, 'count'), after: separator, figure: 'count' },
		{ word: figure(random, 'percent'), after: separator, figure: 'percent' },
		{ word: figure(random, 'small'), after: '', figure: 'small' }
	];
	cells[cells.length - 4].after = separator; // after the region
	return cells;
}

/**
 * Tables of figures, one a paragraph: a title, a header and rows of a year, a region from a short
 * list and three figures, cells separated by ` | ` (or, in some tables, tabs). About `share` of
 * the words are edited: figures changed (60%), rows deleted (20%) and rows inserted (20%). For
 * example:
 *
 *     Table 1. Collective farms by region, 1933 to 1936.
 *     Year | Region | Total | Share | Districts
 *     1933 | Byelorussian SSR | 19,700 | 9.2% | 156
 *     1935 | Uzbek SSR | 19,000 | 3.8% | 58
 *     1936 | Kazakh SSR | 1,250 | 7.2% | 55
 */
function tableSource(size: number, random: Random): Source {
	let tables = 0;
	const base = fill(size, () => {
		// Numbering restarts in each appendix of 24 tables, so that titles are no unique words.
		const number = (tables++ % 24) + 1;
		const separator = random() < 0.7 ? ' |' : '\t';
		const from = between(random, 1928, 1934);
		const title = words(
			`Table ${number}. ${pick(random, SUBJECTS)} by region, ${from} to ${from + 3}.`
		);
		const header = words('Year Region Total Share Districts').map((w, k) => ({
			...w,
			after: k < 4 ? separator : ''
		}));
		const rows: Line[] = [];
		for (let k = between(random, 6, 30); k > 0; k--) {
			rows.push(tableRow(random, between(random, from, from + 3), separator));
		}
		return [title, header, ...rows];
	});
	const a = renderBlocks(base);
	return { edit: (share, random) => editTables(a, base, share, random) };
}

function editTables(a: string, base: Block[], share: number, random: Random): Copy {
	const tally: Tally = { words: 0, edited: 0 };
	const target: Block[] = base.map((table) => {
		const out: Line[] = table.slice(0, 2);
		tally.words += lineWords(table[0]) + lineWords(table[1]);
		for (const row of table.slice(2) as Cell[][]) {
			const n = lineWords(row);
			tally.words += n;
			// Titles and headers (about a tenth of the words) are not edited, so the rows take a
			// little more than the share.
			if (random() < share * 0.22) {
				tally.edited += n;
			} else {
				// Figures are five words of a row's eight: two thirds of the edits over 5/8.
				out.push(
					row.map((cell) => {
						if (cell.figure === undefined || random() >= share * 1.06) return cell;
						tally.edited += countWords(cell.word);
						return { ...cell, word: figure(random, cell.figure) };
					})
				);
			}
			if (random() < share * 0.22) {
				const inserted = tableRow(random, Number(row[0].word), row[0].after);
				tally.edited += lineWords(inserted);
				out.push(inserted);
			}
		}
		return out;
	});
	return { a, b: renderBlocks(target), editedShare: tally.edited / tally.words };
}

// ---------------------------------------------------------------------------------------------
// 4. Verse with a refrain

/** Verse draws on the most frequent words of the prose vocabulary only. */
const VERSE_VOCABULARY = 400;
const REFRAIN = ['And still the river runs to the sea,', 'and still the bells ring over the town.'];
/** Words of the refrain that a stanza may vary, and what they become. */
const REFRAIN_VARIANTS: Record<string, string[]> = {
	river: ['water', 'stream'],
	sea: ['shore', 'sand'],
	bells: ['birds', 'children'],
	town: ['hill', 'fields']
};

function verseLine(v: Vocabulary, random: Random, end: string): Line {
	const line: Line = [];
	for (let k = between(random, 5, 9); k > 0; k--) {
		line.push({ word: pickWord(v, random, VERSE_VOCABULARY), after: '' });
	}
	line[0].word = line[0].word[0].toUpperCase() + line[0].word.slice(1);
	line[line.length - 1].after = end;
	return line;
}

/** The refrain with one of its varying words changed. */
function varyRefrain(random: Random, refrain: Line[]): Line[] {
	const k = between(random, 0, 1);
	const line = refrain[k];
	const places = line.flatMap((w, i) => (w.word in REFRAIN_VARIANTS ? [i] : []));
	const i = pick(random, places);
	const varied = line.map((w, j) =>
		j === i ? { ...w, word: pick(random, REFRAIN_VARIANTS[w.word]) } : w
	);
	return k === 0 ? [varied, refrain[1]] : [refrain[0], varied];
}

/**
 * Verse: stanzas of four to six lines from a vocabulary of 400 words, each followed by a refrain
 * of two lines, exactly or with one word varied. About `share` of the words are edited: words
 * inside lines (70%), stanzas removed (25%), and the refrain changed in a few places. For example
 * (the words other than the refrain's are synthetic):
 *
 *     Brilo of of zatrane and sturu,
 *     Plestu to one the the did,
 *     Sabridor the did lingrohem and for;
 *     At ruruplelo no as the and for the of
 *     The to galpledrenor you that
 *     And plegal to no burzasa.
 *     And still the river runs to the sea,
 *     and still the bells ring over the town.
 */
function verseSource(size: number, random: Random): Source {
	const v = vocabulary();
	const refrain = REFRAIN.map((text) => words(text));
	const base = fill(size, () => {
		const length = between(random, 4, 6);
		const lines = Array.from({ length }, (_, k) =>
			verseLine(v, random, k === length - 1 ? '.' : pick(random, [',', ',', ';', '']))
		);
		return [...lines, ...(random() < 0.85 ? refrain : varyRefrain(random, refrain))];
	});
	const a = renderBlocks(base);
	return { edit: (share, random) => editVerse(a, base, v, share, random) };
}

function editVerse(a: string, base: Block[], v: Vocabulary, share: number, random: Random): Copy {
	const tally: Tally = { words: 0, edited: 0 };
	const another = (): string => pickWord(v, random, VERSE_VOCABULARY);
	const target: Block[] = [];
	for (const stanza of base) {
		const n = blockWords(stanza);
		tally.words += n;
		if (random() < share * 0.28) {
			tally.edited += n;
			continue;
		}
		// The lines other than the refrain are about 70% of the words.
		const lines = stanza
			.slice(0, -2)
			.map((line) => editLine(line, share * 1.05, random, another, tally));
		let ending = stanza.slice(-2);
		// The refrain is about a quarter of the words; a change to it is one word.
		if (random() < share * 0.5) {
			ending = varyRefrain(random, ending);
			tally.edited++;
		}
		target.push([...lines, ...ending]);
	}
	return { a, b: renderBlocks(target), editedShare: tally.edited / tally.words };
}

// ---------------------------------------------------------------------------------------------
// 5. Moved paragraphs

/**
 * Prose as `editedPair` makes it, with paragraphs of eight words or more moved elsewhere (about
 * three quarters of `share`, counted in the words moved; half of them with one or two words
 * changed as well), and light edits everywhere (the other quarter). For example, a base of
 * paragraphs P1 … P9 might become P1 P2 P6′ P3 P4 P5 P7 P9 P8, with P6′ = P6 with a word
 * replaced.
 */
function movedSource(size: number, random: Random): Source {
	const v = vocabulary();
	const base = generate(v, random, size);
	const next = editable(base);
	return { edit: (share, random) => moveParagraphs(v, base, next(), share, random) };
}

/** `from` (the base's paragraphs or a copy of them) with paragraphs moved, then edited. */
function moveParagraphs(
	v: Vocabulary,
	base: Paragraph[],
	from: Paragraph[],
	share: number,
	random: Random
): Copy {
	const order: Paragraph[] = [...from];
	const moving: Paragraph[] = [];
	let moved = 0;
	let words = 0;
	for (let k = order.length - 1; k >= 0; k--) {
		words += order[k].length;
		if (order[k].length >= 8 && random() < share * 0.75) {
			let p = order.splice(k, 1)[0];
			if (random() < 0.5) {
				p = p.map((item) => ({ ...item }));
				for (let c = between(random, 1, 2); c > 0; c--) {
					p[between(random, 0, p.length - 1)].word = pickWord(v, random);
				}
			}
			moved += p.length;
			moving.push(p);
		}
	}
	for (const p of moving) order.splice(between(random, 0, order.length), 0, p);
	const { target, edited } = editParagraphs(v, random, order, share * 0.25);
	return { a: render(base), b: render(target), editedShare: (moved + edited) / words };
}

// ---------------------------------------------------------------------------------------------
// 6. Near-duplicate paragraphs

// Clauses of a contract. Each document settles on one name for each party and thing, and most of
// its clauses use it, so most paragraphs are exact or near copies of others.
const CLAUSES = [
	'The {supplier} shall deliver the {goods} to the {buyer} at the address stated in Schedule {n} ' +
		'no later than {days} days after the date of the order, and the risk in the {goods} shall ' +
		'pass to the {buyer} on delivery.',
	'The {buyer} shall pay each invoice submitted by the {supplier} within {days} days of receipt, ' +
		'in full and in cleared funds, to the bank account nominated in writing by the {supplier}.',
	'Neither party shall be liable to the other for any delay or failure to perform its ' +
		'obligations under this {agreement} if the delay or failure results from events beyond its ' +
		'reasonable control.',
	'Each party shall keep confidential all information of the other party that it receives under ' +
		'this {agreement}, and shall not disclose it except to those of its employees who need to ' +
		'know it.',
	'This {agreement} may be terminated by either party on {days} days written notice to the other ' +
		'party, without prejudice to any rights that have accrued before termination.',
	'Any notice given under this {agreement} shall be in writing and shall be delivered by hand or ' +
		'sent by recorded post to the address of the other party stated in Schedule {n}.',
	'The {supplier} warrants that the {goods} shall conform in all material respects with their ' +
		'description in Schedule {n} and shall be free from material defects in design, material ' +
		'and workmanship.',
	'No variation of this {agreement} shall be effective unless it is in writing and signed by the ' +
		'parties or their authorised representatives.',
	'The {supplier} shall indemnify the {buyer} against all losses arising from any claim that the ' +
		'{goods} infringe the intellectual property rights of a third party.'
];
const CLAUSE_SLOTS: Record<string, string[]> = {
	supplier: ['Supplier', 'Contractor', 'Seller', 'Licensor'],
	buyer: ['Buyer', 'Customer', 'Client', 'Purchaser'],
	goods: ['Goods', 'Services', 'Materials', 'Deliverables'],
	agreement: ['Agreement', 'Contract', 'Order'],
	n: ['1', '2', '3', '4', '5', '6'],
	days: ['7', '14', '28', '30', '60', '90']
};
const CLAUSE_WORDS = vocabularyOf([...CLAUSES, ...Object.values(CLAUSE_SLOTS).flat()]);

/**
 * Contract-like prose: four paragraphs in five are clauses from a list of nine, with the
 * document's names for the parties and things in most places and another in a few, so that many
 * paragraphs are exact or near copies of each other; the rest are ordinary prose paragraphs.
 * About `share` of the words are edited: words inside paragraphs (60%), paragraphs deleted (20%),
 * new clauses inserted (20%). For example:
 *
 *     This Contract may be terminated by either party on 30 days written notice to the other
 *     party, without prejudice to any rights that have accrued before termination.
 *
 *     The Purchaser shall pay each invoice submitted by the Contractor within 30 days of receipt,
 *     in full and in cleared funds, to the bank account nominated in writing by the Contractor.
 *
 *     This Contract may be terminated by either party on 14 days written notice to the other
 *     party, without prejudice to any rights that have accrued before termination.
 */
function nearDuplicateSource(size: number, random: Random): Source {
	const v = vocabulary();
	const usual: Record<string, string> = {};
	for (const [slot, values] of Object.entries(CLAUSE_SLOTS)) usual[slot] = pick(random, values);
	// A clause in the document's usual names, mostly, drawn from `random`.
	const clause = (random: Random): Block => {
		const slots: Record<string, string> = {};
		for (const [slot, values] of Object.entries(CLAUSE_SLOTS)) {
			slots[slot] = random() < 0.85 ? usual[slot] : pick(random, values);
		}
		return [words(pick(random, CLAUSES), slots)];
	};
	const base = fill(size, () => (random() < 0.8 ? clause(random) : [paragraph(v, random)]));
	const a = renderBlocks(base);
	return { edit: (share, random) => editClauses(a, base, clause, share, random) };
}

function editClauses(
	a: string,
	base: Block[],
	clause: (random: Random) => Block,
	share: number,
	random: Random
): Copy {
	const tally: Tally = { words: 0, edited: 0 };
	const another = (): string => pick(random, CLAUSE_WORDS);
	const target: Block[] = [];
	for (const block of base) {
		const n = blockWords(block);
		tally.words += n;
		if (random() < share * 0.2) {
			tally.edited += n;
		} else {
			target.push([editLine(block[0], share * 0.6, random, another, tally)]);
		}
		if (random() < share * 0.2) {
			const inserted = clause(random);
			tally.edited += blockWords(inserted);
			target.push(inserted);
		}
	}
	return { a, b: renderBlocks(target), editedShare: tally.edited / tally.words };
}

// ---------------------------------------------------------------------------------------------

/** Every family by its name in the benchmark: its base text, and edited copies of it. */
export const SOURCES = {
	transcript: transcriptSource,
	litany: litanySource,
	table: tableSource,
	verse: verseSource,
	moved: movedSource,
	'near-duplicate': nearDuplicateSource
} as const satisfies Record<string, SourceMaker>;
export type Family = keyof typeof SOURCES;

/** Every family's pairs, with the same signature as `editedPair`. */
export const FAMILIES = Object.fromEntries(
	Object.entries(SOURCES).map(([family, make]) => [family, pairMaker(make)])
) as Record<Family, PairMaker>;

/** The litany's pairs, by name for those that want this family only. */
export const litanyPair = FAMILIES.litany;
