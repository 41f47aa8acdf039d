// HTML export: one self-contained page that reads like the reading view and prints cleanly.
//
// - Self-contained: the style is inline, there is no script, and nothing is fetched (no
//   stylesheet, font or image); a content security policy in the page says so to the browser.
// - Struck text is `<del>` (struck through), added text `<ins>` (underlined): never colour alone.
//   For screen readers, CSS adds "[struck: … ]" and "[added: … ]" around them, clipped out of
//   sight, since many do not announce `del` and `ins` by default.
// - A moved passage shows at both of its places, `<del class="moved">` where it stood and
//   `<ins class="moved">` where it stands: neither struck through nor underlined, since it is no
//   cut and no addition, but dotted underneath, on a tint, after a text label ("[moved from here
//   to below ↓]") that links to the other end, or, when that end is outside the excerpt, to it in
//   the whole comparison online. Words changed on the way are a plain `<del>`/`<ins>` inside it.
// - Editorial matter from the source is in a sans-serif face, with a title saying what it is.
// - Who made a change, why and how sure follow it, in a smaller sans-serif face:
//   `<span class="attribution">[Stalin, pencil; Political; probable]</span>`.
// - A kept line break (verse, code: the witness's lines matter) is `<br>`, inside the mark of
//   its change if it has one, and the next line's indentation is no-break spaces.
// - A gap is a dashed box: "Text not available here."
// - Notes are numbered footnotes with links to them and back; a note on the whole case has no
//   marker and no back link. Note HTML is already sanitized and goes in as it is; a note's Markdown
//   is never inserted as HTML (it is shown escaped when a note has no HTML).
// - `citation_*` (Highwire) and `DC.*` (Dublin Core) meta tags let Zotero and the like save it
//   (written by citation-meta.ts, as on the case pages).
// - `side` is laid out in two columns, one per witness; the other modes as one text.
// - The page is in the base's language (`<html lang>`); when the target's differs (a
//   translation), its text says so: `<ins lang>` in `marks`, its column in `side`, the whole
//   text in `target`.
// Every text is escaped first.

import { attributionWords } from '../attributions';
import { chicagoCitation, SITE } from './citation';
import { escapeXml as escape } from './escape';
import { comparisonHead } from './citation-meta';
import { formatDate } from '../format';
import { witnessShown } from '../modes';
import type { Excerpt } from '../types';
import {
	edges,
	gapWords,
	hardIndent,
	HIDDEN_NOTES,
	legend,
	moveWords,
	partnerHref,
	show,
	subtitle,
	witnessOf,
	type ShownBlock,
	type ShownNote,
	type ShownSpan
} from './modes';

/** The page's whole style sheet: screen and print. */
export const HTML_STYLE = `
body { margin: 0 auto; max-width: 40rem; padding: 2rem 1.25rem 4rem; background: #fffdf8;
	color: #1b1b1b; font: 1.125rem/1.6 Charter, 'Bitstream Charter', Georgia, serif; }
body.side { max-width: 64rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.25rem; }
h2 { font-size: 1.1rem; margin: 2.5rem 0 0.5rem; }
.subtitle, .legend { margin: 0.25rem 0; color: #444; font-size: 0.95rem; }
.text { margin-top: 2rem; }
del { text-decoration: line-through; text-decoration-thickness: 0.08em; color: #6b1d1d;
	background: #f6e8e4; }
ins { text-decoration: underline; text-decoration-thickness: 0.08em; text-underline-offset: 0.15em;
	color: #1c4a2a; background: #e6f1e3; }
del::before, del::after, ins::before, ins::after { position: absolute; width: 1px; height: 1px;
	overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
del::before { content: ' [struck: '; }
ins::before { content: ' [added: '; }
del::after, ins::after { content: ' ] '; }
.moved { text-decoration: none; border-bottom: 0.1em dotted currentColor; color: #2f2a5a;
	background: #ecebf5; }
del.moved::before, ins.moved::before { content: none; }
del.moved::after, ins.moved::after { content: ' [end of moved passage] '; }
.move-label { font-family: system-ui, sans-serif; font-size: 0.8em; color: #2f2a5a; }
.attribution { font-family: system-ui, sans-serif; font-size: 0.8em; color: #444; }
.editorial { font-family: system-ui, sans-serif; font-size: 0.85em; letter-spacing: 0.02em; }
.gap { border: 1px dashed #777; padding: 0.5rem 0.75rem; color: #444; font-style: italic; }
.note-ref { text-decoration: none; }
sup { line-height: 0; }
.columns { display: grid; grid-template-columns: 1fr 1fr; column-gap: 2rem; }
.columns > .gap { grid-column: 1 / -1; }
.column-label { font-weight: bold; margin: 0; }
.notes, .citation { font-size: 0.95rem; }
.notes ol { padding-left: 1.5rem; }
.note-title { margin-bottom: 0; }
.note-source { white-space: pre-wrap; }
.back { margin-top: 0; font-size: 0.9em; }
@media print {
	body, body.side { max-width: none; padding: 0; background: none; color: #000; font-size: 11pt; }
	del, ins, .moved, .move-label { color: #000; background: none; }
	del { text-decoration-thickness: 1.5px; }
	ins { text-decoration-thickness: 1px; }
	.subtitle, .legend, .gap { border-color: #000; color: #000; }
	a { color: #000; }
	.back { display: none; }
}
`;

/** Writes the excerpt as a self-contained HTML page, as its mode shows it. */
export function toHtml(excerpt: Excerpt): string {
	const { blocks, notes } = show(excerpt, excerpt.mode === 'side');
	const byId = new Map(notes.map((n) => [n.id, n]));
	const side = excerpt.mode === 'side';
	const citation = chicagoCitation(excerpt);
	// The page's own tags. A private comparison has no publisher and no address (see
	// chicagoCitation). No canonical link: the file holds no `link` at all, and its permalink is in
	// `citation_public_url`.
	const head = comparisonHead({
		...excerpt,
		language: excerpt.base.language,
		sources: excerpt.citation.sources,
		url: excerpt.private ? undefined : excerpt.citation.permalink
	})
		.meta.map(([name, content]) => `<meta name="${escape(name)}" content="${escape(content)}">`)
		.join('\n');
	const pen = {
		text: escape,
		struck: (html: string) => `<del>${html}</del>`,
		added: (html: string) => `<ins>${html}</ins>`,
		attribution: attributionLabel
	};
	const text = side
		? columns(blocks, excerpt, byId)
		: blocks.map((b) => block(b, excerpt, byId, 'both')).join('\n');
	// In `target` the whole text is the target's.
	const textLang = witnessShown(excerpt.mode) === 'b' ? targetLang(excerpt) : '';

	return `<!doctype html>
<html lang="${escape(excerpt.base.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(excerpt.title)} (${escape(SITE)})</title>
${head}
<style>${HTML_STYLE}</style>
</head>
<body${side ? ' class="side"' : ''}>
<header>
<h1>${escape(excerpt.title)}</h1>
<p class="subtitle">${escape(subtitle(excerpt, formatDate(excerpt.date)))}</p>
<p class="legend">${legend(excerpt, pen, true)}</p>
</header>
<main class="text"${textLang}>
${text}
</main>
${notesSection(notes.filter((n) => !n.hidden), 'Notes', 'notes')}${notesSection(
		notes.filter((n) => n.hidden),
		HIDDEN_NOTES,
		'hidden-notes'
	)}<footer class="citation">
<h2>Cite as</h2>
<p>${linked(citation, excerpt.citation.permalink)}</p>
</footer>
</body>
</html>
`;
}

type Column = 'both' | 'a' | 'b';

const EDITORIAL = 'Editorial matter printed in the source';

/** ` lang="…"` for the target's text, when its language is not the page's; '' when it is. */
function targetLang(excerpt: Excerpt): string {
	const { base, target } = excerpt;
	return target.language === base.language ? '' : ` lang="${escape(target.language)}"`;
}

function block(b: ShownBlock, excerpt: Excerpt, notes: Map<string, ShownNote>, column: Column) {
	if (b.kind === 'gap') return `<p class="gap">${escape(gapWords(b, excerpt))}</p>`;
	// A column of the target says its language once; in one text, each part of the target does.
	const lang = targetLang(excerpt);
	const [paragraph, added] = column === 'b' ? [lang, ''] : ['', lang];
	const moves = groupMoves(b.spans);
	const html = moves.map((run) =>
		run[0].move ? moved(run, excerpt, notes, column, added) : span(run[0], notes, column, added)
	);
	return `<p${paragraph}>${html.join('')}</p>`;
}

/** Cuts a paragraph's spans into runs: each moved passage's part in it, and each other span. */
function groupMoves(spans: ShownSpan[]): ShownSpan[][] {
	const runs: ShownSpan[][] = [];
	for (const s of spans) {
		const run = runs.at(-1);
		if (run && s.move && run[0].move && run[0].change === s.change) run.push(s);
		else runs.push([s]);
	}
	return runs;
}

/** Side by side: a row per block, the base on the left, the target on the right. */
function columns(blocks: ShownBlock[], excerpt: Excerpt, notes: Map<string, ShownNote>) {
	const row = (b: ShownBlock) => {
		if (b.kind === 'gap' && b.inA === b.inB) return block(b, excerpt, notes, 'both');
		const cell = (column: 'a' | 'b') => {
			if (b.kind === 'gap') {
				return (column === 'a' ? b.inA : b.inB) ? block(b, excerpt, notes, column) : '<p></p>';
			}
			const spans = b.spans.filter((s) => witnessOf(s) !== (column === 'a' ? 'b' : 'a'));
			return block({ kind: 'paragraph', spans }, excerpt, notes, column);
		};
		return `${cell('a')}\n${cell('b')}`;
	};
	const head =
		`<p class="column-label">${escape(excerpt.base.label)}</p>\n` +
		`<p class="column-label">${escape(excerpt.target.label)}</p>`;
	return `<div class="columns">\n${[head, ...blocks.map(row)].join('\n')}\n</div>`;
}

/** A span; `lang` is the attribute an added span takes (`targetLang`, or '' in its own column). */
function span(s: ShownSpan, notes: Map<string, ShownNote>, column: Column, lang: string): string {
	// The change's id goes on its first span, so a permalink to a change lands there in any mode.
	const anchor = s.first && s.change !== undefined;
	const plain = s.editorial || anchor ? 'span' : '';
	const tag = s.mark === 'struck' ? 'del' : s.mark === 'added' ? 'ins' : plain;
	const attrs = [
		anchor ? ` id="${escape(s.change!)}"` : '',
		s.change ? ` data-change="${escape(s.change)}"` : '',
		s.editorial ? ` class="editorial" title="${EDITORIAL}"` : '',
		tag === 'ins' ? lang : ''
	].join('');
	if (s.line) {
		const br = tag ? `<${tag}${attrs}><br></${tag}>` : '<br>';
		return newLine(s, br) + markers(s, notes, column);
	}
	// Spaces at the edges of a mark stay outside it, so a struck word is not struck into the next.
	const [, lead, core, trail] = edges(s.text);
	const wrap = tag !== '' && (core !== '' || anchor);
	const text = wrap
		? `${lead}<${tag}${attrs}>${escape(core)}</${tag}>${label(s)}${trail}`
		: escape(s.text) + label(s);
	return text + markers(s, notes, column);
}

/** Who made a change, why and how sure, in words the page shows: `[Stalin, pencil; Political]`. */
function attributionLabel(words: string[]): string {
	return `<span class="attribution">${escape(`[${words.join('; ')}]`)}</span>`;
}

/** The label after the last span of an attributed change, a space before it; '' for others. */
function label(s: ShownSpan): string {
	return s.attribution ? ` ${attributionLabel(attributionWords(s.attribution))}` : '';
}

/** The markers after a span. One on equal text shows in both columns; the link back lands left. */
function markers(s: ShownSpan, notes: Map<string, ShownNote>, column: Column): string {
	const withId = column !== 'b' || witnessOf(s) === 'b';
	return s.markers.map((id) => marker(notes.get(id)!, withId)).join('');
}

/**
 * A paragraph's part of one end of a moved passage: a label that says what happened to it here
 * and links to the other end, then the passage in `<del class="moved">` (where it stood) or
 * `<ins class="moved">` (where it stands), with the words changed on the way in a plain `<del>` or
 * `<ins>` inside it. The id of the change goes on the part that holds its first span.
 */
function moved(
	run: ShownSpan[],
	excerpt: Excerpt,
	notes: Map<string, ShownNote>,
	column: Column,
	lang: string
) {
	const move = run[0].move!;
	const tag = move.end === 'from' ? 'del' : 'ins';
	const inner = run
		.map((s) => {
			if (s.line) {
				const br = s.changed ? `<${tag}><br></${tag}>` : '<br>';
				return newLine(s, br) + markers(s, notes, column);
			}
			const [, lead, core, trail] = edges(s.text);
			let text = escape(core);
			if (s.editorial && core) text = `<span class="editorial" title="${EDITORIAL}">${text}</span>`;
			if (s.changed && core) text = `<${tag}>${text}</${tag}>`;
			return lead + text + trail + markers(s, notes, column);
		})
		.join('');
	const [, lead, core, trail] = edges(inner);
	const first = run.find((s) => s.first);
	const attrs = [
		' class="moved"',
		first ? ` id="${escape(first.change!)}"` : '',
		` data-change="${escape(run[0].change!)}" data-partner="${escape(move.partner)}"`,
		tag === 'ins' ? lang : ''
	].join('');
	const words = escape(`[${moveWords(move, !first)}]`);
	const href = partnerHref(move, excerpt);
	const moveLabel = href
		? `<a class="move-label" href="${escape(href)}">${words}</a>`
		: `<span class="move-label">${words}</span>`;
	return `${lead}${moveLabel} <${tag}${attrs}>${core}</${tag}>${label(run.at(-1)!)}${trail}`;
}

/** A kept line break as `br` (its element), a newline in the source, then the indentation (a
 * shown line break's text is `\n` and the indentation). */
function newLine(s: ShownSpan, br: string): string {
	return `${br}\n${escape(hardIndent(s.text.slice(1)))}`;
}

function marker(note: ShownNote, withId: boolean): string {
	const id = withId ? ` id="ref-${escape(note.id)}"` : '';
	return (
		`<a class="note-ref" href="#note-${escape(note.id)}"${id} ` +
		`aria-label="Note ${note.number}: ${escape(note.title)}"><sup>${note.number}</sup></a>`
	);
}

function notesSection(notes: ShownNote[], heading: string, id: string): string {
	if (notes.length === 0) return '';
	const item = (n: ShownNote) => {
		// Only sanitized HTML goes in as markup; without it the Markdown is shown as text.
		const body = n.html.trim() || `<p class="note-source">${escape(n.markdown.trim())}</p>`;
		const label = `Back to note ${n.number} in the text`;
		const link = `<a href="#ref-${escape(n.id)}" aria-label="${label}">`;
		const back = n.placed ? `\n<p class="back">${link}↩ Back to the text</a></p>` : '';
		return (
			`<li id="note-${escape(n.id)}" value="${n.number}">\n` +
			`<p class="note-title"><strong>${escape(n.title)}</strong></p>\n${body}${back}\n</li>`
		);
	};
	return `<section class="notes" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${heading}</h2>
<ol>
${notes.map(item).join('\n')}
</ol>
</section>
`;
}

/** The citation, escaped, with its permalink as a link when it is a web address. */
export function linked(citation: string, permalink: string): string {
	const at = citation.indexOf(permalink);
	if (at === -1 || !/^https?:\/\//i.test(permalink)) return escape(citation);
	const link = `<a href="${escape(permalink)}">${escape(permalink)}</a>`;
	return escape(citation.slice(0, at)) + link + escape(citation.slice(at + permalink.length));
}
