/**
 * Every distinct folded term used by any topic gets an integer id. While a post is being
 * matched, one Map lookup per post token both finds the topics indexed under that term
 * (presearch) and records where the term occurs, in epoch-stamped arrays. Topic tests then
 * read arrays instead of building and probing a Map per post.
 */
export interface TermEntry {
  id: number;
  refs: number;
  /** Topic slots indexed under this term, for the text (0) and title (1). */
  slots: [number[], number[]];
}

export class TermTable {
  readonly ids = new Map<string, TermEntry>();
  private readonly freeIds: number[] = [];
  private nextId = 0;
  epoch = 0;
  /** Per space: stamp[id] === epoch when the term occurs in the current post. */
  stamp: [Int32Array, Int32Array] = [new Int32Array(1024), new Int32Array(1024)];
  /** Per space: first token position of the term in the current post. */
  head: [Int32Array, Int32Array] = [new Int32Array(1024), new Int32Array(1024)];
  /** Per space: next position of the same term after token i, or -1. */
  next: [Int32Array, Int32Array] = [new Int32Array(256), new Int32Array(256)];

  acquire(norm: string): TermEntry {
    let e = this.ids.get(norm);
    if (!e) {
      const id = this.freeIds.pop() ?? this.nextId++;
      e = { id, refs: 0, slots: [[], []] };
      this.ids.set(norm, e);
      if (id >= this.stamp[0].length) this.grow(id + 1);
    }
    e.refs++;
    return e;
  }

  release(norm: string): void {
    const e = this.ids.get(norm);
    if (!e || --e.refs > 0) return;
    this.ids.delete(norm);
    this.stamp[0][e.id] = 0;
    this.stamp[1][e.id] = 0;
    this.freeIds.push(e.id);
  }

  private grow(min: number): void {
    const size = Math.max(min, this.stamp[0].length * 2);
    for (const arrays of [this.stamp, this.head]) {
      for (let s = 0; s < 2; s++) {
        const grown = new Int32Array(size);
        grown.set(arrays[s]!);
        arrays[s] = grown;
      }
    }
  }

  /** Starts a new post; stamps from earlier posts become stale. */
  begin(): number {
    if (++this.epoch === 0x7fffffff) {
      this.stamp[0].fill(0);
      this.stamp[1].fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }
}
