// JSON export of an apparatus excerpt: version 3 of the excerpt format (`ApparatusJson`). Versions
// 1 and 2 hold a pair (base and target, in blocks of spans: ../json.ts); version 3 holds any
// number of witnesses, as places and readings, the apparatus itself (pipeline/apparatus.ts). It is
// a new version, not an optional field, because a reader of version 2 finds none of what it needs
// (`witnesses.base`, `blocks`) and must refuse the file rather than read nothing from it.
//
// Every reading keeps its `layout` (the exact text of its witnesses that write it with other white
// space), so every witness rebuilds byte for byte: `rebuildApparatus` gives back each text.

import { chicagoCitation } from '../citation';
import type { JsonWitness } from '../json';
import { witnessText, type ApparatusPlace } from '../../pipeline/apparatus';
import type { ApparatusExcerpt } from '../../types';

/** Version 3 of the excerpt format: an apparatus of any number of witnesses. */
export interface ApparatusJson {
	format: 'pencilmarks-excerpt';
	version: 3;
	case: { title: string; slug: string; kind: string; date: string };
	/** The witnesses shown, the base first, each with its siglum (unique among them). */
	witnesses: (JsonWitness & { language: string; siglum: string })[];
	/** The labels of the case's witnesses that were set aside, whose readings are not here. */
	setAside: string[];
	/**
	 * The places in order: `from`/`to` in the base's text of the whole comparison, and each
	 * reading's `text`, `witnesses` (ids), `words` and, when some of its witnesses write it with
	 * other white space, `layout` (their exact text, by id). A place with one reading is text all
	 * the witnesses share.
	 */
	places: ApparatusPlace[];
	/** `place`: an index into `places`; `number`: 1-based, as the other formats mark it (`n1`). */
	notes: { id: string; number: number; title: string; markdown: string; place: number }[];
	citation: { text: string; sources: string[]; permalink: string; accessed: string };
}

/** The excerpt as an `ApparatusJson` object. */
export function apparatusJson(excerpt: ApparatusExcerpt): ApparatusJson {
	return {
		format: 'pencilmarks-excerpt',
		version: 3,
		case: { title: excerpt.title, slug: excerpt.slug, kind: excerpt.kind, date: excerpt.date },
		witnesses: excerpt.witnesses.map((w) => ({ ...w })),
		setAside: [...excerpt.setAside],
		places: excerpt.places.map(({ from, to, readings }) => ({
			from,
			to,
			readings: readings.map(({ text, witnesses, words, layout }) => ({
				text,
				witnesses: [...witnesses],
				words,
				...(layout ? { layout: { ...layout } } : {})
			}))
		})),
		notes: excerpt.notes.map((n, i) => ({
			id: n.id,
			number: i + 1,
			title: n.title,
			markdown: n.markdown,
			place: n.place
		})),
		citation: {
			text: chicagoCitation(excerpt),
			sources: [...excerpt.citation.sources],
			permalink: excerpt.citation.permalink,
			accessed: excerpt.citation.accessed
		}
	};
}

/** Writes the excerpt as JSON (tab-indented, one trailing newline). */
export function apparatusJsonText(excerpt: ApparatusExcerpt): string {
	return JSON.stringify(apparatusJson(excerpt), null, '\t') + '\n';
}

/** Each witness's text of the excerpt, rebuilt from the JSON alone: its readings joined in order. */
export function rebuildApparatus(json: Pick<ApparatusJson, 'witnesses' | 'places'>): { id: string; text: string }[] {
	const apparatus = { witnesses: json.witnesses.map((w) => w.id), places: json.places };
	return json.witnesses.map((w) => ({ id: w.id, text: witnessText(apparatus, w.id) }));
}
