// Evaluation runs (ToolEval on the worker): starting one, and its report — the pass rate and
// StableToolBench score by group for a pass-rate run, win / tie / loss by group for a preference run;
// and the same reports, by test set, of the labels imported from ToolEval's result files.
import { randomBytes } from "node:crypto";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { decideTree } from "@/lib/core/evaluation/pass-rate";
import { tallyPassRates, tallyPreferences, type GroupTally, type PassTally } from "@/lib/core/evaluation/report";
import type { ComparisonSide, EvaluationRunConfig, importedResultsQuery, startEvaluationRunInput } from "@/lib/core/schemas/evaluations";
import type { z } from "zod";
import {
  findImportedPassRates,
  findImportedPreferences,
  findPassRateJudgements,
  findPreferences,
  findTreeJudgements,
  findTreeVerdict,
  listEvaluationRuns,
  listImportedResultSets,
  queuePassRateRun,
  queuePreferenceRun,
  type ImportedResultSetRow,
} from "../repositories/evaluations";
import { findRun } from "../repositories/runs";
import { describeLlmChoice } from "./llm-endpoints";

export const EVALUATE_TASK = "evaluate_run";

const METHOD_NAMES: Record<string, string> = { dfsdt: "DFSDT", dfs: "DFS", react: "ReACT", other: "other" };

export function describeSide(s: ComparisonSide): string {
  const parts = [s.run !== undefined ? `run #${s.run}` : "", s.method ? METHOD_NAMES[s.method] ?? s.method : "", s.model ?? ""].filter(Boolean);
  return parts.join(" · ");
}

export async function startEvaluationRun(input: z.output<typeof startEvaluationRunInput>, createdById?: number): Promise<{ runId: number; items: number }> {
  const judge = await describeLlmChoice(input.endpointId);
  const model = input.model ?? judge.model;
  const config: EvaluationRunConfig = { ...input, seed: input.seed || randomBytes(6).toString("hex") };
  const base = { config: JSON.parse(JSON.stringify(config)), task: EVALUATE_TASK, createdById, costCapUsd: input.costCapUsd };
  if (input.mode === "pass_rate") {
    const f = input.filter;
    const what = f.run !== undefined ? `run #${f.run}` : [f.group, f.method && METHOD_NAMES[f.method], f.model].filter(Boolean).join(" · ") || "trees";
    const queued = await queuePassRateRun({ ...base, title: input.title || `Pass rate of ${what} judged by ${model}` }, f);
    if (!queued) throw new InvalidInputError("No tree matches these filters");
    return queued;
  }
  const queued = await queuePreferenceRun(
    { ...base, title: input.title || `Win rate of ${describeSide(input.candidate)} against ${describeSide(input.reference)} judged by ${model}` },
    { candidate: input.candidate, reference: input.reference, group: input.group, limit: input.limit },
  );
  if (!queued) throw new InvalidInputError("No instruction has a tree on both sides: choose runs or methods that solved the same instructions");
  return queued;
}

export type EvaluationReport =
  | { runId: number; title: string; status: string; mode: "pass_rate"; judgements: number; groups: PassTally[] }
  | { runId: number; title: string; status: string; mode: "preference"; candidate: string; reference: string; rounds: number; groups: GroupTally[] };

export async function getEvaluationReport(runId: number): Promise<EvaluationReport> {
  const run = await findRun(runId);
  if (!run || run.kind !== "evaluate") throw new NotFoundError(`There is no evaluation run #${runId}`);
  const config = run.config as EvaluationRunConfig;
  const head = { runId, title: run.title, status: run.status };
  if (config.mode === "preference") {
    const rows = await findPreferences(runId);
    return { ...head, mode: "preference", candidate: describeSide(config.candidate), reference: describeSide(config.reference), rounds: config.rounds, groups: tallyPreferences(rows) };
  }
  const trees = await findPassRateJudgements(runId);
  const rows = trees.map((t) => {
    const v = decideTree(t.labels.map((label, i) => ({ label, passed: t.passed[i] ?? false })));
    return { group: t.group, passed: v.passed, score: v.score, label: v.label };
  });
  return { ...head, mode: "pass_rate", judgements: config.judgements, groups: tallyPassRates(rows) };
}

export interface EvaluationRunSummary {
  id: number;
  title: string;
  status: string;
  mode: "pass_rate" | "preference";
  progressDone: number;
  progressTotal: number;
  costUsd: number;
  createdAt: Date;
}

export async function listEvaluationRunSummaries(limit = 50): Promise<EvaluationRunSummary[]> {
  const rows = await listEvaluationRuns(limit);
  return rows.map(({ config, ...r }) => ({ ...r, mode: (config as { mode?: string }).mode === "preference" ? "preference" : "pass_rate" }));
}

/** The imported result files' labels, by kind and model (newest import first). */
export async function listImportedResults(): Promise<ImportedResultSetRow[]> {
  return listImportedResultSets();
}

export type ImportedResultsReport =
  | { kind: "pass_rate"; model: string; groups: PassTally[] }
  | { kind: "preference"; model: string; groups: GroupTally[] };

/**
 * The report of imported labels, by test set (G1_instruction, G1_category, …) as ToolEval's tables
 * give them: pass rate and score from each query's votes and answer statuses, or win / tie / loss.
 */
export async function getImportedResultsReport(q: z.output<typeof importedResultsQuery>): Promise<ImportedResultsReport> {
  if (q.kind === "preference") {
    const rows = await findImportedPreferences(q.model);
    if (rows.length === 0) throw new NotFoundError(`No imported preference results are named "${q.model}"`);
    return { kind: "preference", model: q.model, groups: tallyPreferences(rows.map((r) => ({ group: r.testSet, preference: r.preference }))) };
  }
  const rows = await findImportedPassRates(q.model);
  if (rows.length === 0) throw new NotFoundError(`No imported pass-rate results are named "${q.model}"`);
  const tallied = rows.map((r) => {
    const v = decideTree(r.labels.map((label) => ({ label, passed: true })));
    return { group: r.testSet, passed: r.passed, score: v.score, label: v.label };
  });
  return { kind: "pass_rate", model: q.model, groups: tallyPassRates(tallied) };
}

/** A tree's verdict and latest judgements, for the tree viewer and the review panel. */
export async function getTreeEvaluation(treeId: number) {
  const [verdict, judgements] = await Promise.all([findTreeVerdict(treeId), findTreeJudgements(treeId, 20)]);
  return { verdict, judgements };
}
export type TreeEvaluation = Awaited<ReturnType<typeof getTreeEvaluation>>;
