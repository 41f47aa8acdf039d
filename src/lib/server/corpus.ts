// Loads corpus/ into `Case` objects, once, and fails loudly: every problem is a `CorpusError`
// whose message starts with the file and line to fix. This file only finds the case folders on
// disk and hands their files to ../corpus/parse.ts, which reads and checks the format (described
// for scholars in corpus/README.md); the browser uses the same parser to read a zipped case.

import {
	lstatSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	realpathSync,
	type Stats
} from 'node:fs';
import path from 'node:path';
import { CorpusError, isId, parseCase, sizeProblem } from '../corpus/parse';
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

/**
 * Load and check every case folder under `root`. A folder whose name starts with `.` is skipped,
 * and `onskip` is told so; a symbolic link is refused, as everything the build publishes must be
 * in the repository.
 */
export function loadCorpus(
	root: string,
	onskip: (message: string) => void = (message) => console.warn(message)
): Case[] {
	if (!isDirectory(root)) throw new CorpusError(relative(root), 1, 'corpus folder not found');
	const slugs: string[] = [];
	for (const entry of readdirSync(root, { withFileTypes: true })) {
		const dir = `${relative(path.join(root, entry.name))}/`;
		if (entry.isSymbolicLink()) {
			const problem = linkProblem(path.join(root, entry.name), 'move the folder into corpus/');
			throw new CorpusError(`${dir}case.txt`, 1, `the case folder ${problem}`);
		}
		if (!entry.isDirectory()) continue;
		if (entry.name.startsWith('.')) {
			onskip(`${dir}: skipped: a folder whose name starts with "." is not a case`);
			continue;
		}
		slugs.push(entry.name);
	}
	const cases = slugs.sort().map((slug) => loadCase(path.join(root, slug), slug));
	return cases.sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug));
}

function loadCase(abs: string, slug: string): Case {
	const dir = relative(abs) + '/';
	if (!isId(slug)) {
		const problem = `bad folder name "${slug}": use lowercase letters, digits and hyphens`;
		throw new CorpusError(`${dir}case.txt`, 1, problem);
	}
	const notes = path.join(abs, 'notes');
	if (stat(notes)?.isSymbolicLink()) {
		const problem = linkProblem(notes, 'copy the notes into the case folder');
		throw new CorpusError(`${dir}notes/`, 1, `the notes folder ${problem}`);
	}
	const parsed = parseCase({
		dir,
		read: (file) => {
			const full = path.join(abs, file);
			return stat(full)?.isFile() ? readFileSync(full) : undefined;
		},
		refuse: (file) => refusal(abs, file),
		// Links are listed too, so that the parser refuses them rather than pass them over.
		notes: isDirectory(notes)
			? readdirSync(notes, { withFileTypes: true })
					.filter((entry) => entry.isFile() || entry.isSymbolicLink())
					.map((entry) => entry.name)
			: []
	});
	return {
		slug,
		...parsed,
		notes: parsed.notes.map((note) => ({ ...note, html: renderMarkdown(note.markdown) }))
	};
}

/**
 * Why the build may not read `file` of the case folder `abs`: it is a symbolic link, or lies
 * behind one (a linked folder on its path), or is too large. Checked on the link itself (lstat),
 * never on what it points to, and before the file is read.
 */
function refusal(abs: string, file: string): string | undefined {
	const full = path.join(abs, file);
	const stats = stat(full);
	if (!stats) return undefined;
	if (stats.isSymbolicLink()) return linkProblem(full);
	if (realpathSync(full) !== path.join(realpathSync(abs), file)) {
		return (
			'is reached through a symbolic link to a folder: the build publishes only files that ' +
			'are in the repository; copy the files into the case folder'
		);
	}
	return stats.isFile() ? sizeProblem(stats.size) : undefined;
}

function linkProblem(full: string, remedy = 'copy the file into the case folder'): string {
	return (
		`is a symbolic link (to ${readlinkSync(full)}): the build publishes only files that are in ` +
		`the repository; ${remedy}`
	);
}

/** A path's own status, a symbolic link's and not its target's; undefined when there is none. */
function stat(abs: string): Stats | undefined {
	try {
		return lstatSync(abs);
	} catch {
		return undefined;
	}
}

function isDirectory(abs: string): boolean {
	return stat(abs)?.isDirectory() ?? false;
}

/** A path relative to the project root, with `/` on every platform, for messages. */
function relative(abs: string): string {
	return path.relative(process.cwd(), abs).split(path.sep).join('/');
}
