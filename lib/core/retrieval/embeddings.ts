// Dense retrieval: API documents and queries embedded by a model, ranked by cosine similarity; and
// reciprocal rank fusion to combine it with BM25. Pure: vectors are plain arrays and bytes.

/** The vector scaled to unit length (a zero vector stays zero). */
export function unitVector(v: readonly number[] | Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  const norm = Math.sqrt(sum);
  const out = new Float32Array(v.length);
  if (norm === 0 || !Number.isFinite(norm)) return out;
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
}

/** float32 little-endian bytes, as stored. */
export function vectorToBytes(v: Float32Array): Uint8Array {
  const bytes = new Uint8Array(v.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < v.length; i++) view.setFloat32(i * 4, v[i]!, true);
  return bytes;
}

export function bytesToVector(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new RangeError(`an embedding holds whole float32 values, not ${bytes.byteLength} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

export interface VectorHit<Id> {
  id: Id;
  /** cosine similarity, -1…1 */
  score: number;
}

export interface VectorIndex<Id> {
  readonly size: number;
  readonly dims: number;
  search(query: Float32Array, k: number): VectorHit<Id>[];
}

/** An exact (brute-force) cosine index over unit vectors: ~16k APIs need no approximate index. */
export function buildVectorIndex<Id>(entries: readonly { id: Id; vector: Float32Array }[]): VectorIndex<Id> {
  const dims = entries[0]?.vector.length ?? 0;
  for (const e of entries) {
    if (e.vector.length !== dims) throw new RangeError(`embeddings of different sizes in one index (${dims} and ${e.vector.length})`);
  }
  const matrix = new Float32Array(entries.length * dims);
  entries.forEach((e, i) => matrix.set(e.vector, i * dims));
  const ids = entries.map((e) => e.id);
  return {
    size: entries.length,
    dims,
    search(query, k) {
      if (entries.length === 0 || k <= 0) return [];
      if (query.length !== dims) throw new RangeError(`the query's embedding has ${query.length} values, the catalog's have ${dims}: embed the catalog again with this model`);
      const q = unitVector(query);
      // keep the k best in a small sorted array (k is small)
      const best: VectorHit<Id>[] = [];
      for (let r = 0; r < ids.length; r++) {
        let dot = 0;
        const base = r * dims;
        for (let j = 0; j < dims; j++) dot += matrix[base + j]! * q[j]!;
        if (best.length === k && dot <= best[k - 1]!.score) continue;
        let at = best.length;
        while (at > 0 && best[at - 1]!.score < dot) at--;
        best.splice(at, 0, { id: ids[r]!, score: dot });
        if (best.length > k) best.pop();
      }
      return best;
    },
  };
}

/**
 * Reciprocal rank fusion: each ranking gives an item 1 / (c + rank); items are ordered by the sum.
 * Robust to the rankings' scores being on different scales (BM25's and cosine's are).
 */
export function fuseRankings<Id>(rankings: readonly (readonly Id[])[], k: number, c = 60): VectorHit<Id>[] {
  const scores = new Map<Id, number>();
  const firstSeen = new Map<Id, number>();
  let order = 0;
  for (const ranking of rankings) {
    ranking.forEach((id, rank) => {
      scores.set(id, (scores.get(id) ?? 0) + 1 / (c + rank + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, order++);
    });
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || firstSeen.get(a[0])! - firstSeen.get(b[0])!)
    .slice(0, k)
    .map(([id, score]) => ({ id, score }));
}

export const RETRIEVAL_METHODS = ["bm25", "embedding", "hybrid"] as const;
export type RetrievalMethod = (typeof RETRIEVAL_METHODS)[number];

export const RETRIEVAL_METHOD_LABEL: Record<RetrievalMethod, string> = {
  bm25: "BM25",
  embedding: "Embeddings",
  hybrid: "Hybrid (BM25 + embeddings)",
};
