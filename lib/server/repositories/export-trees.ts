// Reading export trees by id: the trees with their instructions, and their nodes in full or as
// outlines plus the few nodes a format reads. Plain node-postgres on a pool the caller gives, so
// export worker threads load it without the Prisma client or the app's settings.
import { withText } from "@/lib/core/export/node-contents";
import { parseOutline } from "@/lib/core/export/outline";
import type { ExportNode, ExportTree } from "@/lib/core/export/types";
import type { NodeType } from "@/lib/core/toolbench/types";
import type pg from "pg";

/** What the reads run on: the app's pool, or an export worker's own. */
export type Queryable = Pick<pg.Pool, "query">;

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

// The trees with their nodes' outlines only (lib/core/export/outline.ts): the one stored with the
// tree, or for a tree stored without one, the same text built from its nodes.
/** A tree's outline built from its nodes, as `nodeOutline` writes it (`t` is the tree). */
export const OUTLINE_FROM_NODES_SQL = `(select string_agg(concat_ws(',', n.idx, coalesce(n."parentIdx", -1), n.position,
    (case n.type when 'Thought' then 0 when 'Action' then 4 when 'ActionInput' then 8 else 12 end) + n."isTerminal"::int * 2 + n.pruned::int,
    coalesce(n."observationCode"::text, '')), ';' order by n.idx)
  from "Node" n where n."treeId" = t.id)`;

const outlinedTreesSql = (functions: boolean) => `
  select ${treeColumns(functions)},
         coalesce(t.outline, ${OUTLINE_FROM_NODES_SQL}) as outline
  from "Tree" t join "Instruction" i on i.id = t."instructionId"
  where t.id = any($1::int[])`;
const OUTLINED_TREES_SQL = { withFunctions: outlinedTreesSql(true), withoutFunctions: outlinedTreesSql(false) };

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
export async function loadExportTrees(db: Queryable, ids: number[]): Promise<ExportTree[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<TreeRow & { nodes: NodeTuple[] | null }>(TREES_SQL, [ids]);
  return inIdOrder(ids, rows).map(({ nodes, ...t }) => toTree(t, (nodes ?? []).map(toNode)));
}

/**
 * The trees with these ids, in the order given, with only the nodes `contentOf` names in full: the
 * others are outlines (see lib/core/export/node-contents.ts). `contentOf` is asked with every node
 * outlined. Two reads in all: the trees with their outlines, then the named nodes of every tree.
 * Without `functions`, the trees' function lists are left unread (empty).
 */
export async function loadOutlinedExportTrees(db: Queryable, ids: number[], contentOf: (tree: ExportTree) => readonly number[], opts: { functions: boolean }): Promise<ExportTree[]> {
  if (ids.length === 0) return [];
  const sql = opts.functions ? OUTLINED_TREES_SQL.withFunctions : OUTLINED_TREES_SQL.withoutFunctions;
  const { rows } = await db.query<TreeRow & { outline: string | null }>(sql, [ids]);
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
  const loaded = await db.query<NodeTextRow>({ text: NODE_TEXTS_SQL, values: [treeIds, idxLists], rowMode: "array" });
  const byId = new Map(trees.map((t) => [t.id, t]));
  for (const [treeId, idx, text, functionName, observation, expandNum, meta] of loaded.rows) {
    const nodes = byId.get(treeId)?.nodes;
    const at = nodes?.[idx]?.idx === idx ? idx : (nodes?.findIndex((n) => n.idx === idx) ?? -1);
    if (!nodes || at < 0) continue;
    nodes[at] = withText(nodes[at]!, { text, functionName, observation, expandNum, meta });
  }
  return trees;
}
