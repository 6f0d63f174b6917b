// Evaluation runs' data: queueing a run with one item per tree (pass rate) or per pair of trees of
// one instruction (preference), what a judge reads of a tree, the judgements written with the
// item's success (fenced by its claim, like every worker write), and the rows reports are made of.
import type { PassJudgement, TreeVerdict } from "@/lib/core/evaluation/pass-rate";
import type { PreferenceResult } from "@/lib/core/evaluation/preference";
import type { PathNodeInput } from "@/lib/core/evaluation/answer";
import type { ComparisonSide, EvaluationTreeFilter } from "@/lib/core/schemas/evaluations";
import { Prisma, prisma } from "../db/client";
import { inRunTransaction } from "../db/run-pool";
import { fenceParams, FENCE_SQL, type ItemFence } from "./run-items";
import { addUsageSql, usageParams, type UsageDelta } from "./run-events";

type Tx = Prisma.TransactionClient;

export interface NewEvaluationRun {
  title: string;
  config: Prisma.InputJsonValue;
  task: string;
  createdById?: number;
  costCapUsd?: number | null;
}

async function insertRun(tx: Tx, r: NewEvaluationRun, label: string): Promise<number> {
  const run = await tx.run.create({
    data: { kind: "evaluate", title: r.title, config: r.config, status: "queued", createdById: r.createdById, costCapUsd: r.costCapUsd ?? null, progressLabel: label },
    select: { id: true },
  });
  return run.id;
}

async function finishQueueing(tx: Tx, r: NewEvaluationRun, runId: number, items: number): Promise<void> {
  await tx.run.update({ where: { id: runId }, data: { progressTotal: items } });
  await tx.$executeRaw`select graphile_worker.add_job(${r.task}::text, json_build_object('runId', ${runId}::int), max_attempts => 1)`;
}

class NothingToEvaluate extends Error {}

const orNull = <T>(p: Promise<T>): Promise<T | null> =>
  p.catch((e: unknown) => {
    if (e instanceof NothingToEvaluate) return null;
    throw e;
  });

function treeConditions(f: { ids?: number[]; run?: number; group?: string; method?: string; model?: string }): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`true`];
  if (f.ids) c.push(Prisma.sql`t.id = any(${f.ids}::int[])`);
  if (f.run !== undefined) c.push(Prisma.sql`t."runId" = ${f.run}`);
  if (f.group !== undefined) c.push(Prisma.sql`t."group" = ${f.group}`);
  if (f.method !== undefined) c.push(Prisma.sql`t.method = ${f.method}::"TreeMethod"`);
  if (f.model !== undefined) c.push(Prisma.sql`t.model = ${f.model}`);
  return Prisma.join(c, " and ");
}

/** A pass-rate run over the trees a filter selects (oldest first); null when none matches. */
export function queuePassRateRun(r: NewEvaluationRun, filter: EvaluationTreeFilter): Promise<{ runId: number; items: number } | null> {
  return orNull(
    prisma().$transaction(async (tx) => {
      const runId = await insertRun(tx, r, "trees");
      const items = await tx.$executeRaw`
        insert into "RunItem" ("runId", key, "instructionId", "treeId")
        select ${runId}, 'tree:' || t.id, t."instructionId", t.id from "Tree" t
        where ${treeConditions(filter)} order by t.id limit ${filter.limit}`;
      if (items === 0) throw new NothingToEvaluate();
      await finishQueueing(tx, r, runId, items);
      return { runId, items };
    }),
  );
}

/**
 * A preference run: for each instruction with a tree on both sides (the latest of each), one item
 * "pair:<candidate>:<reference>"; null when no instruction has both.
 */
export function queuePreferenceRun(
  r: NewEvaluationRun,
  sides: { candidate: ComparisonSide; reference: ComparisonSide; group?: string; limit: number },
): Promise<{ runId: number; items: number } | null> {
  return orNull(
    prisma().$transaction(async (tx) => {
      const runId = await insertRun(tx, r, "pairs");
      const side = (s: ComparisonSide) =>
        Prisma.sql`select distinct on (t."instructionId") t.id, t."instructionId" from "Tree" t
                   where ${treeConditions({ ...s, group: sides.group })} order by t."instructionId", t.id desc`;
      const items = await tx.$executeRaw`
        insert into "RunItem" ("runId", key, "instructionId", "treeId")
        select ${runId}, 'pair:' || c.id || ':' || ref.id, c."instructionId", c.id
        from (${side(sides.candidate)}) c join (${side(sides.reference)}) ref on ref."instructionId" = c."instructionId" and ref.id <> c.id
        order by c."instructionId" limit ${sides.limit}`;
      if (items === 0) throw new NothingToEvaluate();
      await finishQueueing(tx, r, runId, items);
      return { runId, items };
    }),
  );
}

export interface TreeForJudging {
  id: number;
  group: string;
  methodLabel: string;
  query: string;
  functions: unknown[];
  chosenNodeIdx: number | null;
  /** The tree's current pass verdict and its label, if it has one. */
  passed: boolean | null;
  label: "Solved" | "Unsolved" | "Unsure" | null;
  nodes: PathNodeInput[];
}

export async function loadTreeForJudging(treeId: number): Promise<TreeForJudging | null> {
  const rows = await prisma().$queryRaw<Omit<TreeForJudging, "nodes">[]>`
    select t.id, t."group", t."methodLabel", i.query, t.functions, t."chosenNodeIdx", v.passed, v.label::text as label
    from "Tree" t join "Instruction" i on i.id = t."instructionId" left join "TreePassVerdict" v on v."treeId" = t.id
    where t.id = ${treeId}`;
  const row = rows[0];
  if (!row) return null;
  const nodes = await prisma().$queryRaw<PathNodeInput[]>`
    select idx, "parentIdx", type::text as type, text, "functionName", observation from "Node" where "treeId" = ${treeId} order by idx`;
  return { ...row, functions: Array.isArray(row.functions) ? row.functions : [], nodes };
}

export interface JudgementRecord extends PassJudgement {
  model: string;
  costUsd: number;
  details: Record<string, unknown>;
}

/** Ends the item with its judgements and the tree's new verdict; false when the claim was lost. */
export async function writePassRateResult(fence: ItemFence, treeId: number, judgements: readonly JudgementRecord[], verdict: TreeVerdict, usage: UsageDelta): Promise<boolean> {
  return inRunTransaction(async (db) => {
    const owner = await db.query<{ runId: number }>(
      `update "RunItem" set status = 'succeeded', "finishedAt" = now(), error = null, result = $4::jsonb where ${FENCE_SQL} returning "runId"`,
      [...fenceParams(fence), JSON.stringify(verdict)],
    );
    const runId = owner.rows[0]?.runId;
    if (runId === undefined) return false;
    await db.query(
      `insert into "Evaluation" (kind, "treeId", "runId", label, solvable, passed, reason, model, "costUsd", source, details)
       select 'pass_rate', $1, $2, x.label::"PassLabel", x.solvable, x.passed, x.reason, x.model, x.cost, 'judge', x.details::jsonb
       from unnest($3::text[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::numeric[], $9::text[]) as x(label, solvable, passed, reason, model, cost, details)`,
      [
        treeId, runId, judgements.map((j) => j.label), judgements.map((j) => j.solvable), judgements.map((j) => j.passed), judgements.map((j) => j.reason),
        judgements.map((j) => j.model), judgements.map((j) => j.costUsd), judgements.map((j) => JSON.stringify({ outcome: j.outcome, decidedBy: j.decidedBy, ...j.details })),
      ],
    );
    await db.query(
      `insert into "TreePassVerdict" ("treeId", label, passed, "passVotes", judgements, score, "runId", "updatedAt")
       values ($1, $2::"PassLabel", $3, $4, $5, $6, $7, now())
       on conflict ("treeId") do update set label = excluded.label, passed = excluded.passed, "passVotes" = excluded."passVotes",
         judgements = excluded.judgements, score = excluded.score, "runId" = excluded."runId", "updatedAt" = now()`,
      [treeId, verdict.label, verdict.passed, verdict.passVotes, verdict.judgements, verdict.score, runId],
    );
    await db.query(`update "Run" set ${addUsageSql(2)}, "progressDone" = "progressDone" + 1, "heartbeatAt" = now() where id = $1`, [runId, ...usageParams(usage)]);
    return true;
  });
}

/** Ends a pair's item with its preference; false when the claim was lost. */
export async function writePreferenceResult(
  fence: ItemFence,
  pair: { candidateTreeId: number; referenceTreeId: number },
  result: PreferenceResult,
  record: { model: string; costUsd: number },
  usage: UsageDelta,
): Promise<boolean> {
  return inRunTransaction(async (db) => {
    const owner = await db.query<{ runId: number }>(
      `update "RunItem" set status = 'succeeded', "finishedAt" = now(), error = null, result = $4::jsonb where ${FENCE_SQL} returning "runId"`,
      [...fenceParams(fence), JSON.stringify({ preference: result.preference, candidatePoints: result.candidatePoints, referencePoints: result.referencePoints })],
    );
    const runId = owner.rows[0]?.runId;
    if (runId === undefined) return false;
    const reason = result.rounds.map((r, i) => `Round ${i + 1} (${r.first} shown first, ${r.by}): point to the ${r.point}. ${r.reason}`).join("\n");
    await db.query(
      `insert into "Evaluation" (kind, "treeId", "referenceTreeId", "runId", preference, reason, model, "costUsd", source, details)
       values ('preference', $1, $2, $3, $4::"Preference", $5, $6, $7, 'judge', $8::jsonb)`,
      [pair.candidateTreeId, pair.referenceTreeId, runId, result.preference, reason, record.model, record.costUsd, JSON.stringify(result)],
    );
    await db.query(`update "Run" set ${addUsageSql(2)}, "progressDone" = "progressDone" + 1, "heartbeatAt" = now() where id = $1`, [runId, ...usageParams(usage)]);
    return true;
  });
}

export interface PassRateJudgementRow {
  treeId: number;
  group: string;
  labels: ("Solved" | "Unsolved" | "Unsure")[];
  passed: boolean[];
}

/** A pass-rate run's judgements, per tree. */
export async function findPassRateJudgements(runId: number): Promise<PassRateJudgementRow[]> {
  return prisma().$queryRaw<PassRateJudgementRow[]>`
    select e."treeId", t."group", array_agg(e.label::text order by e.id) as labels, array_agg(e.passed order by e.id) as passed
    from "Evaluation" e join "Tree" t on t.id = e."treeId"
    where e."runId" = ${runId} and e.kind = 'pass_rate'
    group by e."treeId", t."group" order by e."treeId"`;
}

export interface PreferenceRow {
  treeId: number;
  referenceTreeId: number;
  group: string;
  preference: "win" | "tie" | "loss";
}

export async function findPreferences(runId: number): Promise<PreferenceRow[]> {
  return prisma().$queryRaw<PreferenceRow[]>`
    select e."treeId", e."referenceTreeId", t."group", e.preference::text as preference
    from "Evaluation" e join "Tree" t on t.id = e."treeId"
    where e."runId" = ${runId} and e.kind = 'preference' order by e.id`;
}

export interface EvaluationRunRow {
  id: number;
  title: string;
  status: string;
  config: unknown;
  createdAt: Date;
  progressDone: number;
  progressTotal: number;
  costUsd: number;
}

export async function listEvaluationRuns(limit: number): Promise<EvaluationRunRow[]> {
  return prisma().$queryRaw<EvaluationRunRow[]>`
    select id, title, status::text as status, config, "createdAt", "progressDone", "progressTotal", "costUsd"::float8 as "costUsd"
    from "Run" where kind = 'evaluate' order by id desc limit ${limit}`;
}

export interface TreeVerdictRow {
  label: "Solved" | "Unsolved" | "Unsure";
  passed: boolean;
  passVotes: number;
  judgements: number;
  score: number;
  runId: number | null;
}

export async function findTreeVerdict(treeId: number): Promise<TreeVerdictRow | null> {
  const rows = await prisma().$queryRaw<TreeVerdictRow[]>`
    select label::text as label, passed, "passVotes", judgements, score, "runId" from "TreePassVerdict" where "treeId" = ${treeId}`;
  return rows[0] ?? null;
}

export interface TreeJudgementRow {
  id: number;
  runId: number | null;
  label: string | null;
  solvable: string | null;
  passed: boolean | null;
  reason: string | null;
  model: string | null;
  costUsd: number | null;
  createdAt: Date;
}

/** A tree's latest pass-rate judgements (newest first). */
export async function findTreeJudgements(treeId: number, limit: number): Promise<TreeJudgementRow[]> {
  return prisma().$queryRaw<TreeJudgementRow[]>`
    select id, "runId", label::text as label, solvable, passed, reason, model, "costUsd"::float8 as "costUsd", "createdAt"
    from "Evaluation" where "treeId" = ${treeId} and kind = 'pass_rate' order by id desc limit ${limit}`;
}

export interface ImportedResultSetRow {
  kind: "pass_rate" | "preference";
  /** what the import wrote as the judge: "ToolEval results (<model>)" or "(<candidate> against <reference>)" */
  model: string;
  labels: number;
  files: number;
  importedAt: Date;
}

/** The labels imported from ToolEval / StableToolBench result files, by kind and model, newest first. */
export async function listImportedResultSets(): Promise<ImportedResultSetRow[]> {
  return prisma().$queryRaw<ImportedResultSetRow[]>`
    select kind::text as kind, model, count(*)::int as labels, count(distinct details->>'file')::int as files, max("createdAt") as "importedAt"
    from "Evaluation" where source = 'imported' and model is not null
    group by kind, model order by max("createdAt") desc, model`;
}

export interface ImportedPassRateRow {
  /** the file's test set (e.g. G1_instruction); the tree's group for rows without one */
  testSet: string;
  passed: boolean;
  labels: ("Solved" | "Unsolved" | "Unsure")[];
}

export async function findImportedPassRates(model: string): Promise<ImportedPassRateRow[]> {
  return prisma().$queryRaw<ImportedPassRateRow[]>`
    select coalesce(e.details->>'testSet', t."group") as "testSet", coalesce(e.passed, false) as passed,
           case when jsonb_typeof(e.details->'labels') = 'array' and jsonb_array_length(e.details->'labels') > 0
                then array(select jsonb_array_elements_text(e.details->'labels'))
                else array[coalesce(e.label::text, 'Unsolved')] end as labels
    from "Evaluation" e join "Tree" t on t.id = e."treeId"
    where e.source = 'imported' and e.kind = 'pass_rate' and e.model = ${model} order by e.id`;
}

export async function findImportedPreferences(model: string): Promise<{ testSet: string; preference: "win" | "tie" | "loss" }[]> {
  return prisma().$queryRaw<{ testSet: string; preference: "win" | "tie" | "loss" }[]>`
    select coalesce(e.details->>'testSet', t."group") as "testSet", e.preference::text as preference
    from "Evaluation" e join "Tree" t on t.id = e."treeId"
    where e.source = 'imported' and e.kind = 'preference' and e.model = ${model} and e.preference is not null order by e.id`;
}
