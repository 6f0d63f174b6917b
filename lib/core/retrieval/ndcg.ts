// NDCG@k with binary relevance: the measure ToolBench reports for API retrieval.

/** NDCG@k of a ranking against the set of relevant ids (0 when nothing is relevant). */
export function ndcgAtK<Id>(ranked: readonly Id[], relevant: ReadonlySet<Id>, k: number): number {
  if (relevant.size === 0 || k <= 0) return 0;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

export interface RetrievalScore {
  group: string;
  queries: number;
  ndcg1: number;
  ndcg5: number;
}

/** Mean NDCG@1 and @5 per group, plus "all", as percentages (the paper's tables). */
export function summarizeByGroup(results: readonly { group: string; ndcg1: number; ndcg5: number }[]): RetrievalScore[] {
  const groups = new Map<string, { n: number; s1: number; s5: number }>();
  const add = (g: string, r: { ndcg1: number; ndcg5: number }) => {
    const acc = groups.get(g) ?? { n: 0, s1: 0, s5: 0 };
    acc.n += 1;
    acc.s1 += r.ndcg1;
    acc.s5 += r.ndcg5;
    groups.set(g, acc);
  };
  for (const r of results) {
    add(r.group, r);
    add("all", r);
  }
  return [...groups]
    .sort(([a], [b]) => (a === "all" ? 1 : b === "all" ? -1 : a.localeCompare(b)))
    .map(([group, { n, s1, s5 }]) => ({ group, queries: n, ndcg1: (100 * s1) / n, ndcg5: (100 * s5) / n }));
}
