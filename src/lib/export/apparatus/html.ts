// HTML export of an apparatus excerpt: one self-contained page, like the pair's (html.ts: the same
// style, content security policy and head metadata for reference managers), as a classic
// apparatus criticus (classic.ts):
//
// - the key to the sigla, a `<dl>`;
// - the base's text, with a numbered mark at each variant place linking to its entry
//   (`<a class="variant-ref" href="#v-2" id="v-2-ref">`) and a mark `n1` at each note;
// - the entries, an `<ol>`, each linking back to its mark: the readings as they read, their sigla
//   in a smaller sans-serif face (`<span class="sigla">`, never told apart by colour alone), an
//   empty reading `<em>omitted</em>`; a reading in another language than the base's says so
//   (`<span lang>`);
// - the notes as the pair's, linked both ways, marked `n1`: their HTML is already sanitized;
// - the citation, its permalink a link.
// Every text is escaped first.

import { chicagoCitation, SITE, translatorsOf } from '../citation';
import { citationMeta } from '../citation-meta';
import { escapeXml as escape } from '../escape';
import { HTML_STYLE, linked } from '../html';
import type { ApparatusExcerpt } from '../../types';
import {
	apparatusLegend,
	apparatusSubtitle,
	classicApparatus,
	siglaKey,
	type ApparatusEntry,
	type ShownReading,
	type TextPart
} from './classic';

/** The pair's style, and the apparatus's own parts. */
export const APPARATUS_STYLE =
	HTML_STYLE +
	`.sigla-key dt { font-weight: bold; }
.sigla-key dd { margin: 0 0 0.5rem 1.5rem; }
.sigla { font-family: system-ui, sans-serif; font-size: 0.85em; }
.variant-ref { text-decoration: none; }
.apparatus, .sigla-key { font-size: 0.95rem; }
.apparatus li { margin-bottom: 0.25rem; }
.notes ol.marked { list-style: none; padding-left: 0; }
`;

/** Writes the apparatus excerpt as a self-contained HTML page. */
export function apparatusHtml(excerpt: ApparatusExcerpt): string {
	const { paragraphs, entries } = classicApparatus(excerpt);
	const base = excerpt.witnesses[0];
	const subtitle = apparatusSubtitle(excerpt);
	const citation = chicagoCitation(excerpt);
	// What the pair's page says to reference managers (citation-meta.ts), of all the witnesses.
	const meta = citationMeta({
		title: excerpt.title,
		authors: excerpt.authors,
		translators: translatorsOf(excerpt.witnesses),
		date: excerpt.date,
		language: base.language,
		published: excerpt.private ? undefined : { publisher: SITE, url: excerpt.citation.permalink },
		description: subtitle,
		sources: excerpt.citation.sources
	})
		.map(([name, content]) => `<meta name="${escape(name)}" content="${escape(content)}">`)
		.join('\n');
	const part = (p: TextPart) => {
		if (typeof p === 'string') return escape(p);
		if ('variant' in p) {
			const n = p.variant;
			return `<a class="variant-ref" href="#v-${n}" id="v-${n}-ref" aria-label="Variant ${n}"><sup>${n}</sup></a>`;
		}
		const note = excerpt.notes[p.note - 1];
		return (
			`<a class="note-ref" href="#note-${escape(note.id)}" id="ref-${escape(note.id)}" ` +
			`aria-label="Note n${p.note}: ${escape(note.title)}"><sup>n${p.note}</sup></a>`
		);
	};
	const key = siglaKey(excerpt)
		.map(({ siglum, words }) => `<dt>${escape(siglum)}</dt>\n<dd>${escape(words)}</dd>`)
		.join('\n');

	return `<!doctype html>
<html lang="${escape(base.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(excerpt.title)} (${escape(SITE)})</title>
${meta}
<style>${APPARATUS_STYLE}</style>
</head>
<body>
<header>
<h1>${escape(excerpt.title)}</h1>
<p class="subtitle">${escape(subtitle)}</p>
<p class="legend">${apparatusLegend(excerpt, { text: escape, em: (s) => `<em>${escape(s)}</em>` })}</p>
</header>
<section class="sigla-key" aria-labelledby="sigla-heading">
<h2 id="sigla-heading">Sigla</h2>
<dl>
${key}
</dl>
</section>
<main class="text">
${paragraphs.map((p) => `<p>${p.map(part).join('')}</p>`).join('\n')}
</main>
${entries.length ? apparatusSection(entries) : ''}${notesSection(excerpt)}<footer class="citation">
<h2>Cite as</h2>
<p>${linked(citation, excerpt.citation.permalink)}</p>
</footer>
</body>
</html>
`;
}

/** A reading, then its sigla. */
function reading(r: ShownReading): string {
	const lang = r.language ? ` lang="${escape(r.language)}"` : '';
	const text = r.empty
		? `<em>${r.empty === 'omitted' ? 'omitted' : 'a space'}</em>`
		: lang
			? `<span${lang}>${escape(r.text)}</span>`
			: escape(r.text);
	return `${text} <span class="sigla">${escape(r.sigla.join(', '))}</span>`;
}

/** An entry: the lemma and its sigla, `]`, the other readings. */
export function entryHtml(entry: ApparatusEntry): string {
	const [lemma, ...others] = entry.readings;
	return `${reading(lemma)}] ${others.map(reading).join('; ')}`;
}

function apparatusSection(entries: ApparatusEntry[]): string {
	const item = (e: ApparatusEntry) =>
		`<li id="v-${e.number}" value="${e.number}">${entryHtml(e)} ` +
		`<a class="back" href="#v-${e.number}-ref" aria-label="Back to variant ${e.number} in the text">↩</a></li>`;
	return `<section class="apparatus" aria-labelledby="apparatus-heading">
<h2 id="apparatus-heading">Apparatus</h2>
<ol>
${entries.map(item).join('\n')}
</ol>
</section>
`;
}

function notesSection(excerpt: ApparatusExcerpt): string {
	if (excerpt.notes.length === 0) return '';
	const item = (n: ApparatusExcerpt['notes'][number], i: number) => {
		// Only sanitized HTML goes in as markup; without it the Markdown is shown as text.
		const body = n.html.trim() || `<p class="note-source">${escape(n.markdown.trim())}</p>`;
		const back =
			`<p class="back"><a href="#ref-${escape(n.id)}" aria-label="Back to note n${i + 1} in the text">` +
			'↩ Back to the text</a></p>';
		return (
			`<li id="note-${escape(n.id)}">\n<p class="note-title"><strong>n${i + 1}. ${escape(n.title)}</strong></p>\n` +
			`${body}\n${back}\n</li>`
		);
	};
	return `<section class="notes" aria-labelledby="notes-heading">
<h2 id="notes-heading">Notes</h2>
<ol class="marked">
${excerpt.notes.map(item).join('\n')}
</ol>
</section>
`;
}
