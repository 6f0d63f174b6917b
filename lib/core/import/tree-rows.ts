// How a parsed tree becomes Tree and Node rows (COPY text), independent of the database driver.
// Rows are built in two parts: what the file alone determines (built wherever the file is parsed,
// possibly on another thread) and the ids the database assigns (added just before writing).
import type { TreeChecks } from "../checks/step-checks";
import { nodeOutline } from "../export/outline";
import { functionNameOf } from "../toolbench/messages";
import type { ParsedNode, ParsedTree } from "../toolbench/types";
import { copyField, copyLine, jsonField, sanitizeText } from "./copy-format";

/** Tree columns: the first four come from the database side, the rest from the file. */
export const TREE_COLUMNS = [
  "id", "instructionId", "runId", "group",
  "method", "methodLabel", "model", "validData", "finishType", "finalAnswerRaw", "finalAnswer", "queryCount",
  "totalTokens", "size", "maxDepth", "hallucinatedCount", "apiErrorCount", "giveUpCount", "win", "chosenNodeIdx",
  "toolbenchNodeIdx", "chosenBy", "functions", "systemPrompt", "forwardArgs", "outline", "truncated", "sourceKind", "sourceFile", "sourceKey",
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
    t.stats.giveUpCount, t.win ?? null, t.chosenNodeIdx, t.chosenNodeIdx, t.chosenNodeIdx === null ? null : "toolbench", jsonField(t.functions),
    text(t.systemPrompt), jsonField(t.forwardArgs), nodeOutline(t.nodes), t.truncated, t.sourceKind,
    c.sourceFile, t.sourceKey ?? null, c.contentHash, c.now, c.checkFlags,
  ]);
}

/** The database-side columns that start a tree's row, before its tail. */
export function treeRowHead(ids: { id: number; instructionId: number; runId: number | null; group: string }): string {
  return `${ids.id}\t${ids.instructionId}\t${copyField(ids.runId)}\t${copyField(ids.group)}\t`;
}

/**
 * Every node line starts with this stand-in for its tree id, overwritten in place once the database
 * has assigned the id (`stampTreeId`): rows are built as bytes on a worker thread, and the thread
 * that writes them never has to rebuild them. Ids are int4 (at most 10 digits); COPY reads the
 * zero-padded digits as the number.
 */
export const TREE_ID_WIDTH = 10;
const TREE_ID_PLACEHOLDER = `${"0".repeat(TREE_ID_WIDTH)}\t`;

/** Node rows, one line each, each starting with the tree id stand-in; `checks` by idx. */
export function nodeRowsForTree(nodes: readonly ParsedNode[], checks: TreeChecks["nodes"]): string {
  let out = "";
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    out += TREE_ID_PLACEHOLDER;
    out += copyLine([
      n.idx, n.parentIdx, n.position, n.depth, n.type, text(n.text), text(n.functionName), text(n.observation),
      n.observationCode ?? null, n.pruned, n.finished, n.isTerminal, n.expandNum, n.childCount,
      jsonField(n.meta), checks[n.idx] ?? 0,
    ]);
  }
  return out;
}

const NEWLINE = 10;
const ZERO = 48;

/**
 * Writes the tree id over the stand-in at the start of every line of `rows` (UTF-8 bytes from
 * `nodeRowsForTree`), in place. COPY text escapes newlines inside values, so every newline byte
 * ends a line.
 */
export function stampTreeId(rows: Uint8Array, treeId: number): Uint8Array {
  if (!Number.isInteger(treeId) || treeId < 0 || treeId >= 10 ** TREE_ID_WIDTH) throw new RangeError(`tree id out of range: ${treeId}`);
  const digits = new Uint8Array(TREE_ID_WIDTH);
  for (let i = TREE_ID_WIDTH - 1, v = treeId; i >= 0; i--, v = Math.floor(v / 10)) digits[i] = ZERO + (v % 10);
  let start = 0;
  while (start < rows.length) {
    rows.set(digits, start);
    const end = rows.indexOf(NEWLINE, start + TREE_ID_WIDTH);
    if (end < 0) break;
    start = end + 1;
  }
  return rows;
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
