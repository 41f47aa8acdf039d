// Loads corpus/ into `Case` objects, once, and fails loudly: every problem is a `CorpusError`
// whose message starts with the file and line to fix. This file only finds the case folders on
// disk and hands their files to ../corpus/format.ts, which reads and checks the format (described
// for scholars in corpus/README.md); the browser uses the same parser to read a zipped case.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CorpusError, isId, parseCase } from '../corpus/format';
import { renderMarkdown } from '../markdown';
import type { Case } from '../types';

export { CorpusError };

let cached: Case[] | undefined;

/** Every case in `<project root>/corpus`, sorted by date; loaded on first use, then kept. */
export function getCases(): Case[] {
	cached ??= loadCorpus(path.join(process.cwd(), 'corpus'));
	return cached;
}

/** The case in `corpus/<slug>/`, if there is one. */
export function getCase(slug: string): Case | undefined {
	return getCases().find((c) => c.slug === slug);
}

/** Load and check every case folder under `root` (folders starting with `.` are skipped). */
export function loadCorpus(root: string): Case[] {
	if (!isDirectory(root)) throw new CorpusError(relative(root), 1, 'corpus folder not found');
	const slugs = readdirSync(root, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
		.map((entry) => entry.name)
		.sort();
	const cases = slugs.map((slug) => loadCase(path.join(root, slug), slug));
	return cases.sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug));
}

function loadCase(abs: string, slug: string): Case {
	const dir = relative(abs) + '/';
	if (!isId(slug)) {
		const problem = `bad folder name "${slug}": use lowercase letters, digits and hyphens`;
		throw new CorpusError(`${dir}case.txt`, 1, problem);
	}
	const notes = path.join(abs, 'notes');
	const parsed = parseCase({
		dir,
		read: (file) => {
			const full = path.join(abs, file);
			return isFile(full) ? readFileSync(full) : undefined;
		},
		notes: isDirectory(notes)
			? readdirSync(notes).filter((name) => isFile(path.join(notes, name)))
			: []
	});
	return {
		slug,
		...parsed,
		notes: parsed.notes.map((note) => ({ ...note, html: renderMarkdown(note.markdown) }))
	};
}

function isFile(abs: string): boolean {
	return existsSync(abs) && statSync(abs).isFile();
}

function isDirectory(abs: string): boolean {
	return existsSync(abs) && statSync(abs).isDirectory();
}

/** A path relative to the project root, with `/` on every platform, for messages. */
function relative(abs: string): string {
	return path.relative(process.cwd(), abs).split(path.sep).join('/');
}
