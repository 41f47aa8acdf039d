// Reads a reader's files off the main thread: a .docx or a zipped case is inflated here, so that
// even a zip bomb, stopped at the first file over the limits (import/unzip.ts), never holds up the
// page. One request in, one answer out; the page starts a worker per file and ends it after.

import { extractText, type Encoding, type ImportResult } from './import';
import { workspaceFromZip } from './workspace/files';
import type { Workspace } from './workspace/types';

export type ImportRequest =
	| { kind: 'text'; name: string; bytes: Uint8Array; encoding?: Encoding }
	| { kind: 'case'; bytes: Uint8Array };

export type ImportResponse =
	| { type: 'text'; result: ImportResult }
	| { type: 'case'; workspace: Workspace }
	| { type: 'error'; message: string };

const post = (message: ImportResponse) => postMessage(message);

onmessage = (event: MessageEvent<ImportRequest>) => {
	const request = event.data;
	try {
		if (request.kind === 'text') {
			const { name, bytes, encoding } = request;
			post({ type: 'text', result: extractText(name, bytes, { encoding }) });
		} else {
			post({ type: 'case', workspace: workspaceFromZip(request.bytes) });
		}
	} catch (error) {
		post({ type: 'error', message: (error as Error).message });
	}
};
