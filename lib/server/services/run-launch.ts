// Starting, retrying and listing generation and solve runs (the web app's side; workers run them).
// A run is queued with its items and its job in one transaction; its config is what workers read.
import { randomBytes } from "node:crypto";
import { createRng, sampleApis } from "@/lib/core/generation";
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import type { startGenerationRunInput, startSolveRunInput, GenerationRunConfig, SolveRunConfig } from "@/lib/core/schemas/runs";
import type { z } from "zod";
import { loadSamplingCatalog } from "../repositories/generated-instructions";
import { queueRunWithItems, queueSolveRun, requeueRun } from "../repositories/run-queue";
import { findRun, listRuns, type RunView } from "../repositories/runs";

type RunKind = RunView["kind"];
import { batchKey } from "./generate-batch";
import { EVALUATE_TASK } from "./evaluation-runs";
import { describeLlmChoice } from "./llm-endpoints";
import { availableRetrievalMethods } from "./retrieval";

export const SOLVE_TASK = "solve_run";
export const GENERATE_TASK = "generate_instructions";

const taskOf = (kind: RunKind) => (kind === "solve" ? SOLVE_TASK : kind === "generate_instructions" ? GENERATE_TASK : kind === "evaluate" ? EVALUATE_TASK : undefined);
const newSeed = () => randomBytes(6).toString("hex");
const METHOD_NAMES = { dfsdt: "DFSDT", react: "ReACT" } as const;

export async function startSolveRun(input: z.output<typeof startSolveRunInput>, createdById?: number): Promise<{ runId: number; items: number }> {
  const llm = await describeLlmChoice(input.endpointId);
  if (input.apis === "retrieved" && !(await availableRetrievalMethods()).methods.includes(input.retrieval)) {
    throw new InvalidInputError("Retrieval by embeddings needs the catalog embedded: choose an embedding model on the Settings page and embed the catalog, or retrieve with BM25");
  }
  if (input.executors.includes("simulated") && input.simulatorEndpointId !== undefined && input.simulatorEndpointId !== null) await describeLlmChoice(input.simulatorEndpointId);
  const model = input.model ?? llm.model;
  const config: SolveRunConfig = { ...input, seed: input.seed || newSeed() };
  const { ids, limit, q, group, category, tool, source, run, hasTree } = input.filter;
  const queued = await queueSolveRun(
    {
      kind: "solve",
      title: input.title || `${METHOD_NAMES[input.method]} with ${model} (${input.executors.join(" → ")})`,
      config: JSON.parse(JSON.stringify(config)),
      task: SOLVE_TASK,
      createdById,
      costCapUsd: input.costCapUsd,
    },
    {
      query: { text: q || undefined, group, categoryStandardizedName: category, toolId: tool, sourceFile: source, generationRunId: run, hasTree: hasTree === undefined ? undefined : hasTree === "yes" },
      ids,
      limit,
    },
  );
  if (!queued) throw new InvalidInputError("No instruction matches these filters (an instruction needs its APIs in the catalog to be solved)");
  return queued;
}

const GROUPS = { I1: "G1", I2: "G2", I3: "G3" } as const;

export async function startGenerationRun(input: z.output<typeof startGenerationRunInput>, createdById?: number): Promise<{ runId: number; items: number }> {
  const llm = await describeLlmChoice(input.endpointId);
  const config: GenerationRunConfig = { ...input, seed: input.seed || newSeed() };
  // a strategy the catalog cannot serve (no collection for I3, one tool for I2…) is refused now, not in the worker
  const catalog = await loadSamplingCatalog(input.categories);
  if (catalog.length === 0) throw new InvalidInputError(input.categories?.length ? "These categories have no APIs" : "The catalog has no APIs yet: import tools or instructions first");
  sampleApis(GROUPS[input.strategy], catalog, createRng(config.seed));
  const batches = Math.ceil(input.count / input.perCall);
  const runId = await queueRunWithItems(
    {
      kind: "generate_instructions",
      title: input.title || `${input.strategy} instructions with ${input.model ?? llm.model}`,
      config: JSON.parse(JSON.stringify(config)),
      task: GENERATE_TASK,
      createdById,
      costCapUsd: input.costCapUsd,
    },
    Array.from({ length: batches }, (_, i) => batchKey(i)),
  );
  return { runId, items: batches };
}

/** Queues a finished run's failed and skipped items again (interrupted ones resume where they stopped). */
export async function retryRun(runId: number, costCapUsd: number | null | undefined): Promise<{ items: number }> {
  const run = await findRun(runId);
  if (!run) throw new NotFoundError(`There is no run #${runId}`);
  const task = taskOf(run.kind);
  if (!task) throw new InvalidInputError(`Runs of kind ${run.kind} cannot be retried here`);
  if (run.status === "queued" || run.status === "running") throw new InvalidInputError("The run is still going: cancel it or wait for it to end before retrying");
  const items = await requeueRun(runId, task, costCapUsd);
  if (items === 0) throw new InvalidInputError("Every item of this run succeeded: there is nothing to retry");
  return { items };
}

export function listRecentRuns(kind: RunKind | undefined, limit: number): Promise<RunView[]> {
  return listRuns(kind, limit);
}
