// Exports: reading the trees of a filter in id order, batch by batch, with their nodes and
// instructions; and the recorded snapshots.
import { outlineNode, withText } from "@/lib/core/export/node-contents";
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

const treeColumns = (functions: boolean) => `
  t.id, t."group", i."externalId", i.query, t.method::text as method, t."methodLabel", t.model, t."validData",
  t."finishType", t."finalAnswerRaw", t."finalAnswer", t."queryCount", t."totalTokens", t.win, t."chosenNodeIdx",
  ${functions ? "t.functions" : "null as functions"}, t."systemPrompt", t."forwardArgs", t."sourceKind", t."reviewStatus"::text as "reviewStatus",
  i."relevantApis", i."sampledApis"`;
const TREE_COLUMNS = treeColumns(true);

const NODE_TUPLE = `json_build_array(n.idx, n."parentIdx", n.position, n.depth, n.type, n.text, n."functionName", n.observation,
  n."observationCode", n.pruned, n.finished, n."isTerminal", n."expandNum", n."childCount", n.meta)`;

const TREES_SQL = `
  select ${TREE_COLUMNS},
         (select json_agg(${NODE_TUPLE} order by n.idx) from "Node" n where n."treeId" = t.id) as nodes
  from "Tree" t join "Instruction" i on i.id = t."instructionId"
  where t.id = any($1::int[])`;

// The trees with their nodes' outlines only, as one short text per tree (numbers are far cheaper to
// write as text than as JSON): per node, in idx order and ";"-separated, "idx,parentIdx,position,
// kind,observationCode" where parentIdx -1 is none, kind is type * 4 + isTerminal * 2 + pruned, and an
// empty observationCode is none.
const NODE_KINDS: readonly NodeType[] = ["Thought", "Action", "ActionInput"];

const outlinedTreesSql = (functions: boolean) => `
  select ${treeColumns(functions)},
         (select string_agg(concat_ws(',', n.idx, coalesce(n."parentIdx", -1), n.position,
                   (case n.type when 'Thought' then 0 when 'Action' then 4 when 'ActionInput' then 8 else 12 end) + n."isTerminal"::int * 2 + n.pruned::int,
                   coalesce(n."observationCode"::text, '')), ';' order by n.idx)
            from "Node" n where n."treeId" = t.id) as outline
  from "Tree" t join "Instruction" i on i.id = t."instructionId"
  where t.id = any($1::int[])`;
const OUTLINED_TREES_SQL = { withFunctions: outlinedTreesSql(true), withoutFunctions: outlinedTreesSql(false) };

/** The outline text back as nodes (outlines, see lib/core/export/node-contents.ts). */
export function parseOutline(text: string | null): ExportNode[] {
  const nodes: ExportNode[] = [];
  if (!text) return nodes;
  const f: (number | null)[] = [null, null, null, null, null];
  let field = 0;
  let value = 0;
  let negative = false;
  let empty = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 59;
    if (c === 44 || c === 59) {
      // "," ends a field; ";" (or the end) ends a node
      if (field < 5) f[field] = empty ? null : negative ? -value : value;
      field++;
      value = 0;
      negative = false;
      empty = true;
      if (c === 44) continue;
      const [idx, parentIdx, position, kind, observationCode] = f as [number | null, number | null, number | null, number | null, number | null];
      const type = kind === null ? undefined : NODE_KINDS[kind >> 2];
      if (field !== 5 || idx === null || parentIdx === null || position === null || kind === null || !type) throw new Error(`Unreadable node outline: ${text.slice(0, 200)}`);
      nodes.push(outlineNode({ idx, parentIdx: parentIdx < 0 ? null : parentIdx, position, type, isTerminal: (kind & 2) !== 0, pruned: (kind & 1) !== 0, observationCode }));
      field = 0;
    } else if (c === 45) negative = true;
    else {
      value = value * 10 + (c - 48);
      empty = false;
    }
  }
  return nodes;
}

// The text of given nodes (what the outline lacks), for many trees at once: per tree, its id and its
// nodes' idxs, which the primary key finds; as plain rows, with no JSON to build or escape.
const NODE_TEXTS_SQL = `
  select n."treeId", n.idx, n.text, n."functionName", n.observation, n."expandNum", n.meta
  from unnest($1::int[], $2::text[]) as k(t, idxs)
  join lateral (select * from "Node" n where n."treeId" = k.t and n.idx = any(k.idxs::int[])) n on true`;

type NodeTextRow = [treeId: number, idx: number, text: string, functionName: string | null, observation: string | null, expandNum: number, meta: unknown];

const toTree = (t: TreeRow, nodes: ExportNode[]): ExportTree => ({
  ...t,
  functions: asArray(t.functions),
  relevantApis: asArray<[string, string]>(t.relevantApis),
  sampledApis: asArray<{ category: string; tool: string; api: string }>(t.sampledApis),
  nodes,
});

/** Rows in the order of `ids` (a tree deleted since its id was read is left out). */
function inIdOrder<T extends { id: number }>(ids: readonly number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: T[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (r) out.push(r);
  }
  return out;
}

/** The trees with these ids, in the order given, with their nodes in pre-order. */
export async function loadExportTrees(ids: number[]): Promise<ExportTree[]> {
  if (ids.length === 0) return [];
  const { rows } = await pool().query<TreeRow & { nodes: NodeTuple[] | null }>(TREES_SQL, [ids]);
  return inIdOrder(ids, rows).map(({ nodes, ...t }) => toTree(t, (nodes ?? []).map(toNode)));
}

/**
 * The trees with these ids, in the order given, with only the nodes `contentOf` names in full: the
 * others are outlines (see lib/core/export/node-contents.ts). `contentOf` is asked with every node
 * outlined. Two reads in all: the trees with their outlines, then the named nodes of every tree.
 * Without `functions`, the trees' function lists are left unread (empty).
 */
export async function loadOutlinedExportTrees(ids: number[], contentOf: (tree: ExportTree) => readonly number[], opts: { functions: boolean }): Promise<ExportTree[]> {
  if (ids.length === 0) return [];
  const sql = opts.functions ? OUTLINED_TREES_SQL.withFunctions : OUTLINED_TREES_SQL.withoutFunctions;
  const { rows } = await pool().query<TreeRow & { outline: string | null }>(sql, [ids]);
  const trees = inIdOrder(ids, rows).map(({ outline, ...t }) => toTree(t, parseOutline(outline)));
  const treeIds: number[] = [];
  const idxLists: string[] = [];
  for (const tree of trees) {
    const idxs = contentOf(tree);
    if (idxs.length === 0) continue;
    treeIds.push(tree.id);
    idxLists.push(`{${idxs.join(",")}}`);
  }
  if (treeIds.length === 0) return trees;
  const loaded = await pool().query<NodeTextRow>({ text: NODE_TEXTS_SQL, values: [treeIds, idxLists], rowMode: "array" });
  const byId = new Map(trees.map((t) => [t.id, t]));
  for (const [treeId, idx, text, functionName, observation, expandNum, meta] of loaded.rows) {
    const nodes = byId.get(treeId)?.nodes;
    const at = nodes?.[idx]?.idx === idx ? idx : (nodes?.findIndex((n) => n.idx === idx) ?? -1);
    if (!nodes || at < 0) continue;
    nodes[at] = withText(nodes[at]!, { text, functionName, observation, expandNum, meta });
  }
  return trees;
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

export interface RunningExport {
  id: number;
  workerId: string | null;
  /** no heartbeat (progress report) for `staleSeconds`, by the database's clock */
  stale: boolean;
}

/** Export runs marked running, with whether their heartbeat went quiet. */
export async function findRunningExports(staleSeconds: number): Promise<RunningExport[]> {
  const { rows } = await pool().query<RunningExport>(
    `select id, "workerId", coalesce("heartbeatAt", "startedAt", "createdAt") < now() - make_interval(secs => $1) as stale
     from "Run" where kind = 'export' and status = 'running'`,
    [staleSeconds],
  );
  return rows;
}

/**
 * Marks export runs failed whose process is gone: `dead` ones (known dead), and `quiet` ones if
 * their heartbeat is still stale (a report since they were read keeps them running). Returns the ids marked.
 */
export async function failAbandonedExports(dead: number[], quiet: number[], staleSeconds: number, error: string): Promise<number[]> {
  if (dead.length === 0 && quiet.length === 0) return [];
  const { rows } = await pool().query<{ id: number }>(
    `update "Run" set status = 'failed', error = $4, message = 'Stopped: the process running this export is gone; nothing was kept',
            "finishedAt" = now()
     where kind = 'export' and status = 'running'
       and (id = any($1::int[]) or (id = any($2::int[]) and coalesce("heartbeatAt", "startedAt", "createdAt") < now() - make_interval(secs => $3)))
     returning id`,
    [dead, quiet, staleSeconds, error],
  );
  return rows.map((r) => r.id);
}

/** What snapshot rows name: the runs they came from and their files' names. */
export async function findRecordedExports(): Promise<{ runIds: Set<number>; fileNames: Set<string> }> {
  const { rows } = await pool().query<{ runId: number | null; path: string | null }>(`select "runId", path from "Export"`);
  const runIds = new Set<number>();
  const fileNames = new Set<string>();
  for (const r of rows) {
    if (r.runId !== null) runIds.add(r.runId);
    if (r.path) fileNames.add(r.path.slice(r.path.lastIndexOf("/") + 1));
  }
  return { runIds, fileNames };
}

/** The user a run was started by (exports record who made them). */
export async function findRunCreator(runId: number): Promise<number | null> {
  const run = await prisma().run.findUnique({ where: { id: runId }, select: { createdById: true } });
  return run?.createdById ?? null;
}
