// How a parsed tree becomes Tree and Node rows (COPY lines), independent of the database driver.
import { functionNameOf } from "../toolbench/messages";
import type { ParsedNode, ParsedTree } from "../toolbench/types";
import { copyLine, jsonText, sanitizeText } from "./copy-format";

export const TREE_COLUMNS = [
  "id", "instructionId", "runId", "group", "method", "methodLabel", "model", "validData", "finishType",
  "finalAnswerRaw", "finalAnswer", "queryCount", "totalTokens", "size", "maxDepth", "hallucinatedCount",
  "apiErrorCount", "giveUpCount", "win", "chosenNodeIdx", "chosenBy", "functions", "systemPrompt",
  "forwardArgs", "truncated", "sourceKind", "sourceFile", "sourceKey", "contentHash", "updatedAt",
] as const;

export const NODE_COLUMNS = [
  "treeId", "idx", "parentIdx", "position", "depth", "type", "text", "functionName", "observation",
  "observationCode", "pruned", "finished", "isTerminal", "expandNum", "childCount", "meta",
] as const;

export interface TreeRowContext {
  id: number;
  instructionId: number;
  group: string;
  runId: number | null;
  sourceFile: string;
  contentHash: string;
  now: string;
}

const text = (s: string | null | undefined) => (s === null || s === undefined ? null : sanitizeText(s));

export function treeCopyLine(t: ParsedTree, c: TreeRowContext): string {
  return copyLine([
    c.id, c.instructionId, c.runId, c.group, t.method, t.methodLabel, text(t.model), t.validData, text(t.finishType),
    text(t.finalAnswerRaw), text(t.finalAnswer), t.queryCount, t.totalTokens, t.stats.size, t.stats.maxDepth,
    t.stats.hallucinatedCount, t.stats.apiErrorCount, t.stats.giveUpCount, t.win ?? null, t.chosenNodeIdx,
    t.chosenNodeIdx === null ? null : "toolbench", jsonText(t.functions), text(t.systemPrompt),
    t.forwardArgs === undefined ? null : jsonText(t.forwardArgs), t.truncated, t.sourceKind, c.sourceFile,
    t.sourceKey ?? null, c.contentHash, c.now,
  ]);
}

export function nodeCopyLines(treeId: number, nodes: readonly ParsedNode[]): string {
  let out = "";
  for (const n of nodes) {
    out += copyLine([
      treeId, n.idx, n.parentIdx, n.position, n.depth, n.type, text(n.text), text(n.functionName), text(n.observation),
      n.observationCode ?? null, n.pruned, n.finished, n.isTerminal, n.expandNum, n.childCount,
      n.meta === undefined ? null : jsonText(n.meta),
    ]);
  }
  return out;
}

/** The API functions a tree was offered (Finish excluded): used to link instructions to the catalog. */
export function offeredFunctionNames(t: ParsedTree): string[] {
  const names = new Set<string>();
  for (const f of t.functions) {
    const name = functionNameOf(f);
    if (name && name !== "Finish") names.add(name);
  }
  return [...names];
}
