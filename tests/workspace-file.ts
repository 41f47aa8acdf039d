// A workspace file, as the Compare page's "Import a case or workspace…" takes it: the quickest way
// for a test to give the page long texts (one alignment, or one collation, of them all).

/** A text of a workspace file: its id, its name, its words, the file it came from. */
export interface FileText {
	id: string;
	label: string;
	text: string;
	origin: string;
}

/** A workspace file holding `texts`: the first is the base, the second the target. */
export function workspaceFileOf(texts: FileText[]) {
	const workspace = {
		format: 'pencilmarks-workspace',
		version: 1,
		texts,
		base: texts[0].id,
		target: texts[1].id,
		notes: [],
		meta: { title: 'Long', date: '2024-05-01', people: [], language: 'en', summary: '', kind: 'Test', source: '', rights: '' },
		mode: 'marks'
	};
	return { name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspace)) };
}

/** A workspace file holding two texts, `a` as spoken and `b` as published. */
export function workspaceFile(a: string, b: string, origins = ['spoken.txt', 'published.txt']) {
	return workspaceFileOf([
		{ id: 'spoken', label: 'As spoken', text: a, origin: origins[0] },
		{ id: 'published', label: 'As published', text: b, origin: origins[1] }
	]);
}
