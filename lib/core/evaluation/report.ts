// Evaluation reports by instruction group, like the paper's tables: win / tie / loss for a
// comparison, pass rate and StableToolBench score for a pass-rate run; each with an "all" row last.
import type { PreferenceOutcome } from "./preference";

export interface GroupTally {
  group: string;
  win: number;
  tie: number;
  loss: number;
  total: number;
  /** Shares of the group's comparisons (ties are reported apart, not counted as half a win). */
  winRate: number;
  tieRate: number;
  lossRate: number;
}

/** Win / tie / loss by instruction group, like the paper's tables, with an "all" row last. */
export function tallyPreferences(rows: readonly { group: string; preference: PreferenceOutcome }[]): GroupTally[] {
  const by = new Map<string, { win: number; tie: number; loss: number }>();
  const add = (group: string, p: PreferenceOutcome) => {
    const t = by.get(group) ?? { win: 0, tie: 0, loss: 0 };
    t[p]++;
    by.set(group, t);
  };
  for (const r of rows) add(r.group, r.preference);
  const tally = (group: string, t: { win: number; tie: number; loss: number }): GroupTally => {
    const total = t.win + t.tie + t.loss;
    const share = (n: number) => (total === 0 ? 0 : n / total);
    return { group, ...t, total, winRate: share(t.win), tieRate: share(t.tie), lossRate: share(t.loss) };
  };
  const groups = [...by.keys()].sort().map((g) => tally(g, by.get(g)!));
  const all = groups.reduce((a, g) => ({ win: a.win + g.win, tie: a.tie + g.tie, loss: a.loss + g.loss }), { win: 0, tie: 0, loss: 0 });
  return [...groups, tally("all", all)];
}

export interface PassTally {
  group: string;
  trees: number;
  passed: number;
  passRate: number;
  /** StableToolBench's score averaged over the trees. */
  meanScore: number;
  solved: number;
  unsure: number;
  unsolved: number;
}

/** Pass rate and StableToolBench score by instruction group, with an "all" row last. */
export function tallyPassRates(rows: readonly { group: string; passed: boolean; score: number; label: "Solved" | "Unsolved" | "Unsure" }[]): PassTally[] {
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  const tally = (group: string, rs: typeof rows): PassTally => {
    const n = rs.length;
    const passed = rs.filter((r) => r.passed).length;
    return {
      group,
      trees: n,
      passed,
      passRate: n === 0 ? 0 : passed / n,
      meanScore: n === 0 ? 0 : rs.reduce((s, r) => s + r.score, 0) / n,
      solved: rs.filter((r) => r.label === "Solved").length,
      unsure: rs.filter((r) => r.label === "Unsure").length,
      unsolved: rs.filter((r) => r.label === "Unsolved").length,
    };
  };
  return [...groups.map((g) => tally(g, rows.filter((r) => r.group === g))), tally("all", rows)];
}
