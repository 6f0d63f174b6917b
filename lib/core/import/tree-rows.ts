// How a parsed tree becomes Tree and Node rows (COPY text), independent of the database driver.
// Rows are built in two parts: what the file alone determines (built wherever the file is parsed,
// possibly on another thread) and the ids the database assigns (added just before writing).
import type { TreeChecks } from "../checks/step-checks";
import { functionNameOf } from "../toolbench/messages";
import type { ParsedNode, ParsedTree } from "../toolbench/types";
import { copyField, copyLine, jsonText, sanitizeText } from "./copy-format";

/** Tree columns: the first four come from the database side, the rest from the file. */
export const TREE_COLUMNS = [
  "id", "instructionId", "runId", "group",
  "method", "methodLabel", "model", "validData", "finishType", "finalAnswerRaw", "finalAnswer", "queryCount",
  "totalTokens", "size", "maxDepth", "hallucinatedCount", "apiErrorCount", "giveUpCount", "win", "chosenNodeIdx",
  "toolbenchNodeIdx", "chosenBy", "functions", "systemPrompt", "forwardArgs", "truncated", "sourceKind", "sourceFile", "sourceKey",
  "contentHash", "updatedAt", "checkFlags",
] as const;

/** Node columns: treeId first (added last), the rest from the file. */
export const NODE_COLUMNS = [
  "treeId", "idx", "parentIdx", "position", "depth", "type", "text", "functionName", "observation",
  "observationCode", "pruned", "finished", "isTerminal", "expandNum", "childCount", "meta", "checks",
] as const;

const text = (s: string | null | undefined) => (s === null || s === undefined ? null : sanitizeText(s));

/** The file-determined part of a tree's row (every column after `group`), ending with a newline. */
export function treeRowTail(t: ParsedTree, c: { sourceFile: string; contentHash: string; now: string; checkFlags: number }): string {
  return copyLine([
    t.method, t.methodLabel, text(t.model), t.validData, text(t.finishType), text(t.finalAnswerRaw), text(t.finalAnswer),
    t.queryCount, t.totalTokens, t.stats.size, t.stats.maxDepth, t.stats.hallucinatedCount, t.stats.apiErrorCount,
    t.stats.giveUpCount, t.win ?? null, t.chosenNodeIdx, t.chosenNodeIdx, t.chosenNodeIdx === null ? null : "toolbench", jsonText(t.functions),
    text(t.systemPrompt), t.forwardArgs === undefined ? null : jsonText(t.forwardArgs), t.truncated, t.sourceKind,
    c.sourceFile, t.sourceKey ?? null, c.contentHash, c.now, c.checkFlags,
  ]);
}

/** A whole tree row: the database-side columns, then the tail. */
export function treeRow(ids: { id: number; instructionId: number; runId: number | null; group: string }, tail: string): string {
  return `${ids.id}\t${ids.instructionId}\t${copyField(ids.runId)}\t${copyField(ids.group)}\t${tail}`;
}

/** Node rows without their tree id (every column after `treeId`), one line each; `checks` by idx. */
export function nodeRowsWithoutTree(nodes: readonly ParsedNode[], checks: TreeChecks["nodes"]): string {
  let out = "";
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    out += copyLine([
      n.idx, n.parentIdx, n.position, n.depth, n.type, text(n.text), text(n.functionName), text(n.observation),
      n.observationCode ?? null, n.pruned, n.finished, n.isTerminal, n.expandNum, n.childCount,
      n.meta === undefined ? null : jsonText(n.meta), checks[n.idx] ?? 0,
    ]);
  }
  return out;
}

/**
 * Puts the tree id in front of every node line. COPY text escapes newlines inside values, so every
 * raw "\n" ends a line.
 */
export function withTreeId(treeId: number, rows: string): string {
  if (rows === "") return "";
  const prefix = `${treeId}\t`;
  return prefix + rows.slice(0, -1).replaceAll("\n", `\n${prefix}`) + "\n";
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
