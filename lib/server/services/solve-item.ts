// Solving one instruction of a run: its APIs become functions, the chosen executors answer calls,
// and DFSDT or ReACT runs with every event stored as it happens. An item that was interrupted
// (a crashed worker, a cancel, a failure) resumes from its stored events: the search is replayed
// from them without calling anything, then goes on live. The finished tree is written in one
// transaction with the item's success.
import { createHash } from "node:crypto";
import { runDfsdt, runReact, buildSolveTask, createRecordedWorld, createRng } from "@/lib/core/generation";
import type { Llm } from "@/lib/core/generation/types";
import { foldItemEvents, recordingFromItem } from "@/lib/core/runs/item-events";
import { toGeneratedTree, type SolveResult } from "@/lib/core/runs/generated-tree";
import type { ExecutorKind, SolveRunConfig } from "@/lib/core/schemas/runs";
import { cacheExecutor } from "../executors/cache-executor";
import { createExecutorChain } from "../executors/chain";
import { examplesExecutor } from "../executors/examples-executor";
import { realHttpExecutor, type RealHttpSettings } from "../executors/real-http-executor";
import { simulatedExecutor } from "../executors/simulated-executor";
import type { ToolExecutor } from "../executors/types";
import type { LlmEndpointConfig } from "../llm/llm-client";
import { writeSolvedTree } from "../repositories/generated-trees";
import { readItemEvents } from "../repositories/run-events";
import type { ClaimedItem } from "../repositories/run-items";
import { loadSolveApis, loadSolveInstruction, type SolveApi } from "../repositories/solve-inputs";
import { ClaimLostError, ItemEventLog, throwIfStopped, type ItemSignals } from "./item-event-log";
import { openLlmClient } from "./llm-endpoints";
import { retrieveApiIds } from "./retrieval";

export interface SolveSetup {
  runId: number;
  config: SolveRunConfig;
  solver: LlmEndpointConfig;
  simulator: LlmEndpointConfig;
  http: RealHttpSettings;
}

/** A problem with the item itself (not the run): it fails, the others go on. */
export class ItemError extends Error {
  override name = "ItemError";
}

function buildExecutors(kinds: readonly ExecutorKind[], setup: SolveSetup, log: ItemEventLog): ToolExecutor[] {
  return kinds.map((kind) => {
    switch (kind) {
      case "cache":
        return cacheExecutor();
      case "real":
        return realHttpExecutor(setup.http);
      case "simulated":
        return simulatedExecutor(openLlmClient(setup.simulator, log.onLlmCall));
      case "examples":
        return examplesExecutor();
    }
  });
}

export const treeContentHash = (runId: number, key: string) => createHash("sha256").update(`generated\u0000run:${runId}\u0000${key}`).digest("hex");

/** Solves the item; returns the new tree's id. Throws ClaimLostError, RunCancelledError, WorkerStoppingError, LlmError or ItemError. */
export async function solveItem(item: ClaimedItem, setup: SolveSetup, signals: ItemSignals): Promise<number> {
  if (item.instructionId === null) throw new ItemError("the instruction of this item was deleted");
  // a first attempt has no stored steps; a later one may (it resumes from them)
  const [instruction, stored] = await Promise.all([loadSolveInstruction(item.instructionId), item.attempt === 1 ? [] : readItemEvents(item.itemId)]);
  if (!instruction) throw new ItemError(`instruction #${item.instructionId} no longer exists`);
  // runs made before retrieval existed have no `apis` in their config: the instruction's own list
  const apis = setup.config.apis === "retrieved" ? await loadSolveApis(await retrieveApiIds(instruction.query, setup.config.retrievedApis ?? 5, setup.config.retrieval ?? "bm25")) : instruction.apis;
  if (apis.length === 0) {
    throw new ItemError(setup.config.apis === "retrieved" ? "retrieval found no catalog API matching the query" : `instruction #${item.instructionId} has no APIs in the catalog`);
  }
  const { task, apiByFunction } = buildSolveTask(instruction.query, apis);

  const log = new ItemEventLog(item, stored.length);
  const solver = openLlmClient(setup.solver, log.onLlmCall);
  // every live step first stores what the last one made, and learns whether to stop
  const live: Llm = async (request) => {
    await log.flush();
    throwIfStopped(signals);
    return solver.llm(request);
  };
  const world = createRecordedWorld(recordingFromItem(foldItemEvents(stored)), {
    llm: live,
    execute: createExecutorChain(buildExecutors(setup.config.executors, setup, log), apiByFunction as Map<string, SolveApi>),
  });
  const random = createRng(`${setup.config.seed}\u0000${item.key}`);
  const limits = setup.config.limits;
  const options = { onEvent: log.onEvent };
  const solved: SolveResult =
    setup.config.method === "dfsdt"
      ? {
          method: "dfsdt",
          result: await runDfsdt(
            task,
            { llm: world.llm, execute: world.execute, random: random.next },
            { beam: limits.beam, maxDepth: limits.maxDepth, maxLlmCalls: limits.maxLlmCalls, maxObservationLength: limits.maxObservationLength, llmErrors: "throw" },
            options,
          ),
        }
      : {
          method: "react",
          result: await runReact(
            task,
            world,
            { tries: limits.tries, maxDepth: limits.maxDepth, maxLlmCalls: limits.maxLlmCalls, maxObservationLength: limits.maxObservationLength, llmErrors: "throw" },
            options,
          ),
        };
  const tree = toGeneratedTree(solved, task, setup.solver.prices);
  const treeId = await writeSolvedTree(
    item,
    { instructionId: instruction.id, runId: setup.runId, model: setup.solver.model, sourceKey: item.key, contentHash: treeContentHash(setup.runId, item.key) },
    tree,
    log.takeUsage(),
  );
  if (treeId === null) throw new ClaimLostError();
  return treeId;
}
