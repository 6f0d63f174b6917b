// Runs: the row is the job. A run is inserted with its job in one transaction, claimed by a worker
// with a compare-and-set, and reports its progress on its own row.
import { prisma, Prisma } from "../db/client";
import type { RunKind, RunStatus } from "../db/generated/enums";

export interface RunView {
  id: number;
  kind: RunKind;
  status: RunStatus;
  title: string;
  config: unknown;
  progressDone: number;
  progressTotal: number;
  progressFailed: number;
  progressLabel: string | null;
  message: string | null;
  error: string | null;
  result: unknown;
  cancelRequested: boolean;
  llmCalls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  costCapUsd: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const runSelect = {
  id: true, kind: true, status: true, title: true, config: true, progressDone: true, progressTotal: true,
  progressFailed: true, progressLabel: true, message: true, error: true, result: true, cancelRequested: true,
  llmCalls: true, promptTokens: true, completionTokens: true, costUsd: true, costCapUsd: true,
  createdAt: true, startedAt: true, finishedAt: true,
} as const;

type RunRow = Prisma.RunGetPayload<{ select: typeof runSelect }>;

/** Counters as plain numbers (BigInt and Decimal do not survive JSON). */
function toRunView(r: RunRow): RunView {
  return {
    ...r,
    promptTokens: Number(r.promptTokens),
    completionTokens: Number(r.completionTokens),
    costUsd: Number(r.costUsd),
    costCapUsd: r.costCapUsd === null ? null : Number(r.costCapUsd),
  };
}

/** Inserts a run and, in the same transaction, its job: either both exist or neither does. */
export async function createQueuedRun(input: { kind: RunKind; title: string; config: Prisma.InputJsonValue; task: string; createdById?: number }): Promise<number> {
  return prisma().$transaction(async (tx) => {
    const run = await tx.run.create({
      data: { kind: input.kind, title: input.title, config: input.config, status: "queued", createdById: input.createdById },
      select: { id: true },
    });
    await tx.$executeRaw`select graphile_worker.add_job(${input.task}::text, json_build_object('runId', ${run.id}::int), max_attempts => 1)`;
    return run.id;
  });
}

/** A run started in this process (the CLI), not through the queue. */
export async function createRunningRun(input: { kind: RunKind; title: string; config: Prisma.InputJsonValue; workerId: string }): Promise<number> {
  const run = await prisma().run.create({
    data: { kind: input.kind, title: input.title, config: input.config, status: "running", startedAt: new Date(), heartbeatAt: new Date(), workerId: input.workerId },
    select: { id: true },
  });
  return run.id;
}

/** Compare-and-set queued → running; false when another worker got it first or it was cancelled. */
export async function claimRun(id: number, workerId: string): Promise<boolean> {
  const r = await prisma().run.updateMany({
    where: { id, status: "queued" },
    data: { status: "running", workerId, startedAt: new Date(), heartbeatAt: new Date() },
  });
  return r.count === 1;
}

export async function reportRunProgress(
  id: number,
  p: { done: number; total: number; failed: number; label?: string; message?: string; result?: Prisma.InputJsonValue },
): Promise<{ cancelRequested: boolean }> {
  const run = await prisma().run.update({
    where: { id },
    data: {
      progressDone: p.done,
      progressTotal: p.total,
      progressFailed: p.failed,
      progressLabel: p.label,
      message: p.message,
      result: p.result,
      heartbeatAt: new Date(),
    },
    select: { cancelRequested: true },
  });
  return run;
}

export async function finishRun(
  id: number,
  f: { status: Extract<RunStatus, "succeeded" | "failed" | "cancelled">; result?: Prisma.InputJsonValue; error?: string; message?: string },
): Promise<void> {
  await prisma().run.update({
    where: { id },
    data: { status: f.status, result: f.result, error: f.error, message: f.message, finishedAt: new Date(), heartbeatAt: new Date() },
  });
}

export async function requestRunCancel(id: number): Promise<boolean> {
  const r = await prisma().run.updateMany({ where: { id, status: { in: ["queued", "running"] } }, data: { cancelRequested: true } });
  // a queued run that no worker has claimed yet is cancelled at once
  await prisma().run.updateMany({ where: { id, status: "queued" }, data: { status: "cancelled", finishedAt: new Date() } });
  return r.count === 1;
}

export async function findRun(id: number): Promise<RunView | null> {
  const r = await prisma().run.findUnique({ where: { id }, select: runSelect });
  return r && toRunView(r);
}

/** The latest runs, of one kind or (no kind) of every kind. */
export async function listRuns(kind: RunKind | undefined, limit: number): Promise<RunView[]> {
  const rows = await prisma().run.findMany({ where: kind ? { kind } : {}, orderBy: { id: "desc" }, take: limit, select: runSelect });
  return rows.map(toRunView);
}
