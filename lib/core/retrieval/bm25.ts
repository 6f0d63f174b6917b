// Okapi BM25 over short documents (the catalog's APIs), as the retrieval baseline ToolBench reports.
// Pure and synchronous: build an index once, then rank queries against it.

const STOPWORDS = new Set(
  "a an and are as at be but by can could do does for from get gets give given has have how i if in into is it its me my of on or our please provide so some such than that the their them then there these they this to up us use using want we what when where which who will with would you your".split(
    " ",
  ),
);

/** Words of a text: camelCase and snake_case split, lower-cased, stop words and single letters dropped. */
export function tokenize(text: string): string[] {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

export interface Bm25Options {
  /** term-frequency saturation (rank_bm25's default 1.5) */
  k1?: number;
  /** length normalisation (0.75) */
  b?: number;
}

export interface Bm25Hit<Id> {
  id: Id;
  score: number;
}

export interface Bm25Index<Id> {
  readonly size: number;
  search(query: string, k: number): Bm25Hit<Id>[];
}

export function buildBm25Index<Id>(docs: readonly { id: Id; text: string }[], options: Bm25Options = {}): Bm25Index<Id> {
  const k1 = options.k1 ?? 1.5;
  const b = options.b ?? 0.75;
  const n = docs.length;
  const lengths = new Float64Array(n);
  // term -> [doc, tf, doc, tf, ...]
  const postings = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    const counts = new Map<string, number>();
    const tokens = tokenize(doc.text);
    lengths[d] = tokens.length;
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(d, tf);
    }
  });
  const avgLength = n ? lengths.reduce((s, x) => s + x, 0) / n : 0;
  const idf = (df: number) => Math.log((n - df + 0.5) / (df + 0.5) + 1);

  return {
    size: n,
    search(query, k) {
      const scores = new Map<number, number>();
      for (const term of new Set(tokenize(query))) {
        const list = postings.get(term);
        if (!list) continue;
        const w = idf(list.length / 2);
        for (let i = 0; i < list.length; i += 2) {
          const d = list[i]!;
          const tf = list[i + 1]!;
          const norm = tf + k1 * (1 - b + (b * lengths[d]!) / (avgLength || 1));
          scores.set(d, (scores.get(d) ?? 0) + (w * tf * (k1 + 1)) / norm);
        }
      }
      return [...scores]
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .slice(0, k)
        .map(([d, score]) => ({ id: docs[d]!.id, score }));
    },
  };
}
