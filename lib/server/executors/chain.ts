// The executors of a run, chained into the engine's Executor: the call's arguments are read once
// (invalid JSON is ToolBench's "Tool input parse error", code 2), then each executor in turn may
// answer. The observation is the answer as ToolBench writes it; the engine cuts it to length.
import { failureAnswer, observationText, type ClassifiedAnswer } from "@/lib/core/runs/api-response";
import { parseCallArguments } from "@/lib/core/runs/canonical-json";
import type { Executor, Observation } from "@/lib/core/generation/types";
import type { SolveApi } from "../repositories/solve-inputs";
import type { ToolExecutor, ToolOutcome } from "./types";

const toObservation = (o: ClassifiedAnswer | ToolOutcome): Observation => ({ observation: observationText(o.answer), code: o.code });

export function createExecutorChain(executors: readonly ToolExecutor[], apiByFunction: ReadonlyMap<string, SolveApi>): Executor {
  return async (functionName, argumentsText) => {
    const api = apiByFunction.get(functionName);
    if (!api) return toObservation(failureAnswer("requestFailed", `no API is known for ${functionName}`));
    const parsed = parseCallArguments(argumentsText);
    if (!parsed.ok) return toObservation(failureAnswer("badInput", parsed.reason));
    const call = { api, functionName, argumentsText, args: parsed.args, argsKey: parsed.key };
    let fallback: ToolOutcome | undefined;
    for (const execute of executors) {
      const outcome = await execute(call);
      if (!outcome) continue;
      if (outcome.final) return toObservation(outcome);
      fallback ??= outcome;
    }
    return toObservation(fallback ?? failureAnswer("requestFailed", "no executor of the run could answer this call"));
  };
}
