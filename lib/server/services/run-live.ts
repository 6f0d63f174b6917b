// What a run's page shows while it runs: the tree of the item being solved, folded from its events
// into the tree viewer's shape (the search is still going, so the tree's totals are the live ones),
// and the run's items.
import { toParsedNodes } from "@/lib/core/generation/answer-file";
import { foldItemEvents } from "@/lib/core/runs/item-events";
import { treeStats } from "@/lib/core/toolbench/tree-paths";
import { toTreeColumns } from "@/lib/core/tree-view/tree-model";
import { functionSpecFromSchema, parameterSpecsFromCatalog } from "@/lib/core/toolbench/argument-check";
import { findInstructionById } from "../repositories/instruction-detail";
import { readLiveItem } from "../repositories/run-events";
import { listRunItems, type RunItemRow } from "../repositories/run-items";

export type { RunItemRow };
import { loadSolveInstruction } from "../repositories/solve-inputs";
import { buildSolveTask } from "@/lib/core/generation/solve-task";
import type { TreeView } from "./trees";
import { getRun } from "./runs";

export interface LiveTree {
  item: { id: number; key: string; status: string; llmCalls: number };
  view: TreeView;
}

export async function getLiveTree(runId: number, itemId?: number): Promise<LiveTree | null> {
  const run = await getRun(runId);
  const method = (run.config as { method?: string }).method === "react" ? "react" : "dfsdt";
  const row = await readLiveItem(runId, itemId);
  if (!row || row.instructionId === null) return null;
  const [instruction, solve] = await Promise.all([findInstructionById(row.instructionId), loadSolveInstruction(row.instructionId)]);
  if (!instruction) return null;
  const folded = foldItemEvents(row.events);
  if (folded.nodes.length === 0) return null;
  const { nodes } = toParsedNodes(folded.nodes);
  const stats = treeStats(nodes);
  const tokens = [...folded.usageByCall.values()].reduce((n, u) => n + u.totalTokens, 0);
  const functions = solve && solve.apis.length > 0 ? buildSolveTask(solve.query, solve.apis).task.functions : [];
  return {
    item: { id: row.itemId, key: row.key, status: row.status, llmCalls: folded.calls },
    view: {
      tree: {
        id: 0, group: instruction.group, method, methodLabel: row.status === "running" ? "searching" : row.status, model: null, validData: false, finishType: null, finalAnswer: null,
        queryCount: folded.calls, totalTokens: tokens, size: stats.size, maxDepth: stats.maxDepth, hallucinatedCount: stats.hallucinatedCount,
        apiErrorCount: stats.apiErrorCount, giveUpCount: stats.giveUpCount, chosenNodeIdx: null, chosenBy: null, reviewStatus: "unreviewed",
        truncated: false, sourceKind: "generated", sourceFile: null, systemPrompt: null,
      },
      instruction: { id: instruction.id, group: instruction.group, externalId: instruction.externalId, query: instruction.query },
      nodes: toTreeColumns(nodes),
      apis: (solve?.apis ?? []).map((a) => ({
        functionName: a.functionName, apiId: a.apiId, apiName: a.name, toolName: a.tool, categoryName: a.category, linked: true,
        parameters: parameterSpecsFromCatalog(a.requiredParameters, a.optionalParameters),
      })),
      functions: functions.flatMap((f) => functionSpecFromSchema(f) ?? []),
    },
  };
}

export async function getRunItems(runId: number, limit = 200): Promise<RunItemRow[]> {
  await getRun(runId);
  return listRunItems(runId, limit);
}
