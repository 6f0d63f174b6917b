// Agreement between reviewers beyond chance: Cohen's kappa for a pair of reviewers, Fleiss' kappa for
// several reviewers per tree.

export interface Rating {
  itemId: number;
  raterId: number;
  category: string;
}

/** Cohen's kappa of two raters over the items both rated; null when undefined (no shared items, or no variation at all). */
export function cohensKappa(ratings: readonly Rating[], raterA: number, raterB: number): { kappa: number | null; items: number } {
  const a = new Map(ratings.filter((r) => r.raterId === raterA).map((r) => [r.itemId, r.category]));
  const pairs: [string, string][] = [];
  for (const r of ratings) if (r.raterId === raterB && a.has(r.itemId)) pairs.push([a.get(r.itemId)!, r.category]);
  const n = pairs.length;
  if (n === 0) return { kappa: null, items: 0 };
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  const categories = new Set(pairs.flat());
  let expected = 0;
  for (const c of categories) {
    const pa = pairs.filter(([x]) => x === c).length / n;
    const pb = pairs.filter(([, y]) => y === c).length / n;
    expected += pa * pb;
  }
  if (expected === 1) return { kappa: null, items: n };
  return { kappa: (observed - expected) / (1 - expected), items: n };
}

/**
 * Fleiss' kappa over items rated by the same number of raters (items with another number of ratings
 * are left out, as the statistic requires; `raters` says which number was used).
 */
export function fleissKappa(ratings: readonly Rating[]): { kappa: number | null; items: number; raters: number } {
  const byItem = new Map<number, string[]>();
  for (const r of ratings) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r.category]);
  const sizes = new Map<number, number>();
  for (const cats of byItem.values()) if (cats.length >= 2) sizes.set(cats.length, (sizes.get(cats.length) ?? 0) + 1);
  const modal = [...sizes.entries()].sort((x, y) => y[1] - x[1] || y[0] - x[0])[0];
  if (!modal) return { kappa: null, items: 0, raters: 0 };
  const m = modal[0];
  const items = [...byItem.values()].filter((c) => c.length === m);
  const N = items.length;
  const totals = new Map<string, number>();
  let pBarSum = 0;
  for (const cats of items) {
    const counts = new Map<string, number>();
    for (const c of cats) counts.set(c, (counts.get(c) ?? 0) + 1);
    let agree = 0;
    for (const [c, k] of counts) {
      agree += k * (k - 1);
      totals.set(c, (totals.get(c) ?? 0) + k);
    }
    pBarSum += agree / (m * (m - 1));
  }
  const pBar = pBarSum / N;
  let pe = 0;
  for (const k of totals.values()) pe += (k / (N * m)) ** 2;
  if (pe === 1) return { kappa: null, items: N, raters: m };
  return { kappa: (pBar - pe) / (1 - pe), items: N, raters: m };
}
