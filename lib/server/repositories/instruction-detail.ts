// One instruction with what its detail page shows: the catalog APIs it links to, its trees, and the
// nodes on each tree's chosen path (ancestors of chosenNodeIdx only — never a whole tree).
import type { CatalogApiMatch } from "@/lib/core/toolbench/instruction-apis";
import type { NodeType } from "@/lib/core/toolbench/types";
import { Prisma, prisma } from "../db/client";

export interface InstructionRow {
  id: number;
  group: string;
  externalId: string | null;
  query: string;
  sampledApis: unknown;
  relevantApis: unknown;
  functionNames: string[];
  origin: string;
  sourceFile: string | null;
  /** every file the instruction is in, the first one first */
  sourceFiles: string[];
  generationRunId: number | null;
  treeCount: number;
  createdAt: Date;
}

export async function findInstructionById(id: number): Promise<InstructionRow | null> {
  const rows = await prisma().$queryRaw<InstructionRow[]>`
    select i.id, i."group", i."externalId", i.query, i."sampledApis", i."relevantApis", coalesce(i."functionNames", '{}') as "functionNames",
           i.origin::text as origin, i."sourceFile",
           array(select s."sourceFile" from "InstructionSource" s where s."instructionId" = i.id
                 order by s."sourceFile" is distinct from i."sourceFile", s."sourceFile") as "sourceFiles",
           i."generationRunId",
           (select count(*) from "Tree" t where t."instructionId" = i.id)::int as "treeCount", i."createdAt"
    from "Instruction" i where i.id = ${id}`;
  return rows[0] ?? null;
}

export interface CatalogApiRef extends CatalogApiMatch {
  /** Set for APIs linked through InstructionApi. */
  position: number | null;
}

const apiRefColumns = Prisma.raw(`a.id as "apiId", a.name as "apiName", a."functionName",
  t.name as "toolName", t."standardizedName" as "toolStandardizedName",
  c.name as "categoryName", c."standardizedName" as "categoryStandardizedName"`);

export async function listLinkedApis(instructionId: number): Promise<CatalogApiRef[]> {
  return prisma().$queryRaw<CatalogApiRef[]>`
    select ${apiRefColumns}, ia.position, ia.relevant
    from "InstructionApi" ia join "Api" a on a.id = ia."apiId"
    join "Tool" t on t.id = a."toolId" join "Category" c on c.id = t."categoryId"
    where ia."instructionId" = ${instructionId} order by ia.position, a.id`;
}

/** Catalog APIs by (tool standardized name, API name as written) pairs, in one query. */
export async function findApisByToolAndName(pairs: { toolStandardizedName: string; apiName: string }[]): Promise<CatalogApiRef[]> {
  if (pairs.length === 0) return [];
  const tools = pairs.map((p) => p.toolStandardizedName);
  const apis = pairs.map((p) => p.apiName);
  return prisma().$queryRaw<CatalogApiRef[]>`
    select ${apiRefColumns}, null::int as position, null::boolean as relevant
    from unnest(${tools}::text[], ${apis}::text[]) as p(tool, api)
    join "Tool" t on t."standardizedName" = p.tool
    join "Api" a on a."toolId" = t.id and a.name = p.api
    join "Category" c on c.id = t."categoryId"`;
}

/** Catalog APIs by function name (answer files name functions, not tools and APIs). */
export async function findApisByFunctionName(functionNames: string[]): Promise<CatalogApiRef[]> {
  if (functionNames.length === 0) return [];
  return prisma().$queryRaw<CatalogApiRef[]>`
    select ${apiRefColumns}, null::int as position, null::boolean as relevant
    from "Api" a join "Tool" t on t.id = a."toolId" join "Category" c on c.id = t."categoryId"
    where a."functionName" = any(${functionNames}::text[]) order by a."functionName", a.id`;
}

export interface TreeSummaryRow {
  id: number;
  group: string;
  method: string;
  methodLabel: string;
  model: string | null;
  validData: boolean;
  finishType: string | null;
  finalAnswer: string | null;
  queryCount: number;
  totalTokens: number;
  size: number;
  maxDepth: number;
  hallucinatedCount: number;
  apiErrorCount: number;
  giveUpCount: number;
  chosenNodeIdx: number | null;
  chosenBy: string | null;
  reviewStatus: string;
  truncated: boolean;
  sourceKind: string;
  sourceFile: string | null;
}

export async function listTreesOfInstruction(instructionId: number): Promise<TreeSummaryRow[]> {
  return prisma().$queryRaw<TreeSummaryRow[]>`
    select t.id, t."group", t.method::text as method, t."methodLabel", t.model, t."validData", t."finishType", t."finalAnswer",
           t."queryCount", t."totalTokens", t.size, t."maxDepth", t."hallucinatedCount", t."apiErrorCount", t."giveUpCount",
           t."chosenNodeIdx", t."chosenBy", t."reviewStatus"::text as "reviewStatus", t.truncated, t."sourceKind", t."sourceFile"
    from "Tree" t where t."instructionId" = ${instructionId} order by t.id`;
}

export interface PathNodeRow {
  treeId: number;
  idx: number;
  parentIdx: number | null;
  depth: number;
  type: NodeType;
  text: string;
  functionName: string | null;
  observation: string | null;
  observationCode: number | null;
}

/**
 * The nodes on the chosen path of every listed tree, walking parentIdx up from chosenNodeIdx by
 * primary key; ordered by tree, then idx (pre-order, so root first).
 */
export async function listChosenPathNodes(treeIds: number[]): Promise<PathNodeRow[]> {
  if (treeIds.length === 0) return [];
  return prisma().$queryRaw<PathNodeRow[]>`
    with recursive path as (
      select n."treeId", n.idx, n."parentIdx", 0 as hops
      from "Tree" t join "Node" n on n."treeId" = t.id and n.idx = t."chosenNodeIdx"
      where t.id = any(${treeIds}::int[])
      union all
      select n."treeId", n.idx, n."parentIdx", p.hops + 1
      from path p join "Node" n on n."treeId" = p."treeId" and n.idx = p."parentIdx"
      where p.hops < 10000
    )
    select n."treeId", n.idx, n."parentIdx", n.depth, n.type::text as type, n.text, n."functionName", n.observation, n."observationCode"
    from path p join "Node" n on n."treeId" = p."treeId" and n.idx = p.idx
    order by n."treeId", n.idx`;
}
