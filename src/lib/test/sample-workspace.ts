// A reader's workspace with one of each thing a workspace holds (an encoding, a note on the whole
// comparison, an anchored note with prefix and suffix, an attribution), for the workspace tests.

import { emptyWorkspace } from '../workspace/defaults';
import type { Workspace } from '../workspace/types';

export function sampleWorkspace(): Workspace {
	const ws = emptyWorkspace();
	ws.meta.date = '1938-03-12';
	ws.texts[0] = { ...ws.texts[0], text: 'I deny it.', language: 'en' };
	ws.texts[1] = {
		...ws.texts[1],
		text: 'I admit it.',
		origin: 'pravda.txt',
		encoding: 'koi8-r',
		language: 'en'
	};
	ws.notes = [
		{ id: 'note-1', title: 'About', markdown: 'A case note.', anchor: null },
		{
			id: 'note-2',
			title: 'Denied',
			markdown: 'Struck.',
			anchor: { witness: 'spoken', quote: 'deny', prefix: 'I ', suffix: ' it' }
		}
	];
	ws.attributions = [
		{
			id: 'attribution-1',
			anchor: { witness: 'spoken', quote: 'deny' },
			hand: 'Editor',
			cause: 'Politics',
			cert: 'probable',
			date: '2024-05-02T09:30:00Z',
			file: 'pravda.docx'
		}
	];
	ws.meta.people = ['Nikolai Bukharin (defendant)'];
	return ws;
}
