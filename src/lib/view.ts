// Builds the plain data a reading view needs: a comparison read through the pipeline, with the
// notes in reading order. For corpus cases it runs once per case at build time; for a reader's own
// texts, in a Web Worker.

import {
	placedViews,
	type AttributionView,
	type GivenAttribution,
	type Placement,
	type UnplacedAttribution
} from './attributions';
import { placeAttributions, read, type NoteRef, type Sides } from './pipeline';
import type { CompareOptions } from './pipeline/compare';
import { changeRefs, pack, type PackedText, type WitnessTexts } from './pipeline/laid';
import { changeWords } from './pipeline/stats';
import { usableLanguage } from './language';
import { kindOf, slugify, workspaceCauses } from './workspace/defaults';
import type { Workspace, WorkspaceAttribution, WorkspaceText } from './workspace/types';
import type {
	AnchoredNote,
	Attribution,
	Block,
	Comparison,
	Case,
	ComparisonStats,
	ExcerptWitness,
	RoughReason,
	RoughStretch,
	Source,
	Witness
} from './types';

/** Where a rough stretch begins in the laid-out text, for the notice the reader sees there. */
export interface RoughPlace {
	/** Index of the block the stretch starts in. */
	block: number;
	wordsA: number;
	wordsB: number;
	reason: RoughReason;
}

export interface NoteView extends AnchoredNote {
	title: string;
	html: string;
	markdown: string;
	/** 1-based number in reading order, shown at the marker and on the note. */
	number: number;
}

export interface CaseView {
	slug: string;
	title: string;
	date: string;
	people: string[];
	/** The first person listed, without their role: who reference managers cite as the author. */
	authors: string[];
	language: string;
	summary: string;
	kind: string;
	translator?: string;
	rights: string;
	sources: Source[];
	witnesses: Omit<Witness, 'text' | 'file'>[];
	/** The pair on this page, each with its language (a witness's own, or else the case's). */
	base: ExcerptWitness;
	target: ExcerptWitness;
	/** The pair the case is compared as by default (other pairs have pages of their own). */
	defaultPair: { base: string; target: string };
	/** The comparison laid out, packed (pipeline/laid.ts), and the witness texts it is cut from. */
	text: PackedText;
	texts: WitnessTexts;
	stats: ComparisonStats;
	/** Stretches aligned roughly: none, unless the aligner had to give up somewhere. */
	rough: RoughPlace[];
	notes: NoteView[];
	/** Who made each change, why and how sure, by change id: the changes an attribution is on. */
	attributions: Record<string, AttributionView>;
	/** Attributions that could not be placed on this pair, each with why: shown, never dropped. */
	unplaced: UnplacedAttribution[];
	/** A reader's own comparison, in their browser only: its exports are cited as private. */
	private?: boolean;
}

/**
 * What a page needs of a comparison: laid out and packed, without the tokens or the witness texts
 * (the page has those), so that a worker sends it in a moment. Notes keep their place and status;
 * titles and HTML are added later.
 */
export interface ReadingData {
	text: PackedText;
	stats: ComparisonStats;
	rough: RoughPlace[];
	notes: (AnchoredNote & { number: number })[];
	/** Where each attribution asked for landed, in the order asked (a few hundred at most). */
	attributions: Placement[];
}

export interface ReadingOptions extends CompareOptions {
	/** Attributions to place on the comparison: only their anchors are read. */
	attributions?: Pick<Attribution, 'anchor'>[];
}

export function readingData(
	sides: Sides,
	notes: NoteRef[],
	{ attributions = [], ...options }: ReadingOptions = {},
	onlayout?: () => void,
	comparison?: Comparison
): ReadingData & { comparison: Comparison } {
	const reading = read(sides, notes, options, onlayout, comparison);
	return {
		text: pack(reading.blocks, changeRefs(reading.comparison.segments)),
		stats: reading.comparison.stats,
		rough: roughPlaces(reading.blocks, reading.comparison.rough),
		notes: numberNotes(reading.blocks, reading.notes),
		attributions: placements(reading.comparison, attributions, sides),
		comparison: reading.comparison
	};
}

/** Where each attribution lands on the comparison, with the words of the change it is on. */
function placements(comparison: Comparison, attributions: Attribution[], sides: Sides): Placement[] {
	const { segments, aTokens, bTokens } = comparison;
	const byId = new Map(segments.filter((s) => s.id).map((s) => [s.id!, s]));
	return placeAttributions(comparison, attributions, sides).map(({ change, problem }) => {
		if (change === undefined) return { problem: problem! };
		const { struck, added } = changeWords(byId.get(change)!, aTokens, bTokens);
		return { change, wordsStruck: struck, wordsAdded: added };
	});
}

/**
 * The block each rough stretch starts in: the first block with a span at or after the stretch's
 * start in its base (or, for a stretch with no base text, in its target).
 */
export function roughPlaces(blocks: Block[], rough: RoughStretch[]): RoughPlace[] {
	const places: RoughPlace[] = [];
	let k = 0;
	for (let i = 0; i < blocks.length && k < rough.length; i++) {
		const block = blocks[i];
		if (block.kind !== 'paragraph') continue;
		// The block's last position, on each side.
		let a = -1;
		let b = -1;
		for (const span of block.spans) {
			if (span.a !== undefined) a = span.a + (span.kind === 'insert' ? 0 : span.text.length);
			if (span.b !== undefined) b = span.b + (span.kind === 'delete' ? 0 : span.text.length);
		}
		while (k < rough.length) {
			const r = rough[k];
			const inBlock = r.aEnd > r.aStart ? a > r.aStart : b > r.bStart;
			if (!inBlock) break;
			places.push({ block: i, wordsA: r.wordsA, wordsB: r.wordsB, reason: r.reason });
			k++;
		}
	}
	return places;
}

/** The notes of a reading with their titles and HTML. */
export function noteViews(
	reading: ReadingData,
	notes: { id: string; title: string; html: string; markdown: string }[]
): NoteView[] {
	return reading.notes.flatMap((n) => {
		// A note deleted since the reading was made is simply not there any more.
		const note = notes.find((x) => x.id === n.noteId);
		return note ? [{ ...n, title: note.title, html: note.html, markdown: note.markdown }] : [];
	});
}

// The home page and a case's page both need its default reading: align each pair once per build.
const views = new WeakMap<Case, Map<string, CaseView>>();

/** A case read as the pair `pair` (by default the case's own): any two of its witnesses. */
export function caseView(c: Case, pair = c.comparison): CaseView {
	const key = `${pair.base} ${pair.target}`;
	let byPair = views.get(c);
	if (!byPair) views.set(c, (byPair = new Map()));
	let view = byPair.get(key);
	if (!view) byPair.set(key, (view = readCase(c, pair)));
	return view;
}

function readCase(c: Case, pair: { base: string; target: string }): CaseView {
	const witness = (id: string) => c.witnesses.find((w) => w.id === id)!;
	const base = witness(pair.base);
	const target = witness(pair.target);
	// At build time there is no reader waiting: any stretch the aligner would leave rough is
	// aligned exactly, so that a case page never shows a rough result. Each witness is read as the
	// case says: whether its lines matter, and (for all) what its square brackets are.
	const brackets = c.brackets ?? 'text';
	const side = ({ id, label, text, lines }: Witness) => ({ id, label, text, lines, brackets });
	const reading = readingData(
		{ a: side(base), b: side(target) },
		c.notes,
		{ precise: true, placeholders: c.placeholders, attributions: c.attributions }
	);
	// What each attribution says, its cause and source named as the case names them.
	const given = c.attributions.map(({ anchor, hand, cause, cert, source, date }): GivenAttribution => {
		const said: GivenAttribution = { anchor };
		if (hand) said.hand = hand;
		if (cause) said.cause = c.causes.find((x) => x.id === cause);
		if (cert) said.cert = cert;
		if (source) said.source = c.sources.find((x) => x.id === source);
		if (date) said.date = date;
		return said;
	});
	return {
		...caseFacts(c),
		translator: c.translator,
		// The case's translator translated every witness that names none of its own.
		witnesses: c.witnesses.map(({ text: _text, file: _file, ...w }) =>
			c.translator && !w.translator ? { ...w, translator: c.translator } : w
		),
		base: { id: base.id, label: base.label, language: base.language ?? c.language },
		target: { id: target.id, label: target.label, language: target.language ?? c.language },
		defaultPair: c.comparison,
		text: reading.text,
		texts: { a: base.text, b: target.text },
		stats: reading.stats,
		rough: reading.rough,
		notes: noteViews(reading, c.notes),
		...placedViews(given, reading.attributions)
	};
}

/** The address of a case's page for a pair (by default the pair shown): the case's own for its own pair. */
export function pagePath(view: CaseView, base = view.base.id, target = view.target.id): string {
	const own = base === view.defaultPair.base && target === view.defaultPair.target;
	return own ? `/cases/${view.slug}` : `/cases/${view.slug}/${base}/${target}`;
}

/** The title of a case's page: the case's, naming the pair on the page of any other pair. */
export function pageTitle(view: CaseView): string {
	const own = view.base.id === view.defaultPair.base && view.target.id === view.defaultPair.target;
	return own ? view.title : `${view.title}: ${view.base.label} and ${view.target.label}`;
}

/** What a page of a case says of it, whatever it compares: a pair, or every witness at once. */
export type CaseFacts = ReturnType<typeof caseFacts>;

export function caseFacts(c: Case) {
	const { slug, title, date, people, language, summary, kind, rights, sources } = c;
	return { slug, title, date, people, authors: authorsOf(people), language, summary, kind, rights, sources };
}

/** The first person listed, without their role: who reference managers cite as the author. */
export function authorsOf(people: string[]): string[] {
	return people.slice(0, 1).map((p) => p.replace(/\s*\(.*\)$/, ''));
}

/** Orders notes as a reader meets them: markers in the text first, then the rest in file order. */
function numberNotes(blocks: Block[], notes: AnchoredNote[]) {
	const order: string[] = [];
	for (const block of blocks) {
		if (block.kind !== 'paragraph') continue;
		for (const span of block.spans) for (const id of span.noteMarkers ?? []) order.push(id);
	}
	const rank = (n: AnchoredNote) => {
		const i = order.indexOf(n.noteId);
		return i === -1 ? order.length : i;
	};
	return [...notes]
		.sort((x, y) => rank(x) - rank(y))
		.map((n, i) => ({ ...n, number: i + 1 }));
}

/**
 * What a reader's own comparison says of itself, as a case does: its title, date, people, kind,
 * rights, and its one source (what the reader says of where the texts come from).
 */
export function workspaceAbout(ws: Workspace) {
	const { meta } = ws;
	return {
		slug: slugify(meta.title),
		title: meta.title,
		date: meta.date,
		people: meta.people,
		authors: authorsOf(meta.people),
		summary: meta.summary,
		kind: kindOf(meta.kind),
		rights: meta.rights,
		sources: [{ id: 'own', citation: meta.source || 'Supplied by the person who made this comparison.' }]
	};
}

/** A reader's text as a witness: its id, label, and language (`und` for a tag that is not one). */
export function ownWitness(t: WorkspaceText): ExcerptWitness {
	return { id: t.id, label: t.label, language: usableLanguage(t.language) };
}

/**
 * A reader's own comparison (the Compare page) as a page's view: its workspace's title and
 * people, the pair on screen, and the reading made from `texts` and `attributions` (the texts it
 * was aligned from and the attributions placed on it, which may lag the workspace's while the
 * reader types). Private: it has no public address. It is in the base text's language; a kind
 * the reader did not give is `Comparison`, and a language tag that is not one, `und`.
 */
export function workspaceView(
	ws: Workspace,
	pair: { base: WorkspaceText; target: WorkspaceText },
	reading: ReadingData,
	texts: WitnessTexts,
	notes: { id: string; title: string; html: string; markdown: string }[],
	attributions: WorkspaceAttribution[] = []
): CaseView {
	// A reader's cause is their own words: its id is made from them, as a case written from the
	// workspace names it (workspace/files.ts).
	const causes = workspaceCauses(attributions);
	const given = attributions.map(({ id, anchor, hand, cause, cert, date }): GivenAttribution => {
		const said: GivenAttribution = { id, anchor };
		if (hand) said.hand = hand;
		if (cause) said.cause = causes.find((c) => c.label === cause);
		if (cert) said.cert = cert;
		if (date) said.date = date;
		return said;
	});
	const base = ownWitness(pair.base);
	const target = ownWitness(pair.target);
	return {
		...workspaceAbout(ws),
		language: base.language,
		witnesses: ws.texts.map((t) => ({ ...ownWitness(t), description: t.origin, source: 'own' })),
		base,
		target,
		defaultPair: { base: base.id, target: target.id },
		text: reading.text,
		texts,
		stats: reading.stats,
		rough: reading.rough,
		notes: noteViews(reading, notes),
		...placedViews(given, reading.attributions),
		private: true
	};
}
