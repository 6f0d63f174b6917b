// Exports: reading the trees of a filter in id order, batch by batch, with their nodes and
// instructions; and the recorded snapshots.
import type { ExportNode, ExportTree } from "@/lib/core/export/types";
import type { NodeType } from "@/lib/core/toolbench/types";
import { Prisma, prisma } from "../db/client";
import { pool } from "../db/pool";
import { treeListCondition, type TreeListQuery } from "./tree-list";

/** The next `limit` matching tree ids after `afterId`, ascending (keyset paging keeps every read cheap). */
export async function findExportTreeIds(q: TreeListQuery, afterId: number, limit: number): Promise<number[]> {
  const rows = await prisma().$queryRaw<{ id: number }[]>`
    select t.id from "Tree" t where ${treeListCondition(q)} and t.id > ${afterId} order by t.id limit ${limit}`;
  return rows.map((r) => r.id);
}

/** How many trees match (exactly). */
export async function countExportTrees(q: TreeListQuery): Promise<number> {
  const rows = await prisma().$queryRaw<{ n: number }[]>`select count(*)::int as n from "Tree" t where ${treeListCondition(q)}`;
  return rows[0]?.n ?? 0;
}

/** A tree row as read, before its JSON columns are checked for shape. */
type TreeRow = Omit<ExportTree, "functions" | "relevantApis" | "sampledApis" | "nodes"> & { functions: unknown; relevantApis: unknown; sampledApis: unknown };

// A node as one JSON array, built in SQL: parsing one JSON value per tree (natively) is far cheaper
// than decoding a row per node field by field.
type NodeTuple = [
  idx: number, parentIdx: number | null, position: number, depth: number, type: NodeType, text: string, functionName: string | null,
  observation: string | null, observationCode: number | null, pruned: boolean, finished: boolean, isTerminal: boolean, expandNum: number,
  childCount: number, meta: unknown,
];

function toNode(r: NodeTuple): ExportNode {
  const [idx, parentIdx, position, depth, type, text, functionName, observation, observationCode, pruned, finished, isTerminal, expandNum, childCount, meta] = r;
  const node: ExportNode = { idx, parentIdx, position, depth, type, text, pruned, finished, isTerminal, expandNum, childCount };
  if (functionName !== null) node.functionName = functionName;
  if (observation !== null) node.observation = observation;
  if (observationCode !== null) node.observationCode = observationCode;
  if (meta !== null && typeof meta === "object") node.meta = meta as Record<string, unknown>;
  return node;
}

const asArray = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

const TREES_SQL = `
  select t.id, t."group", i."externalId", i.query, t.method::text as method, t."methodLabel", t.model, t."validData",
         t."finishType", t."finalAnswerRaw", t."finalAnswer", t."queryCount", t."totalTokens", t.win, t."chosenNodeIdx",
         t.functions, t."systemPrompt", t."forwardArgs", t."sourceKind", t."reviewStatus"::text as "reviewStatus",
         i."relevantApis", i."sampledApis",
         (select json_agg(json_build_array(n.idx, n."parentIdx", n.position, n.depth, n.type, n.text, n."functionName", n.observation,
                   n."observationCode", n.pruned, n.finished, n."isTerminal", n."expandNum", n."childCount", n.meta) order by n.idx)
            from "Node" n where n."treeId" = t.id) as nodes
  from "Tree" t join "Instruction" i on i.id = t."instructionId"
  where t.id = any($1::int[])`;

/** The trees with these ids, in the order given, with their nodes in pre-order. */
export async function loadExportTrees(ids: number[]): Promise<ExportTree[]> {
  if (ids.length === 0) return [];
  const { rows } = await pool().query<TreeRow & { nodes: NodeTuple[] | null }>(TREES_SQL, [ids]);
  const byId = new Map(rows.map((t) => [t.id, t]));
  const out: ExportTree[] = [];
  for (const id of ids) {
    const t = byId.get(id);
    if (!t) continue; // deleted since its id was read
    out.push({
      ...t,
      functions: asArray(t.functions),
      relevantApis: asArray<[string, string]>(t.relevantApis),
      sampledApis: asArray<{ category: string; tool: string; api: string }>(t.sampledApis),
      nodes: (t.nodes ?? []).map(toNode),
    });
  }
  return out;
}

export interface ExportRow {
  id: number;
  runId: number | null;
  format: string;
  filter: unknown;
  count: number;
  bytes: number;
  contentHash: string | null;
  path: string | null;
  createdById: number | null;
  createdByName: string | null;
  createdAt: Date;
}

const exportSelect = {
  id: true, runId: true, format: true, filter: true, count: true, bytes: true, contentHash: true, path: true, createdById: true, createdAt: true,
  createdBy: { select: { name: true } },
} as const;

type ExportRecord = Prisma.ExportGetPayload<{ select: typeof exportSelect }>;

const toExportRow = ({ createdBy, bytes, ...r }: ExportRecord): ExportRow => ({ ...r, bytes: Number(bytes), createdByName: createdBy?.name ?? null });

export async function insertExport(e: { runId: number | null; format: string; filter: Prisma.InputJsonValue; count: number; bytes: number; contentHash: string; path: string; createdById: number | null }): Promise<number> {
  const row = await prisma().export.create({ data: { ...e, bytes: BigInt(e.bytes) }, select: { id: true } });
  return row.id;
}

export async function listExportRows(limit: number): Promise<ExportRow[]> {
  const rows = await prisma().export.findMany({ orderBy: { id: "desc" }, take: limit, select: exportSelect });
  return rows.map(toExportRow);
}

export async function findExportRow(id: number): Promise<ExportRow | null> {
  const row = await prisma().export.findUnique({ where: { id }, select: exportSelect });
  return row && toExportRow(row);
}

/** The user a run was started by (exports record who made them). */
export async function findRunCreator(runId: number): Promise<number | null> {
  const run = await prisma().run.findUnique({ where: { id: runId }, select: { createdById: true } });
  return run?.createdById ?? null;
}
