// One tree read whole for the tree viewer: its row with its instruction, every node as columns (one
// array per field in idx order, built by Postgres so a 10,000-node tree is one row, not 10,000
// objects), and the catalog APIs behind the function names it calls.
import type { NodeType } from "@/lib/core/toolbench/types";
import { prisma } from "../db/client";
import type { TreeSummaryRow } from "./instruction-detail";

/** The instruction page's tree row, with what the viewer needs besides. */
export interface TreeViewRow extends TreeSummaryRow {
  instructionId: number;
  /** the per-step checks found in the tree (lib/core/checks); absent for a tree still being searched */
  checkFlags?: number;
  systemPrompt: string | null;
  functions: unknown;
  /** the pass-rate judge's verdict, when the tree was judged */
  passVerdict?: { label: string; passed: boolean; passVotes: number; judgements: number; score: number } | null;
  instructionGroup: string;
  instructionExternalId: string | null;
  query: string;
}

export async function findTreeForView(id: number): Promise<TreeViewRow | null> {
  const rows = await prisma().$queryRaw<TreeViewRow[]>`
    select t.id, t."instructionId", t."group", t.method::text as method, t."methodLabel", t.model, t."validData", t."finishType",
           t."finalAnswer", t."queryCount", t."totalTokens", t.size, t."maxDepth", t."hallucinatedCount", t."apiErrorCount",
           t."giveUpCount", t."checkFlags", t."chosenNodeIdx", t."chosenBy", t."reviewStatus"::text as "reviewStatus", t.truncated, t."sourceKind",
           t."sourceFile", t."systemPrompt", t.functions,
           (select json_build_object('label', v.label, 'passed', v.passed, 'passVotes', v."passVotes", 'judgements', v.judgements, 'score', v.score)
            from "TreePassVerdict" v where v."treeId" = t.id) as "passVerdict",
           i."group" as "instructionGroup", i."externalId" as "instructionExternalId", i.query
    from "Tree" t join "Instruction" i on i.id = t."instructionId"
    where t.id = ${id}`;
  return rows[0] ?? null;
}

export interface TreeHeadingRow {
  id: number;
  methodLabel: string;
  instructionId: number;
  instructionGroup: string;
  instructionExternalId: string | null;
  /** how many trees the instruction has (the page offers a comparison when there are two or more) */
  instructionTreeCount: number;
}

/** Just enough to title a tree's page (and to know it exists). */
export async function findTreeHeading(id: number): Promise<TreeHeadingRow | null> {
  const rows = await prisma().$queryRaw<TreeHeadingRow[]>`
    select t.id, t."methodLabel", t."instructionId", i."group" as "instructionGroup", i."externalId" as "instructionExternalId",
           (select count(*) from "Tree" o where o."instructionId" = i.id)::int as "instructionTreeCount"
    from "Tree" t join "Instruction" i on i.id = t."instructionId" where t.id = ${id}`;
  return rows[0] ?? null;
}

export interface NodeColumnsRow {
  count: number;
  maxIdx: number;
  parentIdx: (number | null)[];
  type: NodeType[];
  text: string[];
  functionName: (string | null)[];
  observation: (string | null)[];
  observationCode: (number | null)[];
  expandNum: number[];
  /** bit 1 pruned, bit 2 finished, bit 4 is_terminal (NODE_FLAG) */
  flags: number[];
  /** the per-step check bits of each node (lib/core/checks) */
  checks: number[];
}

export async function readNodeColumns(treeId: number): Promise<NodeColumnsRow> {
  const rows = await prisma().$queryRaw<NodeColumnsRow[]>`
    select count(*)::int as count, coalesce(max(n.idx), -1)::int as "maxIdx",
           coalesce(array_agg(n."parentIdx" order by n.idx), '{}') as "parentIdx",
           coalesce(array_agg(n.type::text order by n.idx), '{}') as type,
           coalesce(array_agg(n.text order by n.idx), '{}') as text,
           coalesce(array_agg(n."functionName" order by n.idx), '{}') as "functionName",
           coalesce(array_agg(n.observation order by n.idx), '{}') as observation,
           coalesce(array_agg(n."observationCode" order by n.idx), '{}') as "observationCode",
           coalesce(array_agg(n."expandNum" order by n.idx), '{}') as "expandNum",
           coalesce(array_agg(n.pruned::int | (n.finished::int << 1) | (n."isTerminal"::int << 2) order by n.idx), '{}') as flags,
           coalesce(array_agg(n.checks order by n.idx), '{}') as checks
    from "Node" n where n."treeId" = ${treeId}`;
  return rows[0]!;
}

export interface FunctionApiRow {
  functionName: string;
  apiId: number;
  apiName: string;
  toolName: string;
  categoryName: string;
  requiredParameters: unknown;
  optionalParameters: unknown;
  /** Linked to the instruction (InstructionApi), which decides between APIs sharing a function name. */
  linked: boolean;
}

/** One catalog API per function name: the instruction's own API when it links one, else the oldest. */
export async function findApisForFunctions(instructionId: number, functionNames: string[]): Promise<FunctionApiRow[]> {
  if (functionNames.length === 0) return [];
  return prisma().$queryRaw<FunctionApiRow[]>`
    select distinct on (a."functionName") a."functionName", a.id as "apiId", a.name as "apiName", t.name as "toolName",
           c.name as "categoryName", a."requiredParameters", a."optionalParameters", (ia."apiId" is not null) as linked
    from "Api" a join "Tool" t on t.id = a."toolId" join "Category" c on c.id = t."categoryId"
    left join "InstructionApi" ia on ia."apiId" = a.id and ia."instructionId" = ${instructionId}
    where a."functionName" = any(${functionNames}::text[])
    order by a."functionName", (ia."apiId" is null), a.id`;
}
