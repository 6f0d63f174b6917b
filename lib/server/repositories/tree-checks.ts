// Reading trees whole for the per-step checks, and writing back what changed (for trees stored
// before the checks existed, or after the checks themselves change).
import type { NodeType } from "@/lib/core/toolbench/types";
import { pool } from "../db/pool";

export interface TreeForChecksRow {
  id: number;
  functions: unknown;
  finalAnswer: string | null;
  truncated: boolean;
  checkFlags: number;
  parentIdx: (number | null)[];
  type: NodeType[];
  text: string[];
  functionName: (string | null)[];
  observationCode: (number | null)[];
  checks: number[];
}

/** Up to `limit` trees with ids above `afterId`, in id order, each with its nodes as columns. */
export async function readTreesForChecks(afterId: number, limit: number): Promise<TreeForChecksRow[]> {
  const r = await pool().query<TreeForChecksRow>(
    `select t.id, t.functions, t."finalAnswer", t.truncated, t."checkFlags",
            coalesce(n."parentIdx", '{}') as "parentIdx", coalesce(n.type, '{}') as type, coalesce(n.text, '{}') as text,
            coalesce(n."functionName", '{}') as "functionName", coalesce(n."observationCode", '{}') as "observationCode", coalesce(n.checks, '{}') as checks
     from (select id from "Tree" where id > $1 order by id limit $2) ids
     join "Tree" t on t.id = ids.id
     cross join lateral (
       select array_agg(x."parentIdx" order by x.idx) as "parentIdx", array_agg(x.type::text order by x.idx) as type,
              array_agg(x.text order by x.idx) as text, array_agg(x."functionName" order by x.idx) as "functionName",
              array_agg(x."observationCode" order by x.idx) as "observationCode", array_agg(x.checks order by x.idx) as checks
       from "Node" x where x."treeId" = t.id) n
     order by t.id`,
    [afterId, limit],
  );
  return r.rows;
}

export interface ChecksUpdate {
  treeId: number;
  checkFlags: number;
  /** only the nodes whose bits change */
  nodes: { idx: number; checks: number }[];
}

/** Writes changed check bits, all in one transaction. */
export async function writeChecks(updates: ChecksUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const db = await pool().connect();
  try {
    await db.query("begin");
    const nodes = updates.flatMap((u) => u.nodes.map((n) => ({ treeId: u.treeId, ...n })));
    if (nodes.length > 0) {
      await db.query(
        `update "Node" n set checks = x.checks from unnest($1::int[], $2::int[], $3::int[]) as x("treeId", idx, checks)
         where n."treeId" = x."treeId" and n.idx = x.idx`,
        [nodes.map((n) => n.treeId), nodes.map((n) => n.idx), nodes.map((n) => n.checks)],
      );
    }
    await db.query(
      `update "Tree" t set "checkFlags" = x.flags from unnest($1::int[], $2::int[]) as x(id, flags) where t.id = x.id and t."checkFlags" <> x.flags`,
      [updates.map((u) => u.treeId), updates.map((u) => u.checkFlags)],
    );
    await db.query("commit");
  } catch (err) {
    await db.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    db.release();
  }
}
