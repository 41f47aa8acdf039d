// Builds the ApparatusExcerpt that every apparatus export writes, from what the reader has on
// screen: the case's facts, the apparatus, the witnesses shown, a run of whole places, and the
// notes already placed on them. Pure: the page gives the permalink and the date.

import { shownApparatus, siglumOf, sliceApparatus, variantPlaces, type Apparatus } from '../../pipeline/apparatus';
import type { ApparatusExcerpt, ExcerptWitness } from '../../types';
import type { CaseView } from '../../view';

/** What the excerpt takes of a case (or of a reader's own comparison) as a page has it. */
export type ApparatusCase = Pick<
	CaseView,
	'title' | 'slug' | 'kind' | 'date' | 'authors' | 'people' | 'language' | 'sources' | 'private'
> & {
	/** Its witnesses as a case page or the apparatus view has them: a language only where their own. */
	witnesses: (Omit<ExcerptWitness, 'language'> & { language?: string; siglum?: string; source?: string })[];
};

/** A note placed at a place of the whole apparatus (an index into `Apparatus.places`). */
export interface PlacedNote {
	id: string;
	title: string;
	markdown: string;
	/** Sanitized HTML (renderMarkdown); '' when not rendered. */
	html: string;
	place: number;
}

export interface ApparatusExcerptOptions {
	/** The witnesses shown (the others are set aside); the apparatus's order is kept. */
	shown: ReadonlySet<string>;
	/** The places exported: `[from, to)`, indices into `Apparatus.places`. */
	from: number;
	to: number;
	/** Notes placed on the apparatus; those outside the places exported are left out. */
	notes?: PlacedNote[];
	/** The absolute link that reopens this excerpt ('' for a private comparison, which has none). */
	permalink: string;
	/** ISO date of the export. */
	accessed: string;
}

/**
 * The excerpt of places `from` to `to` of `apparatus`, with the readings of the witnesses shown
 * only, each witness described as the case describes it (a reader's own texts keep their label
 * and language: what they say of their origin is no description), with a siglum unique among them.
 */
export function apparatusExcerpt(
	view: ApparatusCase,
	apparatus: Apparatus,
	{ shown, from, to, notes = [], permalink, accessed }: ApparatusExcerptOptions
): ApparatusExcerpt {
	const ids = apparatus.witnesses.filter((id) => shown.has(id));
	if (ids.length === 0) throw new Error('An apparatus excerpt needs a witness shown; none of the apparatus is.');
	const first = Math.max(0, Math.min(from, apparatus.places.length));
	const last = Math.max(first, Math.min(to, apparatus.places.length));
	const sigla = uniqueSigla(ids.map((id) => siglumOf(view.witnesses.find((w) => w.id === id) ?? { label: id })));
	const witnesses = ids.map((id, i) => {
		const w = view.witnesses.find((x) => x.id === id);
		const language = w?.language ?? view.language;
		const described = { id, label: w?.label ?? id, siglum: sigla[i], language };
		if (view.private || !w) return described;
		const { description, translator, written, heldBy } = w;
		return {
			...described,
			description,
			...(translator ? { translator } : {}),
			...(written ? { written } : {}),
			...(heldBy ? { heldBy } : {})
		};
	});
	return {
		title: view.title,
		slug: view.slug,
		kind: view.kind,
		date: view.date,
		authors: view.authors,
		witnesses,
		setAside: view.witnesses.filter((w) => !shown.has(w.id)).map((w) => w.label),
		places: shownApparatus(sliceApparatus(apparatus, first, last), shown).places.map((place) => {
			// The base's reading first, as in any apparatus: with the first witness set aside, the
			// base is the first shown, whose reading need not come first.
			const lemma = place.readings.find((r) => r.witnesses.includes(ids[0]))!;
			return { ...place, readings: [lemma, ...place.readings.filter((r) => r !== lemma)] };
		}),
		numbers: screenNumbers(apparatus, first, last),
		notes: notes
			.filter((n) => n.place >= first && n.place < last)
			.sort((a, b) => a.place - b.place)
			.map(({ id, title, markdown, html, place }) => ({ id, title, markdown, html, place: place - first })),
		...(view.private ? { private: { people: view.people } } : {}),
		citation: {
			sources: view.sources.map((s) => s.citation),
			permalink: view.private ? '' : permalink,
			accessed
		}
	};
}

/** Sigla made unique: a siglum given twice is told apart by its number, `Copy`, `Copy 2`. */
function uniqueSigla(sigla: string[]): string[] {
	const taken = new Set<string>();
	return sigla.map((siglum) => {
		let unique = siglum;
		for (let n = 2; taken.has(unique); n++) unique = `${siglum} ${n}`;
		taken.add(unique);
		return unique;
	});
}

/**
 * The number each variant place of places `from` to `to` has on screen, by its index in the
 * excerpt: places are numbered among all the witnesses, whoever is set aside (ApparatusView).
 */
function screenNumbers(apparatus: Apparatus, from: number, to: number): Record<number, number> {
	const numbers: Record<number, number> = {};
	variantPlaces(apparatus, new Set(apparatus.witnesses)).forEach((p, i) => {
		if (p >= from && p < to) numbers[p - from] = i + 1;
	});
	return numbers;
}
