// A workspace file holding two texts, as the Compare page's "Import a case or workspace…" takes
// it: the quickest way for a test to give the page a long pair (one alignment, of both texts).

export function workspaceFile(a: string, b: string, origins = ['spoken.txt', 'published.txt']) {
	const workspace = {
		format: 'pencilmarks-workspace',
		version: 1,
		texts: [
			{ id: 'spoken', label: 'As spoken', text: a, origin: origins[0] },
			{ id: 'published', label: 'As published', text: b, origin: origins[1] }
		],
		base: 'spoken',
		target: 'published',
		notes: [],
		meta: { title: 'Long', date: '2024-05-01', people: [], language: 'en', summary: '', kind: 'Test', source: '', rights: '' },
		mode: 'marks'
	};
	return { name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspace)) };
}
