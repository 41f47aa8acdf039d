// The page's side of the import worker: each file is read in a worker of its own, ended once it
// answers, so that the memory a large file took goes with it.

import type { ImportRequest, ImportResponse } from './import.worker';
import ImportWorker from './import.worker?worker';
import type { Encoding, ImportResult } from './import';
import { workspaceFromJson } from './workspace/files';
import type { Workspace } from './workspace/types';

function read(request: ImportRequest): Promise<ImportResponse> {
	const worker = new ImportWorker();
	return new Promise<ImportResponse>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ImportResponse>) => resolve(event.data);
		worker.onerror = (event) => reject(new Error(event.message || 'The file could not be read.'));
		worker.postMessage(request);
	}).finally(() => worker.terminate());
}

/** A file read as witness text (`extractText`), off the main thread; rejects with its problem. */
export async function importText(
	name: string,
	bytes: Uint8Array,
	encoding?: Encoding
): Promise<ImportResult> {
	const answer = await read({ kind: 'text', name, bytes, encoding });
	if (answer.type === 'error') throw new Error(answer.message);
	if (answer.type !== 'text') throw new Error(`${name}: the file could not be read.`);
	return answer.result;
}

/** A zipped case read as a workspace (`workspaceFromZip`), off the main thread. */
export async function importCaseZip(bytes: Uint8Array): Promise<Workspace> {
	const answer = await read({ kind: 'case', bytes });
	if (answer.type === 'error') throw new Error(answer.message);
	if (answer.type !== 'case') throw new Error('The zip could not be read.');
	return answer.workspace;
}

/** What a workspace is imported from: a zipped corpus case, or a workspace saved as JSON. */
export const WORKSPACE_ACCEPT = '.zip,.json';

/** A workspace from a file of `WORKSPACE_ACCEPT`, told apart by its name; rejects with what is
 * wrong with it. */
export async function readWorkspaceFile(name: string, bytes: Uint8Array): Promise<Workspace> {
	if (/\.zip$/i.test(name)) return importCaseZip(bytes);
	return workspaceFromJson(new TextDecoder().decode(bytes));
}
