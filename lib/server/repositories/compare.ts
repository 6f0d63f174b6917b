// What the side-by-side comparison reads: two trees' summaries, the nodes on the path each is
// compared by (its training path, else the branch its search explored last), the instruction's
// other trees, and any judge labels (Evaluation rows) the trees have.
import type { NodeType } from "@/lib/core/toolbench/types";
import { prisma } from "../db/client";

export interface CompareTreeRow {
  id: number;
  instructionId: number;
  method: string;
  methodLabel: string;
  model: string | null;
  validData: boolean;
  finishType: string | null;
  finalAnswer: string | null;
  queryCount: number;
  totalTokens: number;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  size: number;
  checkFlags: number;
  chosenNodeIdx: number | null;
  /** the leaf compared: the training path's end, else the node visited last */
  pathLeafIdx: number | null;
  sourceKind: string;
  sourceFile: string | null;
  runId: number | null;
}

export async function findCompareTrees(ids: number[]): Promise<CompareTreeRow[]> {
  return prisma().$queryRaw<CompareTreeRow[]>`
    select t.id, t."instructionId", t.method::text as method, t."methodLabel", t.model, t."validData", t."finishType", t."finalAnswer",
           t."queryCount", t."totalTokens", t."promptTokens", t."completionTokens", t."costUsd"::float8 as "costUsd", t.size, t."checkFlags",
           t."chosenNodeIdx",
           coalesce(t."chosenNodeIdx", (select n.idx from "Node" n where n."treeId" = t.id order by n."expandNum" desc, n.idx desc limit 1)) as "pathLeafIdx",
           t."sourceKind", t."sourceFile", t."runId"
    from "Tree" t where t.id = any(${ids}::int[])`;
}

export interface ComparePathNodeRow {
  treeId: number;
  idx: number;
  parentIdx: number | null;
  type: NodeType;
  text: string;
  functionName: string | null;
  observation: string | null;
  observationCode: number | null;
  checks: number;
}

/** The nodes from each tree's root to the given leaf, by primary key; ordered by tree, then idx (root first). */
export async function listPathNodes(leaves: { treeId: number; leafIdx: number }[]): Promise<ComparePathNodeRow[]> {
  if (leaves.length === 0) return [];
  return prisma().$queryRaw<ComparePathNodeRow[]>`
    with recursive path as (
      select n."treeId", n.idx, n."parentIdx", 0 as hops
      from unnest(${leaves.map((l) => l.treeId)}::int[], ${leaves.map((l) => l.leafIdx)}::int[]) as leaf("treeId", idx)
      join "Node" n on n."treeId" = leaf."treeId" and n.idx = leaf.idx
      union all
      select n."treeId", n.idx, n."parentIdx", p.hops + 1
      from path p join "Node" n on n."treeId" = p."treeId" and n.idx = p."parentIdx"
      where p.hops < 10000
    )
    select n."treeId", n.idx, n."parentIdx", n.type::text as type, n.text, n."functionName", n.observation, n."observationCode", n.checks
    from path p join "Node" n on n."treeId" = p."treeId" and n.idx = p.idx
    order by n."treeId", n.idx`;
}

export interface InstructionTreeOptionRow {
  id: number;
  methodLabel: string;
  model: string | null;
  finishType: string | null;
}

export async function listInstructionTreeOptions(instructionId: number): Promise<InstructionTreeOptionRow[]> {
  return prisma().$queryRaw<InstructionTreeOptionRow[]>`
    select t.id, t."methodLabel", t.model, t."finishType" from "Tree" t where t."instructionId" = ${instructionId} order by t.id`;
}

export interface CompareInstructionRow {
  id: number;
  group: string;
  externalId: string | null;
  query: string;
}

export async function findCompareInstruction(id: number): Promise<CompareInstructionRow | null> {
  const rows = await prisma().$queryRaw<CompareInstructionRow[]>`select i.id, i."group", i."externalId", i.query from "Instruction" i where i.id = ${id}`;
  return rows[0] ?? null;
}

export interface CompareEvaluationRow {
  id: number;
  treeId: number;
  kind: "pass_rate" | "preference";
  referenceTreeId: number | null;
  label: string | null;
  solvable: string | null;
  passed: boolean | null;
  preference: string | null;
  reason: string | null;
  model: string | null;
  source: string;
  createdAt: Date;
}

/** Judge labels of the trees, newest first. */
export async function listTreeEvaluations(treeIds: number[]): Promise<CompareEvaluationRow[]> {
  return prisma().$queryRaw<CompareEvaluationRow[]>`
    select e.id, e."treeId", e.kind::text as kind, e."referenceTreeId", e.label::text as label, e.solvable, e.passed,
           e.preference::text as preference, e.reason, e.model, e.source, e."createdAt"
    from "Evaluation" e where e."treeId" = any(${treeIds}::int[])
    order by e."createdAt" desc, e.id desc
    limit 200`;
}
