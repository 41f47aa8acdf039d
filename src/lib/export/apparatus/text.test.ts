import { describe, expect, it } from 'vitest';
import { hostileExcerpt, PERMALINK, uponExcerpt } from '../../test/apparatus-fixture';
import { apparatusText } from './text';

describe('apparatusText', () => {
	it('writes the Markdown export without its markup: marks in brackets, entries after the text', () => {
		const text = apparatusText(uponExcerpt());
		expect(text.slice(text.indexOf('Four score'), text.indexOf('Cite as: '))).toBe(
			'Four score and seven years ago our fathers brought forth,[1] upon[2][n1] this continent,\n' +
				'a new nation, conceived in liberty[3], and dedicated to the proposition that\n\n' +
				'Apparatus\n' +
				'[1] forth, Nicolay, Hay, Bancroft, Bliss] forth Everett\n' +
				'[2] upon Nicolay, Hay, Everett] on Bancroft, Bliss\n' +
				'[3] liberty Nicolay] Liberty Hay, Everett, Bancroft, Bliss\n\n' +
				'Notes\n\n' +
				'[n1] “Upon” & “on”\n' +
				'    The *fourth* copy reads “on”.\n\n'
		);
		expect(text.startsWith('The Gettysburg Address: five manuscript copies\nDraft-to-final revision history, 19 November 1863: ')).toBe(true);
		expect(text).toContain('\n\nSigla\nNicolay: Nicolay copy (first draft). Transcription of the Nicolay copy, ');
		expect(text).toContain('\nBliss: Bliss copy (final). Transcription of the Bliss copy, ');
		expect(text).toContain(`\n\nCite as: “The Gettysburg Address: five manuscript copies,” Draft-to-final revision history, 19 November 1863, Pencilmarks, ${PERMALINK}, accessed 2 December 2026.`);
		expect(text.endsWith('.\n')).toBe(true);
	});

	it('writes the text exactly as it is, with nothing escaped', () => {
		const text = apparatusText(hostileExcerpt());
		expect(text.slice(text.indexOf('Sigla'), text.indexOf('Notes'))).toBe(
			'Sigla\nA&B: Copy <1>.\n<B>: Print & "proof".\nC*: 1st copy.\n\n' +
				'#[1][n1] Not a heading <script>alert(1)</script>[2] & "q" \'s\'\nЁлка e\u0301 😀 ]]> *a* _b_[3]\n\n' +
				'1. Not a list[4]\n\n' +
				'Apparatus\n' +
				'[1] # Not A&B, <B>] - Not C*\n' +
				'[2] a heading <script>alert(1)</script> A&B] a heading <b>x</b> <B>; an item C*\n' +
				'[3] e\u0301 😀 ]]> *a* _b_ A&B, <B>] 😀 ]]> C*\n' +
				'[4] list A&B, C*] list &amp; more <B>\n\n'
		);
	});
});
