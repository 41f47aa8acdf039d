/** Saves `body` as a file named `name` through the browser's own download (nothing is uploaded). */
export function download(name: string, body: BlobPart, type: string) {
	const url = URL.createObjectURL(new Blob([body], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	// The download has started by the time the click returns; the URL can go a little later.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
