// Myers' O(ND) greedy diff over integer keys, step for step the algorithm of jsdiff's `diffArrays`
// (the same choices at every diagonal, the same pruning at the edges of the edit graph), so that
// it returns the very same edit script, only several times faster: jsdiff allocates an object per
// path and per component and indexes its diagonals as object properties, which on windows of a
// few hundred tokens cost far more than the comparisons. Here the paths are nodes in typed arrays
// that are reused from one call to the next.
//
// A path is a node: how far it got along a (`x`, the last index of a consumed, -1 for none), the
// node it extends, and whether that step inserted a token of b or deleted one of a. `best[k]` is
// the node that has got furthest on diagonal k = x - y, or NONE, exactly where jsdiff's `bestPath`
// holds a path or undefined (including the entries it clears once read): at the edges of the
// graph a diagonal may extend a path of an earlier round, and the script must follow the path
// that was read, so each node points to its parent instead of being found again by round.

/** Operations of a run of the script. */
export const KEEP = 0;
export const REMOVE = 1;
export const ADD = 2;

const NONE = -1;

export class Myers {
	/** The script of the last successful call: `runs` runs, each an operation and a count. */
	ops = new Uint8Array(64);
	counts = new Int32Array(64);
	runs = 0;

	private nodeX = new Int32Array(1024);
	private nodeParent = new Int32Array(1024);
	private nodeAdd = new Uint8Array(1024);
	private best = new Int32Array(64);

	/**
	 * A shortest edit script from `a[a0, a1)` to `b[b0, b1)` (jsdiff's), in `ops` and `counts`,
	 * or false if it needs more than `maxEdit` insertions and deletions.
	 */
	diff(a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number, maxEdit: number): boolean {
		const oldLen = a1 - a0;
		const newLen = b1 - b0;
		const max = Math.min(oldLen + newLen, maxEdit);
		// Diagonals -max-1 .. max+1 are read, at `best[k + offset]`.
		const offset = max + 1;
		if (this.best.length < 2 * offset + 1) this.best = new Int32Array(2 * offset + 1);
		const best = this.best;
		best.fill(NONE, 0, 2 * offset + 1);

		let nodes = 0;
		let x = -1;
		// Follow the diagonal from (x, x - k) while the tokens match (inlined here and below: a
		// closure for it cost a fifth of the time).
		while (x + 1 < newLen && x + 1 < oldLen && a[a0 + x + 1] === b[b0 + x + 1]) x++;
		this.reserveNodes(1);
		this.nodeX[0] = x;
		this.nodeParent[0] = NONE;
		this.nodeAdd[0] = 0;
		nodes = 1;
		if (x + 1 >= oldLen && x + 1 >= newLen) {
			this.trace(0);
			return true;
		}
		best[offset] = 0;
		let minK = -Infinity;
		let maxK = Infinity;
		for (let d = 1; d <= max; d++) {
			// At most d + 1 diagonals, each a node.
			this.reserveNodes(nodes + d + 1);
			const nodeX = this.nodeX;
			const lo = Math.max(minK, -d);
			for (let k = lo; k <= Math.min(maxK, d); k += 2) {
				const removeNode = best[k - 1 + offset];
				const addFrom = best[k + 1 + offset];
				// Read once, as jsdiff does: no later diagonal of this round extends it.
				if (removeNode !== NONE) best[k - 1 + offset] = NONE;
				let canAdd = false;
				if (addFrom !== NONE) {
					// Where in b the insertion would be.
					const y = nodeX[addFrom] - k;
					canAdd = 0 <= y && y < newLen;
				}
				const canRemove = removeNode !== NONE && nodeX[removeNode] + 1 < oldLen;
				if (!canAdd && !canRemove) {
					best[k + offset] = NONE;
					continue;
				}
				const add = !canRemove || (canAdd && nodeX[removeNode] < nodeX[addFrom]);
				const parent = add ? addFrom : removeNode;
				x = add ? nodeX[addFrom] : nodeX[removeNode] + 1;
				let y = x - k;
				while (y + 1 < newLen && x + 1 < oldLen && a[a0 + x + 1] === b[b0 + y + 1]) {
					x++;
					y++;
				}
				const node = nodes++;
				nodeX[node] = x;
				this.nodeParent[node] = parent;
				this.nodeAdd[node] = add ? 1 : 0;
				if (x + 1 >= oldLen && y + 1 >= newLen) {
					this.trace(node);
					return true;
				}
				best[k + offset] = node;
				// On the right or bottom edge of the graph, the diagonals beyond need more edits.
				if (x + 1 >= oldLen) maxK = Math.min(maxK, k - 1);
				if (y + 1 >= newLen) minK = Math.max(minK, k + 1);
			}
		}
		return false;
	}

	/** Writes the script that ends at `node` into `ops` and `counts`, merging runs of one kind. */
	private trace(node: number): void {
		// Walk back to the root, collecting steps in reverse: each node is an insertion or deletion
		// (except the root) followed by a run of matches.
		const { nodeX, nodeParent, nodeAdd } = this;
		let runs = 0;
		const push = (op: number, count: number): void => {
			if (count === 0) return;
			if (runs > 0 && this.ops[runs - 1] === op) {
				this.counts[runs - 1] += count;
				return;
			}
			if (runs === this.ops.length) this.growRuns();
			this.ops[runs] = op;
			this.counts[runs] = count;
			runs++;
		};
		for (let n = node; n !== NONE; n = nodeParent[n]) {
			const parent = nodeParent[n];
			if (parent === NONE) {
				push(KEEP, nodeX[n] + 1);
				break;
			}
			const start = nodeAdd[n] === 1 ? nodeX[parent] : nodeX[parent] + 1;
			push(KEEP, nodeX[n] - start);
			push(nodeAdd[n] === 1 ? ADD : REMOVE, 1);
		}
		// Reverse in place.
		for (let i = 0, j = runs - 1; i < j; i++, j--) {
			const op = this.ops[i];
			this.ops[i] = this.ops[j];
			this.ops[j] = op;
			const count = this.counts[i];
			this.counts[i] = this.counts[j];
			this.counts[j] = count;
		}
		this.runs = runs;
	}

	/** Room for `n` nodes. */
	private reserveNodes(n: number): void {
		if (n <= this.nodeX.length) return;
		let size = this.nodeX.length * 2;
		while (size < n) size *= 2;
		const x = new Int32Array(size);
		x.set(this.nodeX);
		const parent = new Int32Array(size);
		parent.set(this.nodeParent);
		const add = new Uint8Array(size);
		add.set(this.nodeAdd);
		this.nodeX = x;
		this.nodeParent = parent;
		this.nodeAdd = add;
	}

	private growRuns(): void {
		const ops = new Uint8Array(this.ops.length * 2);
		ops.set(this.ops);
		const counts = new Int32Array(this.counts.length * 2);
		counts.set(this.counts);
		this.ops = ops;
		this.counts = counts;
	}
}
