// Exports: the ids of a filter's trees in id order, batch by batch (their contents: export-trees.ts);
// and the recorded snapshots.
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
