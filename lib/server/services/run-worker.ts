// Working on a run (generation or solve) in a worker process: claim its items one at a time, a few
// at once, until none is left; then end the run if nothing else is in progress. Several workers —
// in this process through the queue and the scout, or in other processes — share a run's items.
// While it works, a heartbeat tells the others this process is alive (worker-liveness.ts).
import { LlmError, RunCancelledError } from "@/lib/core/generation/errors";
import type { EvaluationRunConfig } from "@/lib/core/schemas/evaluations";
import type { GenerationRunConfig, SolveRunConfig } from "@/lib/core/schemas/runs";
import { env } from "../env";
import { isEndpointMisconfigured } from "../llm/llm-errors";
import { loadSamplingCatalog, sumBatchResults, type SamplingApi } from "../repositories/generated-instructions";
import { failRun, finalizeRunIfIdle } from "../repositories/run-finish";
import { claimNextItem, endItemWithoutResult, markRunRunning, readRunControl, releaseItem, type ClaimedItem, type RunControl } from "../repositories/run-items";
import { loadRealHttpSettings } from "./executor-settings";
import { generateBatch, type GenerationSetup } from "./generate-batch";
import { evaluateItem, type EvaluationSetup } from "./evaluate-item";
import { ClaimLostError, WorkerStoppingError, type ItemSignals } from "./item-event-log";
import { resolveLlmEndpoint } from "./llm-endpoints";
import { solveItem, type SolveSetup } from "./solve-item";
import { keepAlive } from "./worker-liveness";

type Setup = ({ kind: "solve" } & SolveSetup) | ({ kind: "generate_instructions" } & GenerationSetup) | ({ kind: "evaluate" } & EvaluationSetup);

const holder = globalThis as unknown as { __arborActiveRuns?: Map<number, Promise<void>>; __arborShutdown?: AbortController };
const active = (holder.__arborActiveRuns ??= new Map());
const shutdown = () => (holder.__arborShutdown ??= new AbortController());

/**
 * Stops taking items and gives the ones in progress back to the queue after their current step
 * (another worker resumes them from their events); resolves when this process holds none.
 */
export async function stopWorkingOnRuns(): Promise<void> {
  shutdown().abort();
  await Promise.allSettled([...active.values()]);
}

const staleSeconds = () => env().ARBOR_RUN_ITEM_TIMEOUT_SECONDS;
const log = (line: string) => console.log(`[worker] ${line}`);

/** Works on a run until it has nothing left for this process; joins the work already under way here. */
export function workOnRun(runId: number, workerId: string): Promise<void> {
  const running = active.get(runId);
  if (running) return running;
  const stopBeating = keepAlive(workerId);
  const work = drainRun(runId, workerId).finally(() => {
    active.delete(runId);
    stopBeating();
  });
  active.set(runId, work);
  return work;
}

/** Runs this process is working on. */
export const activeRunIds = (): number[] => [...active.keys()];

async function prepare(runId: number, control: RunControl): Promise<Setup> {
  if (control.kind === "solve") {
    const config = control.config as SolveRunConfig;
    const solver = await resolveLlmEndpoint(config.endpointId, { model: config.model, temperature: config.temperature });
    const simulator = config.simulatorEndpointId === undefined || config.simulatorEndpointId === config.endpointId ? solver : await resolveLlmEndpoint(config.simulatorEndpointId);
    return { kind: "solve", runId, config, solver, simulator, http: await loadRealHttpSettings() };
  }
  if (control.kind === "generate_instructions") {
    const config = control.config as GenerationRunConfig;
    let catalog: Promise<SamplingApi[]> | undefined;
    return {
      kind: "generate_instructions",
      runId,
      config,
      generator: await resolveLlmEndpoint(config.endpointId, { model: config.model, temperature: config.temperature }),
      catalog: () => (catalog ??= loadSamplingCatalog(config.categories)),
    };
  }
  if (control.kind === "evaluate") {
    const config = control.config as EvaluationRunConfig;
    return { kind: "evaluate", runId, config, judge: await resolveLlmEndpoint(config.endpointId, { model: config.model }) };
  }
  throw new Error(`runs of kind ${control.kind} are not run by this worker`);
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function drainRun(runId: number, workerId: string): Promise<void> {
  const control = await readRunControl(runId);
  if (!control) return;
  if (await markRunRunning(runId, workerId)) {
    let setup: Setup;
    try {
      setup = await prepare(runId, control);
    } catch (e) {
      await failRun(runId, `The run cannot start: ${errorText(e)}`);
      return;
    }
    const drain: Drain = { stop: new AbortController(), llmFailuresInARow: 0 };
    const parallelism = Math.max(1, setup.config.parallelism);
    await Promise.all(Array.from({ length: parallelism }, () => claimLoop(setup, workerId, drain)));
  }
  if (!shutdown().signal.aborted) await finishIfIdle(runId, control.kind);
}

/** One process's work on a run: its stop switch, and how many items in a row the LLM failed. */
interface Drain {
  stop: AbortController;
  llmFailuresInARow: number;
}

/** Items failed in a row by an LLM that keeps failing (down, timing out) before the run is stopped. */
const LLM_FAILURES_TO_STOP = 5;

async function claimLoop(setup: Setup, workerId: string, drain: Drain): Promise<void> {
  while (!drain.stop.signal.aborted && !shutdown().signal.aborted) {
    const item = await claimNextItem(setup.runId, workerId, staleSeconds());
    if (!item) return;
    await runItem(item, setup, drain);
  }
}

async function runItem(item: ClaimedItem, setup: Setup, drain: Drain): Promise<void> {
  const { stop } = drain;
  const signals: ItemSignals = { stop: stop.signal, shutdown: shutdown().signal };
  try {
    if (setup.kind === "solve") await solveItem(item, setup, signals);
    else if (setup.kind === "evaluate") await evaluateItem(item, setup, signals);
    else await generateBatch(item, setup, signals);
    drain.llmFailuresInARow = 0;
  } catch (e) {
    if (e instanceof ClaimLostError) return; // its new worker carries on
    if (e instanceof WorkerStoppingError) {
      await releaseItem(item);
      return;
    }
    if (e instanceof RunCancelledError) {
      stop.abort();
      await endItemWithoutResult(item, "skipped", e.message);
      return;
    }
    if (isEndpointMisconfigured(e)) {
      stop.abort();
      await endItemWithoutResult(item, "failed", errorText(e));
      await failRun(setup.runId, errorText(e));
      log(`run ${setup.runId} failed: ${errorText(e)}`);
      return;
    }
    await endItemWithoutResult(item, "failed", errorText(e)).catch(() => undefined);
    // an endpoint that stays down would fail every item the same way, after every retry
    if (e instanceof LlmError && ++drain.llmFailuresInARow >= LLM_FAILURES_TO_STOP) {
      stop.abort();
      await failRun(setup.runId, `The LLM failed for ${LLM_FAILURES_TO_STOP} items in a row; the last error: ${e.message}`);
    }
  }
}

async function finishIfIdle(runId: number, kind: string): Promise<void> {
  const summary = kind === "generate_instructions" ? await sumBatchResults(runId) : undefined;
  const outcome = await finalizeRunIfIdle(runId, staleSeconds(), (c) =>
    summary
      ? `${summary.inserted ?? 0} new instructions from ${c.succeeded} batches (${summary.dropped ?? 0} dropped by the filter, ${summary.duplicates ?? 0} already known${c.failed ? `, ${c.failed} batches failed` : ""})`
      : `${c.succeeded} ${kind === "evaluate" ? "judged" : "trees"}${c.failed ? `, ${c.failed} failed` : ""}${c.skipped ? `, ${c.skipped} skipped` : ""}`,
    summary,
  );
  if (outcome.status !== "running" && outcome.status !== "queued") log(`run ${runId} ${outcome.status}`);
}
