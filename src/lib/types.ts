// The shapes that flow through Pencilmarks, stage by stage:
//   corpus (Case) -> tokenize (Token[]) -> align + clean up (Segment[]) -> annotate (AnchoredNote[])
//   -> layout (Paragraph[]) -> render or export.
// Offsets are UTF-16 code-unit offsets into a witness text (what String.prototype.slice takes).

import type { ApparatusPlace } from './pipeline/apparatus';

// ---------------------------------------------------------------------------------------------
// Corpus

/** A published source that a witness or a note draws on. */
export interface Source {
	/** Short key used by witnesses, e.g. `gregory`. */
	id: string;
	/** Full citation in Chicago style, plain text (it is rendered escaped, never as HTML). */
	citation: string;
	/** Where the source can be read, if it is online. */
	url?: string;
}

/** One version of the text: what was spoken, what was published, a draft, a copy. */
export interface Witness {
	/** Short key, e.g. `spoken`, `published`, `nicolay`. Used in URLs and note anchors. */
	id: string;
	/** Human label, e.g. `As spoken`. */
	label: string;
	/** What stands for it in an apparatus of all the witnesses, one short word: `Bliss`. Absent:
	 * its label (`siglumOf`, pipeline/apparatus.ts). */
	siglum?: string;
	/** One or two sentences: what this witness is and how it was made. Plain text. */
	description: string;
	/** The `Source.id` the text comes from. */
	source: string;
	/** Who translated it into the language shown, if it is a translation. */
	translator?: string;
	/** BCP 47 language tag of this witness, when it is not the case's (a translation compared
	 * with its original). */
	language?: string;
	/** When (and where, and why) the original was written, e.g. a manuscript copy. Plain text. */
	written?: string;
	/** Who holds the original now. Plain text. */
	heldBy?: string;
	/** Ids of the `Source`s that say when it was written and who holds it; set with either. */
	accordingTo?: string[];
	/**
	 * The text exactly as stored in the file (UTF-8 decoded, no BOM). A blank line separates
	 * paragraphs; a paragraph that is exactly `{gap}` (or `{gap: what is missing}`) marks text that
	 * is not available here.
	 */
	text: string;
	/** Path of the file, relative to the project root, for messages. */
	file: string;
	/** Whether its line breaks carry meaning (see `LineBreaks`); absent: `wrapped`. */
	lines?: LineBreaks;
}

/**
 * What a single line break in a witness is (a blank line always separates paragraphs):
 * - `wrapped`: wrapping, the same as a space (a transcription of prose);
 * - `kept`: a line break that is kept and shown (verse, code, an address, a Markdown file);
 * - `marked`: wrapping, except where Markdown marks a hard line break: a backslash, or two
 *   spaces or more, at the end of the line. The mark is not text, and is not shown.
 */
export type LineBreaks = 'wrapped' | 'kept' | 'marked';

/**
 * What square brackets in the witnesses are: `editorial` when the sources bracket an editor's
 * insertions (`[non-existent]`), shown as editorial matter; `text` when they are the text's own.
 * Either way a Markdown link (`[text](url)`, `[text][ref]`) is never editorial (brackets.ts).
 */
export type Brackets = 'editorial' | 'text';

/** Where a note points: a quote that occurs exactly once in a witness (with prefix/suffix). Any
 * run of whitespace in it matches any run in the witness (`findQuote`, pipeline/annotate.ts). */
export interface NoteAnchor {
	/** `Witness.id` the quote is taken from. */
	witness: string;
	/** The quoted text, as the witness has it but for whitespace. */
	quote: string;
	/** Text that must stand immediately before the quote, to make it unique. */
	prefix?: string;
	/** Text that must stand immediately after the quote, to make it unique. */
	suffix?: string;
}

/** A commentary note, Markdown from a file or a user. */
export interface Note {
	/** Stable key, from the file name, e.g. `02-responsibility`. Used in permalinks (`#note-…`). */
	id: string;
	/** A short heading for the note. */
	title: string;
	/** The passage it comments on; `null` for a note on the case as a whole. */
	anchor: NoteAnchor | null;
	/** The Markdown source, verbatim. */
	markdown: string;
	/** The Markdown rendered to HTML and sanitized: the only HTML the page may `{@html}`. */
	html: string;
	/** Path of the file it came from, for messages. */
	file: string;
}

/** How sure an attribution is, from the scholar's evidence: TEI's `@cert` in words. */
export type Certainty = 'certain' | 'probable' | 'conjectural';

/** A reason for changes, from the short list a case defines: `political`, `privacy`, `style`. */
export interface Cause {
	/** Short key, lowercase letters, digits and hyphens: what an attribution's `cause` names. */
	id: string;
	/** How it is shown: `Political`. */
	label: string;
}

/**
 * Who made a change, why, and how sure we are. It is anchored as a note is, by a quote in a
 * witness, never by a change id or offsets, so that it survives re-alignment; its quote must
 * overlap exactly one change of the comparison (`placeAttributions`, pipeline/attribute.ts).
 */
export interface Attribution {
	anchor: NoteAnchor;
	/** Who made the change, in words: `Stalin, pencil`; a Word document's `w:author`. */
	hand?: string;
	/** The `Cause.id` of why it was made. */
	cause?: string;
	/** How sure the attribution is, hand and cause together: the weakest of its claims. */
	cert?: Certainty;
	/** The `Source.id` that supports it. */
	source?: string;
	/** When the change was made: `YYYY-MM-DD`, or a date and time as Word writes it
	 * (`2024-05-02T09:30:00Z`). */
	date?: string;
	/** Where it was given, for messages: a case's `changes.txt` (with the line of its block), or
	 * the name of a Word document. */
	file?: string;
	line?: number;
}

/** One case: a set of witnesses of the same text, with provenance and commentary. */
export interface Case {
	/** Folder name under `corpus/`, e.g. `bukharin-1938`. Used in URLs. */
	slug: string;
	title: string;
	/** ISO date (`1938-03-12`) of the event the text records. */
	date: string;
	/** People the case concerns, e.g. `Nikolai Bukharin (defendant)`. */
	people: string[];
	/** BCP 47 language tag of the witness texts as stored, e.g. `en`. */
	language: string;
	/** One line for the home page. */
	summary: string;
	/** What kind of comparison this is, said plainly: `Redaction`, `Draft-to-final revision history`. */
	kind: string;
	/** Who translated the witness texts, if anyone (per witness details are on the witness). */
	translator?: string;
	/** Rights status of the texts and of the commentary. */
	rights: string;
	sources: Source[];
	/** Two or more witnesses, in the case's own order. */
	witnesses: Witness[];
	/** The pair shown by default: what only `base` has is struck, what only `target` has, added. */
	comparison: { base: string; target: string };
	/**
	 * The case's own redaction markers, beyond the built-in ones (`PLACEHOLDERS`,
	 * pipeline/placeholders.ts), e.g. `[SECRET]`; absent when it has none.
	 */
	placeholders?: string[];
	/** What square brackets in its witnesses are; absent: `text`, the text's own. */
	brackets?: Brackets;
	/** Notes, in file order; at most one has `anchor: null` per topic, shown as the case introduction. */
	notes: Note[];
	/** The reasons for changes this case names, in file order (changes.txt); may be empty. */
	causes: Cause[];
	/** Who made which change, why, and how sure we are, in file order (changes.txt); may be empty. */
	attributions: Attribution[];
}

// ---------------------------------------------------------------------------------------------
// Tokenize

/**
 * - `word`: letters, marks and digits, with inner apostrophes or hyphens (`prosecutor’s`).
 * - `space`: whitespace without a blank line in it (a single newline is wrapping, not structure).
 * - `line`: a line break that is kept (see `LineBreaks`): whitespace holding one line end, with
 *   the next line's indentation, in a witness whose lines matter; in a witness whose hard breaks
 *   are marked, the mark too (`\` or two spaces before the line end).
 * - `break`: whitespace that holds a blank line: a paragraph break.
 * - `punct`: one punctuation or symbol character (an emoji is one token, never split).
 * - `editorial`: what the source itself prints as editorial: `[non-existent]`, `. . .`, `…`.
 * - `gap`: a `{gap}` paragraph: text not available in this witness.
 */
export type TokenKind = 'word' | 'space' | 'break' | 'punct' | 'editorial' | 'gap' | 'line';

export interface Token {
	kind: TokenKind;
	/** The exact characters: joining every token's `text` rebuilds the witness byte for byte. */
	text: string;
	/**
	 * What alignment compares. Equal to `text` except for whitespace, which compares by shape
	 * (`' '` or `'\n\n'`), so rewrapped lines or CRLF files do not show as changes. A kept line
	 * break compares as `' '` too; clean-up then marks a line broken differently as a change.
	 */
	key: string;
	/** Offset of the token in the witness text. */
	start: number;
}

/**
 * A witness's tokens column by column, as the pipeline keeps them: typed arrays instead of an
 * object per token (a 2 MB text has over half a million). Token `i` is the `Token` with kind
 * `KIND_NAMES[kinds[i]]`, text `text.slice(starts[i], starts[i + 1])` and start `starts[i]`
 * (`pipeline/tokens.ts` has the codes and helpers).
 */
export interface Tokens {
	/** The witness text. */
	text: string;
	length: number;
	/** Kind codes: 0 word, 1 space, 2 break, 3 punct, 4 editorial, 5 gap, 6 line. */
	kinds: Uint8Array;
	/** Offsets of the tokens, then `text.length`: `length + 1` entries. */
	starts: Int32Array;
	/**
	 * Keys as ids into `vocabulary`, which both witnesses of a comparison share: equal ids, equal
	 * keys. Every gap marker has id 0, whitespace without a blank line (a kept line break too) 1,
	 * with one 2.
	 */
	keys: Int32Array;
	vocabulary: KeyTable;
}

/** The keys of a comparison, by id. */
export interface KeyTable {
	readonly keys: readonly string[];
	/** The kind code of each key. */
	readonly kinds: readonly number[];
	readonly size: number;
}

// ---------------------------------------------------------------------------------------------
// Align and clean up

/**
 * - `equal`: the same in both witnesses (by token key; whitespace may differ in shape only).
 * - `delete`: only in the base ("struck").
 * - `insert`: only in the target ("added").
 * - `replace`: a rewrite: base text `a` became target text `b`.
 * - `gap`: a gap marker on one or both sides: structure, never a change.
 */
export type SegmentKind = 'equal' | 'delete' | 'insert' | 'replace' | 'gap';

export interface Segment {
	kind: SegmentKind;
	/** Base witness text of this segment ('' for an insert, or a gap the base lacks). */
	a: string;
	/** Target witness text of this segment ('' for a delete, or a gap the target lacks). */
	b: string;
	/** Offsets of `a` and `b` in their witnesses. */
	aStart: number;
	bStart: number;
	/** Token ranges `[from, to)` into `Comparison.aTokens` / `bTokens`. */
	aFrom: number;
	aTo: number;
	bFrom: number;
	bTo: number;
	/**
	 * For `delete`, `insert` and `replace`: a stable id such as `c-3k9x2a`, the same for the same
	 * texts on every build, and kept when unrelated parts of the texts change.
	 */
	id?: string;
	/** On a `delete` or an `insert` that is one end of a moved passage. */
	move?: Move;
	/** For `delete`, `insert` and `replace`: what sort of change it is (pipeline/kinds.ts). */
	changeKind?: ChangeKind;
	/**
	 * On a `placeholder`: how many base words its marker stands over (the base's words that the
	 * target does not show beside the marker).
	 */
	hidden?: number;
}

/**
 * What sort of change a change is, as a reader would say it (pipeline/kinds.ts finds it; there
 * too are the labels, the display order and the rule for each):
 * - `punctuation`: only punctuation differs: `equal"` -> `equal.`
 * - `case`: only capitals differ (punctuation may differ too): `liberty` -> `Liberty`
 * - `spelling`: the same word respelt or rehyphenated: `battle field` -> `battle-field`,
 *   `honour` -> `honor`
 * - `layout`: only white space, line or paragraph breaks differ: nothing shows on screen
 * - `cut`: words struck, nothing in their place (punctuation aside): `who died here` -> `who here`
 * - `addition`: words added where there were none: `nation shall` -> `nation, under God, shall`
 * - `rewording`: words replaced by other words: `upon` -> `on`
 * - `placeholder`: words replaced by a redaction marker: `John Smith` -> `[REDACTED]`
 * - `moved`: one end of a moved passage (`Segment.move`), whatever changed in it on the way
 */
export type ChangeKind =
	| 'punctuation'
	| 'case'
	| 'spelling'
	| 'layout'
	| 'cut'
	| 'addition'
	| 'rewording'
	| 'placeholder'
	| 'moved';

/** Changes and words of one kind of change: they add up to `ComparisonStats`' totals. */
export interface KindCount {
	/** Changes of this kind (each end of a move is one). */
	changes: number;
	/** Base words they strike (a placeholder's hidden words), as in `wordsStruck`. */
	wordsStruck: number;
	/** Target words they add, as in `wordsAdded`. */
	wordsAdded: number;
}

/**
 * A passage that moved: struck where it stood in the base (a `delete`, the `from` end) and added
 * where it stands in the target (an `insert`, the `to` end). Both ends carry one of these.
 */
export interface Move {
	end: 'from' | 'to';
	/** Id of the segment at the other end. */
	partner: string;
	/**
	 * How the passage differs between its two places: an edit script over the `from` end's base
	 * tokens and the `to` end's target tokens, in order. All `equal` if it moved unchanged.
	 */
	inner: MoveEdit[];
}

/** A run of a move's inner edit script: token ranges of the base and the target, as in `Segment`. */
export interface MoveEdit {
	kind: 'equal' | 'delete' | 'insert';
	aFrom: number;
	aTo: number;
	bFrom: number;
	bTo: number;
}

/**
 * Why a stretch was aligned roughly. `repetitive`: it repeats itself with nothing unique to hold
 * on to (a litany, a table), and the windows that follow the two texts along (see `align.ts`,
 * step 9) lost their way there: the texts drift apart by more than a window, or do not correspond
 * at all. An exact alignment may keep more of it unchanged.
 */
export type RoughReason = 'repetitive';

/**
 * A stretch that the aligner aligned without proof. The reader is told, and can ask for an exact
 * alignment of it (`compare(a, b, { precise: true })`).
 */
export interface RoughStretch {
	reason: RoughReason;
	/** Token ranges `[from, to)`, as in `Segment`. */
	aFrom: number;
	aTo: number;
	bFrom: number;
	bTo: number;
	/** Offsets of the stretch in each witness: `[aStart, aEnd)` and `[bStart, bEnd)`. */
	aStart: number;
	aEnd: number;
	bStart: number;
	bEnd: number;
	/** Word tokens in the stretch, in the base and in the target. */
	wordsA: number;
	wordsB: number;
}

/**
 * One witness's words as `wdiff -s` and `dwdiff --statistics` count them, so that a reader can
 * check them with either tool: each word of the witness is in exactly one of `common`, `deleted`
 * (base) or `inserted` (target), `changed` and `moved`, so these add up to `words`.
 */
export interface WitnessFigures {
	/** Word tokens in the witness. */
	words: number;
	/** Words in text both witnesses share (`equal` segments). */
	common: number;
	/** Words on this witness's side of a rewrite (a `replace` segment). */
	changed: number;
	/**
	 * Words of moved passages, unchanged at their two places: where each stood (base) or stands
	 * (target). Words changed on the way count as deleted from the base and inserted in the target.
	 * The tools know no moves: they count a moved passage as deleted at one place and inserted at
	 * the other.
	 */
	moved: number;
}

export interface ComparisonStats {
	/** Word tokens in the base and in the target. */
	wordsA: number;
	wordsB: number;
	/**
	 * Each witness's words as `wdiff -s` counts them: the base's `deleted` (only in the base, with
	 * nothing in their place), the target's `inserted` (only in the target, likewise).
	 */
	byWitness: {
		base: WitnessFigures & { deleted: number };
		target: WitnessFigures & { inserted: number };
	};
	/**
	 * Base words inside `delete` and `replace` segments: what the editor struck. A moved passage's
	 * words count as moved, not struck, except those struck from it on the way; the words a
	 * placeholder hides are struck.
	 */
	wordsStruck: number;
	/**
	 * Target words inside `insert` and `replace` segments (moved words aside): what was added. A
	 * placeholder adds none: its marker is not the author's words.
	 */
	wordsAdded: number;
	/** Base words of moved passages that stand, unchanged, at their new place. */
	wordsMoved: number;
	/** Moved passages (each is two changes: where it was, and where it is). */
	moves: number;
	/** Base words in `equal` segments. */
	wordsUnchanged: number;
	/** `wordsStruck / wordsA`, 0 when the base has no words. */
	suppressedShare: number;
	/** Number of `delete`, `insert` and `replace` segments: the places a reader steps through. */
	changes: number;
	/**
	 * The texts share almost no words (under `UNRELATED_SHARE` of the shorter one's words are
	 * unchanged): the figures above then describe two different texts, not an edit, and say so.
	 */
	unrelated: boolean;
	/** Base words inside rough stretches (see `RoughStretch`), and how many stretches. */
	wordsRough: number;
	roughStretches: number;
	/** Changes and words per kind of change; `changes`, `wordsStruck` and `wordsAdded` are their sums. */
	kinds: Record<ChangeKind, KindCount>;
}

/** The output of `compare()`: from `segments`, both witnesses are rebuilt exactly. */
export interface Comparison {
	aTokens: Tokens;
	bTokens: Tokens;
	segments: Segment[];
	/** Stretches aligned roughly, in text order: empty unless the aligner had to give up somewhere. */
	rough: RoughStretch[];
	stats: ComparisonStats;
}

// ---------------------------------------------------------------------------------------------
// Annotate

/** A note placed on the comparison: where its quote lies, and which changes it touches. */
export interface AnchoredNote {
	noteId: string;
	/**
	 * `anchored`: the quote was found once in its witness; `case`: a note on the whole case;
	 * `unanchored`: the quote is no longer found (or found more than once): shown, never dropped.
	 */
	status: 'anchored' | 'case' | 'unanchored';
	/** Which side of the comparison the quote is in, when anchored. */
	side?: 'a' | 'b';
	/** Offsets of the quote in that witness, when anchored. */
	start?: number;
	end?: number;
	/** Ids of the changes the quoted passage overlaps, in text order. */
	changes: string[];
	/** Why it is unanchored, in words, e.g. `quote not found in published`. */
	problem?: string;
}

/**
 * What an attribution says of its change, as a reader is shown it: the cause with its label, the
 * source with its citation. On screen, in the exports and in the figures.
 */
export interface ChangeAttribution {
	/** Who made the change: `Stalin, pencil`; a Word document's `w:author`. */
	hand?: string;
	/** Why: the cause's id (what TEI's `@cause` gives) and how it is shown. */
	cause?: Cause;
	/** How sure the attribution is, hand and cause together. */
	cert?: Certainty;
	/** The source that supports it. */
	source?: Source;
	/** When the change was made: `YYYY-MM-DD`, or a date and time as Word writes it. */
	date?: string;
}

/** An attribution placed on the comparison: on the one change its quote overlaps, or not, and why. */
export interface PlacedAttribution {
	attribution: Attribution;
	/** Id of the change it is on; absent when it could not be placed. */
	change?: string;
	/** Why it could not be placed, in words: `quote is on no change`. */
	problem?: string;
}

// ---------------------------------------------------------------------------------------------
// Layout: what the reading view and the exporters draw

/**
 * A run of text with one meaning. `equal` text is the base's; `delete` only in the base;
 * `insert` only in the target; a `replace` segment becomes a `delete` span then an `insert` span
 * with the same `change`.
 */
export interface Span {
	kind: 'equal' | 'delete' | 'insert';
	text: string;
	/** The source's own editorial matter (`[non-existent]`, `. . .`), not the speaker's words. */
	editorial?: boolean;
	/**
	 * A kept line break (a `line` token): drawn as a new line, with the next line's indentation.
	 * Its text may start with a Markdown hard break's mark, which is not drawn (`lineBreak`,
	 * pipeline/lines.ts).
	 */
	line?: boolean;
	/** Id of the change this span belongs to. */
	change?: string;
	/** Set on the first span of each change: links and navigation land there. */
	first?: boolean;
	/**
	 * On a moved passage: `from` where it stood (a `delete` span), `to` where it stands now (an
	 * `insert` span); `partner` is the change id of the other end.
	 */
	move?: 'from' | 'to';
	partner?: string;
	/** In a moved passage: text that differs between its two places, i.e. struck or added on the way. */
	changed?: boolean;
	/**
	 * The kind of the change this span belongs to. A `placeholder`'s `delete` spans are the words
	 * it hides, its `insert` spans the marker that stands over them.
	 */
	changeKind?: ChangeKind;
	/** On the marker of a placeholder (`[REDACTED]`): how many words of the base it hides. */
	hides?: number;
	/** Where the span's text starts in the base (`a`) and in the target (`b`) witness, where it is. */
	a?: number;
	b?: number;
	/** Ids of the anchored notes whose passage covers this span. */
	notes?: string[];
	/** Ids of notes whose passage ends with this span: the note marker goes after it. */
	noteMarkers?: string[];
}

/** A paragraph of the aligned text, or a gap where a witness has text that is not available. */
export type Block =
	| {
			kind: 'paragraph';
			spans: Span[];
			/** Whether the paragraph has any text in the base / the target (a struck paragraph: not in B). */
			inA: boolean;
			inB: boolean;
	  }
	| {
			kind: 'gap';
			/** Which witnesses have the gap here. */
			inA: boolean;
			inB: boolean;
			/** What the gap marker said is missing, if it said (`{gap: …}`). */
			label?: string;
			/**
			 * Not a gap in the witnesses: this many unchanged paragraphs, left out of a view of the
			 * changes only (and of its exports).
			 */
			omitted?: number;
	  };

// ---------------------------------------------------------------------------------------------
// Export

/** What the reader chose to see: marks on, one witness clean, or both side by side. */
export type ViewMode = 'marks' | 'base' | 'target' | 'side';

/**
 * A witness as an export names and describes it: what the case says of it (`Witness`), which every
 * export's citation carries, and the language of its text. A reader's own comparison gives its
 * label and language only.
 */
export interface ExcerptWitness {
	id: string;
	label: string;
	/** BCP 47 language tag of its text: `en`, `ru`, `und` when not known. */
	language: string;
	description?: string;
	translator?: string;
	written?: string;
	heldBy?: string;
}

/** Everything a serializer needs to write an excerpt; serializers add nothing of their own. */
export interface Excerpt {
	/** Case title, slug and kind (`Redaction`, `Draft-to-final revision history`). */
	title: string;
	slug: string;
	kind: string;
	/** ISO date of the event; empty when it is not known (a reader's own comparison). */
	date: string;
	/** Who reference managers should cite as the author (the speaker or writer), if known. */
	authors: string[];
	/**
	 * The two witnesses compared: what only `base` has is struck, what only `target` has, added.
	 * The base's language is the excerpt's; the target's may differ (a translation).
	 */
	base: ExcerptWitness;
	target: ExcerptWitness;
	/** The mode on screen when exported: the export shows what the screen shows. */
	mode: ViewMode;
	/**
	 * The kinds of change hidden on screen when exported (modes.ts), in the filter's order: written
	 * unmarked, as the screen shows them, and named in the export. Absent: none hidden.
	 */
	hidden?: ChangeKind[];
	/**
	 * The changes made quiet by a hand or a cause hidden on screen (ids), and those hidden, named:
	 * written unmarked as a hidden kind's are, and named in the export. Absent: none.
	 */
	quiet?: string[];
	hiddenBy?: { hands: string[]; causes: string[] };
	/**
	 * Each witness's words in the whole comparison the excerpt is from, not in the excerpt alone
	 * (`ComparisonStats.byWitness`), for the JSON export.
	 */
	comparisonFigures?: ComparisonStats['byWitness'];
	/** The excerpt, cut to whole words, already laid out. */
	blocks: Block[];
	/**
	 * Who made each change of `blocks`, why and how sure, by change id: only the changes that say
	 * so; absent when none does.
	 */
	attributions?: Record<string, ChangeAttribution>;
	/** Notes whose markers appear in `blocks`, in order of first appearance; empty if left out. */
	notes: { id: string; title: string; markdown: string; html: string }[];
	/**
	 * A reader's own comparison, made in their browser (the Compare page): it has no address
	 * anyone else can open and no publisher, and is cited as private, with the people they named.
	 */
	private?: { people: string[] };
	citation: {
		/** Full citations of the sources, Chicago style, plain text. */
		sources: string[];
		/** Absolute link that reopens this excerpt; '' for a private comparison, which has none. */
		permalink: string;
		/** ISO date of the export. */
		accessed: string;
	};
}

/**
 * An excerpt of an apparatus (every witness at once, pipeline/apparatus.ts): what the apparatus
 * exports write. The case's facts and citation are an `Excerpt`'s; the text is places, not blocks.
 */
export interface ApparatusExcerpt
	extends Omit<
		Excerpt,
		| 'base'
		| 'target'
		| 'mode'
		| 'hidden'
		| 'quiet'
		| 'hiddenBy'
		| 'comparisonFigures'
		| 'blocks'
		| 'attributions'
		| 'notes'
	> {
	/**
	 * The witnesses shown on screen when exported, the base first, each with its siglum (unique
	 * among them): the readings of the others are left out, and the export says which.
	 */
	witnesses: (ExcerptWitness & { siglum: string })[];
	/** Witnesses of the whole set that were set aside (not shown), by label; empty if none. */
	setAside: string[];
	/**
	 * The excerpt's places, whole places only, with the readings of the witnesses shown only:
	 * every witness shown rebuilds its text of the excerpt byte for byte from them.
	 */
	places: ApparatusPlace[];
	/** Notes at the excerpt's places, in order: `place` is an index into `places`. */
	notes: { id: string; title: string; markdown: string; html: string; place: number }[];
	/**
	 * The number each variant place has on screen (by index into `places`): the places of the
	 * whole text where any witnesses differ, counted from 1, so an excerpt's place 12 is the
	 * screen's. Absent: its variant places are counted from 1.
	 */
	numbers?: Record<number, number>;
}
