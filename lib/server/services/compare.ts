// Two trees of one instruction side by side: their calls aligned step by step (lib/core/compare),
// how each search ended, what it cost, and any judge labels.
import { alignCalls, summarizeAlignment, type AlignedRow, type AlignmentSummary } from "@/lib/core/compare/align";
import { callsOfPath, type ComparedCall } from "@/lib/core/compare/path-calls";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import {
  findCompareInstruction,
  findCompareTrees,
  listInstructionTreeOptions,
  listPathNodes,
  listTreeEvaluations,
  type CompareEvaluationRow,
  type CompareInstructionRow,
  type CompareTreeRow,
  type ComparePathNodeRow,
  type InstructionTreeOptionRow,
} from "../repositories/compare";

export interface ComparedTree extends Omit<CompareTreeRow, "pathLeafIdx"> {
  /** Which path the calls come from: the training path, the branch explored last, or none (an empty tree). */
  pathKind: "training" | "last_explored" | "none";
  calls: ComparedCall[];
  evaluations: CompareEvaluationRow[];
}

export interface TreeComparison {
  instruction: CompareInstructionRow;
  a: ComparedTree;
  /** null until a second tree is chosen */
  b: ComparedTree | null;
  rows: AlignedRow<ComparedCall>[];
  summary: AlignmentSummary | null;
  /** every tree of the instruction, to choose from */
  trees: InstructionTreeOptionRow[];
}

function comparedTree(row: CompareTreeRow, nodes: ComparePathNodeRow[], evaluations: CompareEvaluationRow[]): ComparedTree {
  const { pathLeafIdx, ...tree } = row;
  const checks = new Map(nodes.map((n) => [n.idx, n.checks]));
  return {
    ...tree,
    pathKind: tree.chosenNodeIdx !== null ? "training" : pathLeafIdx !== null ? "last_explored" : "none",
    calls: callsOfPath(nodes, (idx) => checks.get(idx) ?? 0),
    evaluations: evaluations.filter((e) => e.treeId === tree.id),
  };
}

export async function compareTrees(aId: number, bId: number | null): Promise<TreeComparison> {
  if (bId === aId) throw new InvalidInputError("Choose two different trees to compare");
  const ids = bId === null ? [aId] : [aId, bId];
  const rows = await findCompareTrees(ids);
  const a = rows.find((r) => r.id === aId);
  if (!a) throw new NotFoundError(`No tree with id ${aId}`);
  const b = bId === null ? null : rows.find((r) => r.id === bId);
  if (b === undefined) throw new NotFoundError(`No tree with id ${bId}`);
  if (b && b.instructionId !== a.instructionId) throw new InvalidInputError(`Trees #${aId} and #${bId} answer different instructions; only trees of one instruction are compared`);

  const leaves = rows.flatMap((r) => (r.pathLeafIdx === null ? [] : [{ treeId: r.id, leafIdx: r.pathLeafIdx }]));
  const [instruction, nodes, evaluations, trees] = await Promise.all([
    findCompareInstruction(a.instructionId),
    listPathNodes(leaves),
    listTreeEvaluations(ids),
    listInstructionTreeOptions(a.instructionId),
  ]);
  if (!instruction) throw new NotFoundError(`No instruction with id ${a.instructionId}`);
  const nodesOf = (id: number) => nodes.filter((n) => n.treeId === id);
  const left = comparedTree(a, nodesOf(a.id), evaluations);
  const right = b ? comparedTree(b, nodesOf(b.id), evaluations) : null;
  const aligned = right ? alignCalls(left.calls, right.calls) : [];
  return { instruction, a: left, b: right, rows: aligned, summary: right ? summarizeAlignment(aligned) : null, trees };
}
