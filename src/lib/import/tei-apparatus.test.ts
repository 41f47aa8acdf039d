import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apparatusExcerpt, type ApparatusCase } from '../export/apparatus/excerpt';
import { apparatusTei } from '../export/apparatus/tei';
import { toTei } from '../export/tei';
import { collate } from '../pipeline/collate';
import { getCase } from '../server/corpus';
import { fixture, inMode } from '../test/excerpt-fixture';
import { fiveCopies, HOSTILE, hostileExcerpt } from '../test/apparatus-fixture';
import { caseView } from '../view';
import { teiWitnesses } from './tei-apparatus';

const message = (run: () => void) => {
	try {
		run();
	} catch (e) {
		return (e as Error).message;
	}
	return 'no error';
};

/** A hand-written edition: a `lem` and `rdg`s, a `lem` without `wit`, a group, notes and a choice. */
const EDITION = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>In principio</title></titleStmt>
      <sourceDesc>
        <listWit>
          <witness xml:id="A">Codex A, Paris</witness>
          <listWit xml:id="late">
            <witness xml:id="B" n="B"/>
            <witness xml:id="C"><label>Codex C</label><desc>Later.</desc></witness>
          </listWit>
        </listWit>
      </sourceDesc>
    </fileDesc>
  </teiHeader>
  <text xml:lang="la">
    <body>
      <p>In <app><lem wit="#A #C">principio</lem><rdg wit="#B">initio</rdg></app> erat
        verbum<app><lem/><rdg wit="#C">, et verbum</rdg></app>.<note>An editor's note.</note></p>
      <p>Et <app><lem wit="#A">verbum</lem><rdgGrp><rdg wit="#late">sermo</rdg></rdgGrp></app>
        <choice><sic>erat</sic><corr>est</corr></choice> <app><lem>apud</lem><rdg wit="B">ad</rdg></app> deum.</p>
    </body>
  </text>
</TEI>
`;

describe('teiWitnesses', () => {
	it('reads every witness of the apparatus export back, byte for byte, with its label and language', () => {
		const gettysburg = getCase('gettysburg')!;
		const excerpt = apparatusExcerpt(caseView(gettysburg), fiveCopies, {
			shown: new Set(fiveCopies.witnesses),
			from: 0,
			to: fiveCopies.places.length,
			permalink: 'https://pencilmarks.example/cases/gettysburg/apparatus',
			accessed: '2026-12-02'
		});
		const read = teiWitnesses('gettysburg-apparatus.tei.xml', apparatusTei(excerpt));
		expect(read).toEqual({
			texts: gettysburg.witnesses.map((w) => ({ label: w.label, text: w.text, language: 'en' })),
			warnings: []
		});
	});

	it('reads a hand-written edition: lemma and readings, a group of witnesses, the lemma of those not named', () => {
		expect(teiWitnesses('edition.xml', EDITION)).toEqual({
			texts: [
				{ label: 'Codex A, Paris', text: 'In principio erat verbum.\n\nEt verbum erat apud deum.', language: 'la' },
				{ label: 'B', text: 'In initio erat verbum.\n\nEt sermo erat ad deum.', language: 'la' },
				{ label: 'Codex C', text: 'In principio erat verbum, et verbum.\n\nEt sermo erat apud deum.', language: 'la' }
			],
			warnings: []
		});
	});

	it('reads the same file with Windows line ends the same, as an XML parser would', () => {
		expect(teiWitnesses('edition.xml', EDITION.replace(/\n/g, '\r\n'))).toEqual(teiWitnesses('edition.xml', EDITION));
		const excerpt = hostileExcerpt();
		const tei = apparatusTei(excerpt).replace(/\n/g, '\r\n');
		expect(teiWitnesses('hostile.tei.xml', tei)?.texts.map((t) => t.text)).toEqual(Object.values(HOSTILE));
	});

	it('says so when an entry gives a witness no reading and has no lemma to stand for it', () => {
		const xml = EDITION.replace('<app><lem wit="#A">verbum</lem>', '<app><rdg wit="#A">verbum</rdg>').replace(
			'<rdg wit="#late">sermo</rdg>',
			'<rdg wit="#B">sermo</rdg>'
		);
		const read = teiWitnesses('edition.xml', xml)!;
		expect(read.texts[2].text).toBe('In principio erat verbum, et verbum.\n\nEt erat apud deum.');
		expect(read.warnings).toEqual([
			'The apparatus entry on line 21 has no reading for Codex C, and no <lem> to stand for them: ' +
				'they were read with nothing there.'
		]);
	});

	it('reads both texts of the pair export; a view of one witness alone is not an apparatus', () => {
		expect(teiWitnesses('pair.tei.xml', toTei(fixture))).toEqual({
			texts: [
				{
					label: 'As spoken',
					text:
						'The accused Bukharin pleads guilty to the sum total of the crimes.\n\n{gap}\n\n' +
						'I was never in the [non-existent] bloc.\n\nI ask the court for mercy.',
					language: 'en'
				},
				{
					label: 'As published',
					text: 'The accused pleads guilty to all of the crimes.\n\n{gap}\n\nI was never in the [non-existent] bloc abroad.',
					language: 'en'
				}
			],
			warnings: []
		});
		expect(teiWitnesses('pair.tei.xml', toTei(inMode('base')))).toBeNull();
		expect(teiWitnesses('pair.tei.xml', toTei(inMode('target')))).toBeNull();
	});

	it('leaves a TEI file whose readings name no witness to be read as one text', () => {
		expect(teiWitnesses('a.xml', '<TEI><text><body><p>a <app><rdg>b</rdg></app></p></body></text></TEI>')).toBeNull();
	});

	it('refuses bad input, naming the problem and its line', () => {
		const cases: [string, string][] = [
			[
				EDITION.replace('<rdg wit="#B">initio</rdg>', '<rdg wit="#X">initio</rdg>'),
				'edition.xml:19: <rdg wit="#X"> names “#X”, which is no <witness> of the <listWit>'
			],
			[
				EDITION.replace(/<listWit>[\s\S]*<\/listWit>\n/, ''),
				'edition.xml:12: the apparatus names its witnesses (<lem wit="#A #C">) but the file has no ' +
					'<listWit> of <witness> elements to say who they are'
			],
			[
				EDITION.replace('initio</rdg>', 'initio</lem>'),
				'edition.xml:19: the XML is not well-formed: </lem> closes <rdg>, opened on line 19'
			],
			[EDITION.replace('erat\n', 'erat &\n'), 'edition.xml:19: the XML is not well-formed: “&” in the text: a bare & must be written &amp;'],
			[EDITION.replace('xml:id="C"', 'xml:id="A"'), 'edition.xml:11: two <witness> elements have the xml:id “A”'],
			[EDITION.replace(' xml:id="B"', ''), 'edition.xml:10: a <witness> has no xml:id, so no reading can name it']
		];
		for (const [xml, problem] of cases) expect(message(() => teiWitnesses('edition.xml', xml))).toBe(problem);
	});

	it('reads 2 to 6 hostile witnesses, collated and exported, back byte for byte', () => {
		const word = fc.constantFrom('the', 'court', 'Ёлка', 'e\u0301', '😀', '—', ',', '<', '&', ']]>', '"', "'", '&amp;', '[gap]', 'a');
		const space = fc.constantFrom(' ', '  ', '\n', '\r\n', '\n\n', '\t', '\r\n\r\n', '\r', '\u00a0');
		const text = fc
			.array(fc.tuple(word, space), { minLength: 1, maxLength: 30 })
			.map((parts) => parts.map(([w, s]) => w + s).join(''));
		fc.assert(
			fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (texts) => {
				const witnesses = texts.map((t, i) => ({ id: `w${i}`, text: t }));
				const apparatus = collate(witnesses);
				const excerpt = apparatusExcerpt(ownCase(witnesses.length), apparatus, {
					shown: new Set(apparatus.witnesses),
					from: 0,
					to: apparatus.places.length,
					permalink: '',
					accessed: '2026-12-02'
				});
				const read = teiWitnesses('random.tei.xml', apparatusTei(excerpt));
				expect(read?.texts.map((t) => t.text)).toEqual(texts);
				expect(read?.texts.map((t) => t.label)).toEqual(witnesses.map((w) => `Text <${w.id}> & “more”`));
			}),
			{ numRuns: 200 }
		);
	});
});

/** A reader's own comparison of `n` texts, with hostile labels. */
function ownCase(n: number): ApparatusCase {
	return {
		title: 'Random',
		slug: 'random',
		kind: 'Comparison',
		date: '',
		authors: [],
		people: [],
		language: 'en',
		sources: [],
		witnesses: Array.from({ length: n }, (_, i) => ({
			id: `w${i}`,
			label: `Text <w${i}> & “more”`,
			description: 'pasted',
			source: 'own'
		})),
		private: true
	};
}
