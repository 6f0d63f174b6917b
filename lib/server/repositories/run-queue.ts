// Queueing generation and solve runs: the run, its items and its job are inserted in one
// transaction (the run row is the job), and a retry puts items back with a new job the same way.
import { Prisma, prisma } from "../db/client";
import type { RunKind } from "../db/generated/enums";
import { whereClause, type InstructionQuery } from "./instructions";

type Tx = Prisma.TransactionClient;

async function addJob(tx: Tx, task: string, runId: number): Promise<void> {
  await tx.$executeRaw`select graphile_worker.add_job(${task}::text, json_build_object('runId', ${runId}::int), max_attempts => 1)`;
}

interface NewRun {
  kind: RunKind;
  title: string;
  config: Prisma.InputJsonValue;
  task: string;
  createdById?: number;
  costCapUsd?: number | null;
}

async function insertRun(tx: Tx, r: NewRun, label: string): Promise<number> {
  const run = await tx.run.create({
    data: { kind: r.kind, title: r.title, config: r.config, status: "queued", createdById: r.createdById, costCapUsd: r.costCapUsd ?? null, progressLabel: label },
    select: { id: true },
  });
  return run.id;
}

async function setTotal(tx: Tx, runId: number, total: number): Promise<void> {
  await tx.run.update({ where: { id: runId }, data: { progressTotal: total } });
}

/**
 * A solve run over the instructions a filter selects (at most `limit`, oldest first), one item per
 * instruction. Only instructions with APIs in the catalog are taken. Returns 0 items (and no run)
 * when nothing matches.
 */
export async function queueSolveRun(r: NewRun, filter: { query: Omit<InstructionQuery, "offset" | "limit">; ids?: number[]; limit: number }): Promise<{ runId: number; items: number } | null> {
  return prisma().$transaction(async (tx) => {
    const runId = await insertRun(tx, r, "instructions");
    const where = whereClause({ ...filter.query, offset: 0, limit: filter.limit });
    const ids = filter.ids ? Prisma.sql`and i.id = any(${filter.ids}::int[])` : Prisma.empty;
    const joiner = where === Prisma.empty ? Prisma.sql`where true` : where;
    const items = await tx.$executeRaw`
      insert into "RunItem" ("runId", key, "instructionId")
      select ${runId}, 'instruction:' || i.id, i.id from "Instruction" i
      ${joiner} ${ids} and exists (select 1 from "InstructionApi" ia where ia."instructionId" = i.id)
      order by i.id limit ${filter.limit}`;
    if (items === 0) throw new NothingToRun();
    await setTotal(tx, runId, items);
    await addJob(tx, r.task, runId);
    return { runId, items };
  }).catch((e: unknown) => {
    if (e instanceof NothingToRun) return null;
    throw e;
  });
}

class NothingToRun extends Error {}

/** A run whose items are given by key (e.g. the batches of a generation run). */
export async function queueRunWithItems(r: NewRun, keys: string[]): Promise<number> {
  return prisma().$transaction(async (tx) => {
    const runId = await insertRun(tx, r, "batches");
    await tx.runItem.createMany({ data: keys.map((key) => ({ runId, key })) });
    await setTotal(tx, runId, keys.length);
    await addJob(tx, r.task, runId);
    return runId;
  });
}

/**
 * Puts a finished run's unsucceeded items (failed, or skipped by a cancel or the cost cap) back in
 * the queue, with a new job, and optionally a new cost cap. Items keep their events: one that was
 * interrupted resumes where it stopped. Returns how many items were queued again (0: nothing to do).
 */
export async function requeueRun(runId: number, task: string, costCapUsd: number | null | undefined): Promise<number> {
  return prisma().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string }[]>`select status::text as status from "Run" where id = ${runId} for update`;
    const status = locked[0]?.status;
    if (status === undefined || status === "queued" || status === "running") return 0;
    const again = await tx.$executeRaw`
      update "RunItem" set status = 'pending', error = null, "claimedBy" = null, "heartbeatAt" = null, "finishedAt" = null
      where "runId" = ${runId} and status in ('failed', 'skipped', 'pending', 'running')`;
    if (again === 0) return 0;
    await tx.run.update({
      where: { id: runId },
      data: {
        status: "queued", cancelRequested: false, error: null, finishedAt: null,
        message: `Retrying ${again} item${again === 1 ? "" : "s"}`,
        ...(costCapUsd !== undefined ? { costCapUsd } : {}),
      },
    });
    await tx.$executeRaw`update "Run" r set "progressDone" = s.done, "progressFailed" = 0
      from (select count(*) filter (where status = 'succeeded')::int as done from "RunItem" where "runId" = ${runId}) s where r.id = ${runId}`;
    await addJob(tx, task, runId);
    return again;
  });
}
