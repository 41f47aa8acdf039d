import { describe, expect, it } from 'vitest';
import { hostileExcerpt, PERMALINK, uponExcerpt } from '../../test/apparatus-fixture';
import { apparatusMarkdown } from './markdown';

describe('apparatusMarkdown', () => {
	const md = apparatusMarkdown(uponExcerpt());

	it('writes the base’s text with a footnote at each variant place, and the note’s apart', () => {
		expect(md.slice(md.indexOf('## Text'), md.indexOf('## Citation'))).toBe(
			'## Text\n\n' +
				'Four score and seven years ago our fathers brought forth,[^1] upon[^2][^n1] this continent,\n' +
				'a new nation, conceived in liberty[^3], and dedicated to the proposition that\n\n'
		);
	});

	it('writes each footnote as a classic entry: lemma and sigla, ], the other readings; then the notes', () => {
		expect(md.slice(md.indexOf('[^1]:'))).toBe(
			'[^1]: forth, Nicolay, Hay, Bancroft, Bliss] forth Everett\n\n' +
				'[^2]: upon Nicolay, Hay, Everett] on Bancroft, Bliss\n\n' +
				'[^3]: liberty Nicolay] Liberty Hay, Everett, Bancroft, Bliss\n\n' +
				'[^n1]: **“Upon” \\& “on”**\n\n' +
				'    The *fourth* copy reads “on”.\n'
		);
	});

	it('opens with the title, the subtitle, the legend and the key to the sigla', () => {
		expect(md.slice(0, md.indexOf('\n\n## Sigla'))).toBe(
			'# The Gettysburg Address: five manuscript copies\n\n' +
				'Draft-to-final revision history, 19 November 1863: Nicolay copy (first draft) with the ' +
				'readings of Hay copy (second draft), Everett copy, Bancroft copy and Bliss copy (final)\n\n' +
				'The text is that of Nicolay copy (first draft), the base. A number after a word marks a ' +
				'place where the witnesses differ; its entry gives the base’s reading with the sigla of ' +
				'the witnesses that read it, then “\\]”, then each other reading with its sigla. *omitted*: ' +
				'those witnesses have nothing there. Where the base’s reading has no words (only ' +
				'punctuation, or nothing where others add words), each reading is given with the word ' +
				'before it. Line breaks are shown as spaces, a paragraph break as ¶. A note’s mark is n ' +
				'and its number: n1.'
		);
		expect(md).toContain(
			'## Sigla\n\n- **Nicolay**: Nicolay copy (first draft). Transcription of the Nicolay copy, ' +
				'the first draft. It has “We have come to dedicate” and no period after the quotation ' +
				'“all men are created equal”, both as in the manuscript. Written: First page in ink in ' +
				'Washington before 18 November 1863; second page in pencil later, possibly at Gettysburg. ' +
				'Held by: Library of Congress (given by John Hay’s descendants in 1916).\n- **Hay**: '
		);
		expect(md).toContain(`## Citation\n\n“The Gettysburg Address: five manuscript copies,” Draft-to-final revision history, 19 November 1863, Pencilmarks, <${PERMALINK}>, accessed 2 December 2026. Witnesses: Nicolay copy (first draft): `);
	});

	it('says an empty reading is omitted', () => {
		const excerpt = uponExcerpt();
		const md = apparatusMarkdown({ ...excerpt, places: excerpt.places.slice(0, 2) });
		expect(md).toContain('[^1]: forth, Nicolay, Hay, Bancroft, Bliss] forth Everett');
		const cut = { ...excerpt, places: excerpt.places.slice(1, 2), notes: [] };
		expect(apparatusMarkdown(cut)).toContain('[^1]: , Nicolay, Hay, Bancroft, Bliss] *omitted* Everett\n');
	});

	it('escapes the texts, labels and sigla, so that they read literally', () => {
		const md = apparatusMarkdown(hostileExcerpt());
		expect(md.slice(md.indexOf('## Sigla'), md.indexOf('## Citation'))).toBe(
			'## Sigla\n\n- **A\\&B**: Copy \\<1\\>.\n- **\\<B\\>**: Print \\& "proof".\n- **C\\***: 1st copy.\n\n' +
				'## Text\n\n' +
				'\\#[^1][^n1] Not a heading \\<script\\>alert(1)\\</script\\>[^2] \\& "q" \'s\'\n' +
				'Ёлка e\u0301 😀 \\]\\]\\> \\*a\\* \\_b\\_[^3]\n\n' +
				'1\\. Not a list[^4]\n\n'
		);
		expect(md.slice(md.indexOf('[^1]:'))).toBe(
			'[^1]: \\# Not A\\&B, \\<B\\>] - Not C\\*\n\n' +
				'[^2]: a heading \\<script\\>alert(1)\\</script\\> A\\&B] a heading \\<b\\>x\\</b\\> \\<B\\>; an item C\\*\n\n' +
				'[^3]: e\u0301 😀 \\]\\]\\> \\*a\\* \\_b\\_ A\\&B, \\<B\\>] 😀 \\]\\]\\> C\\*\n\n' +
				'[^4]: list A\\&B, C\\*] list \\&amp; more \\<B\\>\n\n' +
				'[^n1]: **A \\<i\\>note\\</i\\> \\& more**\n\n' +
				'    Raw and **bold**.\n'
		);
	});
});
