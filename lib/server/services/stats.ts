// What the database holds, in the shape `arbor stats --json` prints.
import { countInstructionSets, countNodes } from "../repositories/stats";
import { getOverview } from "./overview";

export interface Stats {
  categories: number;
  tools: number;
  apis: number;
  instructions: { total: number; byGroup: Record<string, number> };
  trees: { total: number; valid: number; byMethod: Record<string, number>; byFinishType: Record<string, number> };
  nodes: number;
  instructionSets: Record<string, number>;
}

export async function getStats(): Promise<Stats> {
  const [o, nodes, sets] = await Promise.all([getOverview(), countNodes(), countInstructionSets()]);
  const byMethod: Record<string, number> = {};
  for (const m of o.methods) byMethod[m.methodLabel] = (byMethod[m.methodLabel] ?? 0) + m.count;
  const byFinishType: Record<string, number> = {};
  for (const f of o.finishTypes) byFinishType[f.finishType] = f.valid + f.invalid;
  return {
    categories: o.totals.categories,
    tools: o.totals.tools,
    apis: o.totals.apis,
    instructions: {
      total: o.totals.instructions,
      byGroup: Object.fromEntries(o.groups.filter((g) => g.instructions > 0).map((g) => [g.group, g.instructions])),
    },
    trees: { total: o.totals.trees, valid: o.totals.validTrees, byMethod, byFinishType },
    nodes,
    instructionSets: Object.fromEntries(sets.map((s) => [s.name, s.size])),
  };
}
