// TEI P5 export, parallel segmentation (TEI Guidelines 12.2.3): each change is an apparatus
// entry inline, with one reading per witness.
//
// - Header: the case title and what is compared (`titleStmt`), the permalink and export date
//   (`publicationStmt`), notes on the whole case (`notesStmt`), both witnesses (`listWit`, each
//   with its `label` and a `desc` for each thing the record says of it: what it is, who translated
//   it, when it was written, who holds it) and the sources (`listBibl`) in `sourceDesc`, the
//   encoding method, and the date of the event.
// - The text is in the base's language (`<text xml:lang>`). When the target's differs (a
//   translation compared with its original), each `<witness>` gives its own, and so do the
//   target's readings (`<rdg wit="#target" xml:lang>`) and, in `target`, its `div`.
// - A paragraph is `<p>`. In `marks` and `side` a change is
//   `<app xml:id="c-…"><rdg wit="#base">…</rdg><rdg wit="#target">…</rdg></app>`, with an
//   empty `<rdg/>` for the witness without text; a change that runs over a paragraph break has
//   one `app` per paragraph (`c-…`, then `c-…-2`). In `base` and `target` the body is the
//   plain text of that witness in a `<div type="witness" corresp="#…">`, with no apparatus.
// - An `app`'s `type` is the kind of its change (pipeline/kinds.ts: `cut`, `rewording`…). Who made
//   a change, why and how sure are said where the Guidelines put them, on the reading the change
//   made, the target's: `<rdg wit="#published" hand="#hand-stalin-pencil" cause="political"
//   cert="medium"/>` (`@hand` and `@cause` are att.textCritical's, for `rdg` and not `app`; `@cert`
//   is TEI's `high`, `medium` or `low` for certain, probable and conjectural). Each hand is a
//   `<handNote>` in `profileDesc/handNotes`.
// - A moved passage is an `app` at each of its places, `type="transposition"`, with the base's
//   reading where it stood and the target's where it stands, and `corresp` pointing at the other
//   end (`#c-…`, or the change in the whole comparison online when that end is not in the
//   excerpt). Words changed on the way are `<seg type="changed">` in the reading. When both ends
//   are in the excerpt, a `<listTranspose>` in `profileDesc` (where the Guidelines let it stand,
//   as a part of the profile description) pairs them: `<transpose>` with a `<ptr>` to where the
//   passage stood, then one to where it stands.
// - A gap is `<gap reason="unavailable"/>` (with `<desc>` when it says what is missing); in a
//   two-witness mode, a gap of one witness only is an `app` in an `<ab>` of its own.
// - The source's editorial matter is `<seg type="editorial">`, its characters verbatim.
// - A kept line break (verse, code: the witness's lines matter) is `<lb/>` where the new line
//   begins, then the line's indentation as the witness has it.
// - A note stands after its passage: `<note xml:id="note-…" n="1" target="#c-…">`, pointing at
//   the changes its passage covers, or else at an `<anchor xml:id="note-…-start"/>` where the
//   passage begins. Its title is a `<label>`; its text is TEI, written from the note as the page
//   shows it (`noteParts`): `<p>`, `<hi rend="italic">`, `<hi rend="bold">`, `<ref target>`,
//   `<code>`, `<title>` (a `<cite>`), `<hi rend="superscript">`, `<lb/>`, `<quote>`, and
//   `<list>` of `<item>`s. A note not rendered yet is its Markdown as text, a `<p>` per paragraph.
//   A note on a passage the mode does not show (struck text, in `target`) is in `notesStmt`,
//   `type="passage-not-shown"`.
// Every text and attribute value is escaped first.

import { hiddenNamed, witnessShown } from '../modes';
import { SITE, witnessFacts } from './citation';
import { blockRuns, noteParts, type NotePart } from './note-parts';
import { escapeXml as escape } from './escape';
import { formatDate, hasDate } from '../format';
import type { Certainty, Excerpt, ExcerptWitness } from '../types';
import {
	filterWords,
	partnerHref,
	show,
	showsBoth,
	subtitle,
	witnessOf,
	type ShownBlock,
	type ShownNote,
	type ShownSpan
} from './modes';

/** Every TEI element this export writes, for documentation and for tests. */
export const TEI_ELEMENTS = [
	'TEI',
	'teiHeader',
	'fileDesc',
	'titleStmt',
	'title',
	'publicationStmt',
	'publisher',
	'idno',
	'date',
	'notesStmt',
	'sourceDesc',
	'listWit',
	'witness',
	'listBibl',
	'bibl',
	'encodingDesc',
	'variantEncoding',
	'editorialDecl',
	'profileDesc',
	'creation',
	'handNotes',
	'handNote',
	'listTranspose',
	'transpose',
	'ptr',
	'text',
	'body',
	'div',
	'p',
	'ab',
	'app',
	'rdg',
	'seg',
	'lb',
	'gap',
	'desc',
	'anchor',
	'note',
	'label',
	'hi',
	'ref',
	'code',
	'quote',
	'list',
	'item',
	'lb'
] as const;

/** An `xml:id` must be an XML name: letters, digits, `.`, `-`, `_`, not starting with a digit. */
export function xmlId(id: string): string {
	const name = id.replace(/[^\p{L}\p{N}._-]/gu, '-');
	return /^[\p{L}_]/u.test(name) ? name : `_${name}`;
}

/**
 * Gives each key (a witness, change or note id, a hand) its xml:id, the same each time it is
 * asked; `name` is what the id is made from, when not the key itself.
 */
type XmlIds = (key: string, name?: string) => string;

/**
 * The xml:ids of one document: `xmlId` of each key (or of its name), or, when another key already
 * has that id ("a b" and "a-b" both make "a-b"), that id with `-2`, `-3`… after it. Keys are given
 * their ids in the order they are first asked for, so the document's ids do not depend on
 * anything else.
 */
export function xmlIds(): XmlIds {
	const byKey = new Map<string, string>();
	const taken = new Set<string>();
	return (key, named = key) => {
		const known = byKey.get(key);
		if (known) return known;
		const name = xmlId(named);
		let id = name;
		for (let n = 2; taken.has(id); n++) id = `${name}-${n}`;
		byKey.set(key, id);
		taken.add(id);
		return id;
	};
}

type Piece = { app: string; spans: ShownSpan[] } | { span: ShownSpan };

/** Writes the excerpt as a TEI P5 document, as its mode shows it. */
export function toTei(excerpt: Excerpt): string {
	const { blocks, notes } = show(excerpt);
	// Every xml:id of the document comes from one allocator, so that no two are the same.
	const ids = xmlIds();
	const a = ids(excerpt.base.id);
	const b = ids(excerpt.target.id);
	// ` xml:lang="…"` for each witness, when their languages differ; '' when they do not.
	const { base, target } = excerpt;
	const lang = (language: string) =>
		base.language === target.language ? '' : ` xml:lang="${escape(language)}"`;

	// First pass: cut paragraphs into apparatus entries and plain spans, and find what each note
	// points at, since a note is written after its passage, where its targets are already known.
	const seen = new Map<string, number>();
	const targets = new Map<string, string[]>();
	const paragraphs = blocks.map((block) => {
		if (block.kind === 'gap') return block;
		const pieces: Piece[] = [];
		for (const span of block.spans) {
			const last = pieces.at(-1);
			if (span.mark === 'none' || !span.change) {
				pieces.push({ span });
			} else if (last && 'app' in last && last.spans[0].change === span.change) {
				last.spans.push(span);
			} else {
				const n = (seen.get(span.change) ?? 0) + 1;
				seen.set(span.change, n);
				const app = ids(n === 1 ? span.change : `${span.change}-${n}`);
				pieces.push({ app, spans: [span] });
			}
		}
		for (const piece of pieces) {
			if (!('app' in piece)) continue;
			for (const id of new Set(piece.spans.flatMap((s) => s.notes))) {
				const list = targets.get(id) ?? [];
				if (!list.includes(piece.app)) targets.set(id, [...list, piece.app]);
			}
		}
		return pieces;
	});

	// Second pass: write. A note without changes to point at points at an anchor set where its
	// passage begins (or, if none of its passage is shown, just before the note).
	const byId = new Map(notes.map((n) => [n.id, n]));
	const anchored = new Set<string>();
	const anchor = (id: string) => {
		if (targets.has(id) || anchored.has(id)) return '';
		anchored.add(id);
		return `<anchor xml:id="${ids(`note-${id}-start`)}"/>`;
	};
	const noteAt = (id: string) => {
		const target = targets.get(id)?.map((t) => `#${t}`) ?? [`#${ids(`note-${id}-start`)}`];
		return anchor(id) + note(byId.get(id)!, ids, target.join(' '));
	};
	const text = (s: ShownSpan) => {
		// A shown line break's text is `\n` and the next line's indentation.
		if (s.line) return `<lb/>${escape(s.text.slice(1))}`;
		// A redaction marker in the target stands for the words it hides: a gap the redactor made,
		// its marker kept as it was printed, not editorial text of the witness.
		if (s.changeKind === 'placeholder' && witnessOf(s) === 'b' && s.text.trim()) {
			const [, lead, marker, trail] = /^(\s*)(.*?)(\s*)$/s.exec(s.text)!;
			return `${escape(lead)}<gap reason="redacted"><desc>${escape(marker)}</desc></gap>${escape(trail)}`;
		}
		const chars = s.editorial ? `<seg type="editorial">${escape(s.text)}</seg>` : escape(s.text);
		return s.changed ? `<seg type="changed">${chars}</seg>` : chars;
	};
	// `said`: who made the change, why and how sure, on the target's reading (`attributed`).
	const rdg = (wit: string, spans: ShownSpan[], said = '') => {
		const at = `wit="#${wit}"${wit === b && spans.length ? lang(target.language) : ''}${said}`;
		return spans.length ? `<rdg ${at}>${spans.map(text).join('')}</rdg>` : `<rdg ${at}/>`;
	};
	const piece = (p: Piece) => {
		const spans = 'app' in p ? p.spans : [p.span];
		const opening = spans.flatMap((s) => s.notes).map(anchor).join('');
		const body =
			'app' in p
				? `<app xml:id="${p.app}"${appType(spans[0])}>` +
					`${rdg(a, spans.filter((s) => witnessOf(s) === 'a'))}` +
					`${rdg(b, spans.filter((s) => witnessOf(s) === 'b'), attributed(spans[0].change!))}</app>`
				: text(p.span);
		return opening + body + spans.flatMap((s) => s.markers).map(noteAt).join('');
	};
	// The kind of change, or for a moved passage the Guidelines' own word, with its other end.
	const appType = (s: ShownSpan) => {
		if (!s.move) return s.changeKind ? ` type="${s.changeKind}"` : '';
		const href = partnerHref(s.move, excerpt);
		const ref = href?.startsWith('#') ? `#${ids(href.slice(1))}` : href;
		return ` type="transposition"${ref ? ` corresp="${escape(ref)}"` : ''}`;
	};
	// Who made the target's reading, why and how sure (att.textCritical's `@hand` and `@cause`, and
	// `@cert`), on that reading: what the change made of the base's.
	const hands = new Map<string, string>();
	const attributed = (change: string) => {
		const said = excerpt.attributions?.[change];
		if (!said) return '';
		let attributes = '';
		if (said.hand) {
			const slug = said.hand.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
			const id = ids(`hand\u0000${said.hand}`, `hand-${slug}`);
			hands.set(said.hand, id);
			attributes += ` hand="#${id}"`;
		}
		if (said.cause) attributes += ` cause="${escape(said.cause.id)}"`;
		if (said.cert) attributes += ` cert="${TEI_CERT[said.cert]}"`;
		return attributes;
	};
	const gap = (g: Extract<ShownBlock, { kind: 'gap' }>) => {
		// Paragraphs the changes-only view left out: omitted by the editor of the excerpt.
		if (g.omitted) return `<gap reason="unchanged" quantity="${g.omitted}" unit="paragraph"/>`;
		const tag = g.label
			? `<gap reason="unavailable"><desc>${escape(g.label)}</desc></gap>`
			: '<gap reason="unavailable"/>';
		if (!showsBoth(excerpt.mode) || g.inA === g.inB) return tag;
		const readings = g.inA
			? `<rdg wit="#${a}">${tag}</rdg><rdg wit="#${b}"/>`
			: `<rdg wit="#${a}"/><rdg wit="#${b}">${tag}</rdg>`;
		return `<ab><app>${readings}</app></ab>`;
	};
	const body = paragraphs.map((p) => ('kind' in p ? gap(p) : `<p>${p.map(piece).join('')}</p>`));

	const shown = witnessShown(excerpt.mode);
	const one = shown === 'a' ? a : shown === 'b' ? b : null;
	const indentBody = one ? '\t\t\t\t' : '\t\t\t';
	const content = body.map((line) => indentBody + line).join('\n');
	const unplaced = notes.filter((n) => !n.placed);
	const lines = (items: string[], depth: number) =>
		items.map((item) => '\t'.repeat(depth) + item + '\n').join('');
	const notesStmt = unplaced.length
		? `\t\t\t<notesStmt>\n${lines(unplaced.map((n) => note(n, ids)), 4)}\t\t\t</notesStmt>\n`
		: '';
	// A `listBibl` must hold at least one `bibl`.
	const bibls = excerpt.citation.sources.map((s) => `<bibl>${escape(s)}</bibl>`);
	const sources = bibls.length ? `\t\t\t\t<listBibl>\n${lines(bibls, 5)}\t\t\t\t</listBibl>\n` : '';

	return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
	<teiHeader>
		<fileDesc>
			<titleStmt>
				<title>${escape(excerpt.title)}</title>
				<title type="sub">${escape(subtitle(excerpt, formatDate(excerpt.date)))}</title>
			</titleStmt>
			<publicationStmt>
				${publication(excerpt)}
			</publicationStmt>
${notesStmt}			<sourceDesc>
				<listWit>
					${witness(base, a, lang(base.language))}
					${witness(target, b, lang(target.language))}
				</listWit>
${sources}			</sourceDesc>
		</fileDesc>
		<encodingDesc>
			<variantEncoding method="parallel-segmentation" location="internal"/>
${filterDecl(excerpt)}		</encodingDesc>
		<profileDesc>
			<creation>${teiDate(excerpt.date)}</creation>
${handNotes(hands)}${transpositions(blocks, excerpt, ids)}		</profileDesc>
	</teiHeader>
	<text xml:lang="${escape(base.language)}">
		<body>
${one ? `\t\t\t<div type="witness" corresp="#${one}"${one === b ? lang(target.language) : ''}>\n${content}\n\t\t\t</div>` : content}
		</body>
	</text>
</TEI>
`;
}

/**
 * What `publicationStmt` holds: the publisher, the permalink and the date of the export; for a
 * private comparison, which has no publisher and no address (see chicagoCitation), a sentence
 * saying so.
 */
export function publication(excerpt: Pick<Excerpt, 'private' | 'citation'>): string {
	const exported = formatDate(excerpt.citation.accessed);
	return excerpt.private
		? `<p>${escape(`A private comparison, not published; exported ${exported}.`)}</p>`
		: `<publisher>${escape(SITE)}</publisher>\n\t\t\t\t` +
				`<idno type="URI">${escape(excerpt.citation.permalink)}</idno>\n\t\t\t\t` +
				teiDate(excerpt.citation.accessed);
}

/** A date, `<date when="1938-03-12">12 March 1938</date>`; without one (a reader's own comparison
 * may have none) it says so, with no `@when`. */
export function teiDate(iso: string): string {
	return hasDate(iso) ? `<date when="${iso}">${escape(formatDate(iso))}</date>` : '<date>n.d.</date>';
}

/** How sure an attribution is, in TEI's words (`teidata.probCert`). */
export const TEI_CERT: Record<Certainty, string> = { certain: 'high', probable: 'medium', conjectural: 'low' };

/** The hands the text names, each a `handNote` that a reading's `@hand` points at. */
function handNotes(hands: Map<string, string>): string {
	if (hands.size === 0) return '';
	const notes = [...hands].map(([hand, id]) => `\t\t\t\t<handNote xml:id="${id}">${escape(hand)}</handNote>\n`);
	return `\t\t\t<handNotes>\n${notes.join('')}\t\t\t</handNotes>\n`;
}

/**
 * A `<witness>`: its label alone, or, when the record says more of it, the label as a `<label>` then
 * a `<desc>` for each thing said (`witnessFacts`), typed but for the description itself:
 * `<desc type="held-by">Held by: Cornell University Library.</desc>`. `attributes` are written
 * after its id, escaped already: ` xml:lang="ru"`.
 */
export function witness(w: ExcerptWitness, id: string, attributes: string): string {
	const facts = witnessFacts(w);
	if (facts.length === 0) return `<witness xml:id="${id}"${attributes}>${escape(w.label)}</witness>`;
	const descs = facts.map(({ kind, text }) =>
		kind === 'description' ? `<desc>${escape(text)}</desc>` : `<desc type="${kind}">${escape(text)}</desc>`
	);
	return `<witness xml:id="${id}"${attributes}><label>${escape(w.label)}</label>${descs.join('')}</witness>`;
}

/**
 * The moves whose two ends are both in the text, as a `listTranspose`: each `transpose` points at
 * where the passage stood in the base, then at where it stands in the target ('' when none).
 */
function transpositions(blocks: ShownBlock[], excerpt: Excerpt, ids: XmlIds): string {
	const pairs = new Map<string, string>();
	for (const block of blocks) {
		if (block.kind !== 'paragraph') continue;
		for (const { move, change } of block.spans) {
			if (move?.end === 'from' && move.other !== 'outside') pairs.set(change!, move.partner);
		}
	}
	if (pairs.size === 0) return '';
	const ptr = (id: string) => `<ptr target="#${escape(ids(id))}"/>`;
	const desc =
		`Passages moved between the witnesses: each transposition points at where the passage ` +
		`stood in ${excerpt.base.label}, then at where it stands in ${excerpt.target.label}.`;
	const items = [...pairs].map(([from, to]) => `<transpose>${ptr(from)}${ptr(to)}</transpose>`);
	const lines = [`<desc>${escape(desc)}</desc>`, ...items].map((line) => `\t\t\t\t${line}\n`);
	return `\t\t\t<listTranspose>\n${lines.join('')}\t\t\t</listTranspose>\n`;
}

/** A note: its title as a label, then its text in TEI (`noteTei`). */
function note(n: ShownNote, ids: XmlIds, target?: string): string {
	const paragraphs = noteTei(n);
	const at = target ? ` target="${escape(target)}"` : '';
	// A note on a passage this mode does not show says so, since it has nothing to point at.
	const type = n.hidden ? ' type="passage-not-shown"' : '';
	const open = `<note xml:id="${ids(`note-${n.id}`)}" n="${n.number}"${type}${at}>`;
	return `${open}<label>${escape(n.title)}</label>${paragraphs}</note>`;
}

/** The filter the excerpt was made with: the kinds of change written as agreement, not marked. */
function filterDecl(excerpt: Excerpt): string {
	const kinds = hiddenNamed(excerpt.hidden);
	const said = [
		...(kinds.length ? [`Changes of these kinds are not marked, and read as the text shown: ${kinds.join(', ')}.`] : []),
		// The hands and causes hidden, as every format says them.
		...filterWords(excerpt).filter((words) => words.startsWith('Changes made '))
	];
	if (!said.length) return '';
	const paragraphs = said.map((p) => `\t\t\t\t<p>${escape(p)}</p>\n`).join('');
	return `\t\t\t<editorialDecl>\n${paragraphs}\t\t\t</editorialDecl>\n`;
}

/**
 * A note's text in TEI, from its HTML as the page shows it, so that a TEI reader gets the same
 * emphasis, links and lists as a reader of the page and nothing the page drops. A note without
 * HTML (not rendered yet) is its Markdown as plain text, a `<p>` per paragraph.
 */
export function noteTei(note: { markdown: string; html: string }): string {
	if (!note.html.trim()) {
		return note.markdown
			.trim()
			.split(/\n[ \t]*\n/)
			.filter((p) => p.trim())
			.map((p) => `<p>${escape(p.trim())}</p>`)
			.join('');
	}
	return teiBlocks(noteParts(note.html));
}

/** Blocks: a run of text and inline elements between blocks is a paragraph of its own. */
function teiBlocks(parts: NotePart[]): string {
	return blockRuns(parts)
		.map((run) => (Array.isArray(run) ? `<p>${teiInline(run).trim()}</p>` : teiBlock(run)))
		.join('');
}

function teiBlock(part: Exclude<NotePart, string>): string {
	switch (part.name) {
		case 'blockquote':
			return `<quote>${teiBlocks(part.children)}</quote>`;
		case 'ul':
		case 'ol': {
			const rend = part.name === 'ol' ? 'numbered' : 'bulleted';
			const items = part.children.filter((c) => typeof c !== 'string' || c.trim());
			return `<list rend="${rend}">${items.map((item) => `<item>${teiItem(item)}</item>`).join('')}</list>`;
		}
		case 'li':
			return teiItem(part);
		default:
			return `<p>${teiInline(part.children).trim()}</p>`;
	}
}

/** A list item: its words inline, or its blocks when it has any (a loose list's paragraphs). */
function teiItem(item: NotePart): string {
	const parts = typeof item === 'string' ? [item] : item.children;
	const runs = blockRuns(parts);
	return runs.some((r) => !Array.isArray(r)) ? teiBlocks(parts) : teiInline(parts).trim();
}

const inlineTags: Record<string, [string, string]> = {
	em: ['<hi rend="italic">', '</hi>'],
	strong: ['<hi rend="bold">', '</hi>'],
	sup: ['<hi rend="superscript">', '</hi>'],
	// A `<cite>` in a note holds the title of a work.
	cite: ['<title>', '</title>'],
	code: ['<code>', '</code>']
};

function teiInline(parts: NotePart[]): string {
	return parts
		.map((part) => {
			if (typeof part === 'string') return escape(part);
			if (part.name === 'br') return '<lb/>';
			const inner = teiInline(part.children);
			if (part.name === 'a') return `<ref target="${escape(part.href)}">${inner}</ref>`;
			const tags = inlineTags[part.name];
			// A block inside a paragraph (a list in a link): its words, inline.
			return tags ? tags[0] + inner + tags[1] : inner;
		})
		.join('');
}
