// The Overview page: totals and the breakdowns worth a chart.
import { countByGroup, countTotals, countTreesByFinishType, countTreesByMethod, type GroupCountRow, type Totals } from "../repositories/overview";

export type { GroupCountRow, Totals };

export interface Overview {
  totals: Totals;
  groups: GroupCountRow[];
  methods: { method: string; methodLabel: string; count: number }[];
  /** One row per finish type ("unknown" when the file did not say), valid and invalid trees apart. */
  finishTypes: { finishType: string; valid: number; invalid: number }[];
  isEmpty: boolean;
}

export async function getOverview(): Promise<Overview> {
  const [totals, groups, methods, finish] = await Promise.all([countTotals(), countByGroup(), countTreesByMethod(), countTreesByFinishType()]);
  const finishTypes = new Map<string, { finishType: string; valid: number; invalid: number }>();
  for (const row of finish) {
    const finishType = row.finishType ?? "unknown";
    const entry = finishTypes.get(finishType) ?? { finishType, valid: 0, invalid: 0 };
    if (row.validData) entry.valid += row.count;
    else entry.invalid += row.count;
    finishTypes.set(finishType, entry);
  }
  return {
    totals,
    groups,
    methods,
    finishTypes: [...finishTypes.values()],
    isEmpty: totals.apis === 0 && totals.instructions === 0 && totals.trees === 0,
  };
}
