// One function call's observation and status code, decided as ToolBench's `rapidapi_wrapper.step`
// decides them: Finish is answered here, unknown names are hallucinations (code 1), anything else
// goes to the executor; every observation is then cut to the configured length.
import type { OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { pyJsonDumps, pyJsonLoadsLenient, pyLength, pyPrefix } from "@/lib/core/toolbench/python-text";
import { isObject } from "@/lib/core/toolbench/json-shape";
import type { Executor, Observation } from "./types";

// Finish's observations are fixed strings in ToolBench (not JSON: the error ones are unquoted); they
// are stored in every answer file and matched exactly on replay.
export const FINISH_OBSERVATIONS = {
  giveUp: '{"response":"chose to give up and restart"}',
  answer: '{"response":"successfully giving the final answer."}',
  missingReturnType: '{error:"must have "return_type""}',
  missingFinalAnswer: '{error:"must have "final_answer""}',
  invalidReturnType: '{error:""return_type" is not a valid choice"}',
} as const;

const RETURN_TYPE = '"return_type": "';
const FINAL_ANSWER = '"final_answer": "';

/** Finish's arguments as ToolBench reads them: lenient JSON, else a plain string search. */
function readFinishArguments(raw: string): Record<string, unknown> | undefined {
  const parsed = pyJsonLoadsLenient(raw);
  if (parsed.ok) return isObject(parsed.value) ? parsed.value : undefined;
  const data: Record<string, unknown> = {};
  if (raw.includes(RETURN_TYPE)) {
    if (raw.includes('"return_type": "give_answer"')) data.return_type = "give_answer";
    else if (raw.includes('"return_type": "give_up_and_restart"')) data.return_type = "give_up_and_restart";
    // Python's s[a:b] with b = -1 (no '",' anywhere) drops the last character; JS slice agrees.
    else data.return_type = raw.slice(raw.indexOf(RETURN_TYPE) + RETURN_TYPE.length, raw.indexOf('",'));
  }
  if (raw.includes(FINAL_ANSWER)) data.final_answer = raw.slice(raw.indexOf(FINAL_ANSWER) + FINAL_ANSWER.length);
  return data;
}

/**
 * Finish: give_up_and_restart → code 4, give_answer with a final_answer key → code 3, else code 2.
 * Two ToolBench crashes become code 2 here: arguments that parse to a non-object (ToolBench calls
 * `.keys()` on them) and an unknown return_type (ToolBench's branch lacks its `return`, so the run
 * dies unpacking None); no released file can contain either.
 */
export function evaluateFinish(argumentsText: string): Observation {
  const data = readFinishArguments(argumentsText);
  if (data === undefined || !("return_type" in data)) return { observation: FINISH_OBSERVATIONS.missingReturnType, code: 2 };
  if (data.return_type === "give_up_and_restart") return { observation: FINISH_OBSERVATIONS.giveUp, code: 4 };
  if (data.return_type === "give_answer") {
    if (!("final_answer" in data)) return { observation: FINISH_OBSERVATIONS.missingFinalAnswer, code: 2 };
    return { observation: FINISH_OBSERVATIONS.answer, code: 3 };
  }
  return { observation: FINISH_OBSERVATIONS.invalidReturnType, code: 2 };
}

/**
 * The offered function a model's name resolves to. ToolBench takes the first function whose name
 * *ends with* the model's name, so a suffix ("for_weather", even "") reaches a real API. Finish is
 * left out: in ToolBench such a match crashes the run looking up Finish's API name.
 */
export function resolveFunction(functions: readonly OpenAiFunction[], name: string): OpenAiFunction | undefined {
  return functions.find((f) => f.name !== "Finish" && f.name.endsWith(name));
}

/** Cuts an observation to `max` code points plus "..." (ToolBench's `max_observation_length`). Idempotent. */
export function truncateObservation(observation: string, max: number): string {
  if (!Number.isFinite(max) || observation.length <= max || pyLength(observation) <= max) return observation;
  return `${pyPrefix(observation, max)}...`;
}

/** Runs one call: Finish, a hallucinated name, or the executor. */
export async function performStep(
  functions: readonly OpenAiFunction[],
  name: string,
  argumentsText: string,
  execute: Executor,
  maxObservationLength: number,
): Promise<Observation> {
  let result: Observation;
  if (name === "Finish") result = evaluateFinish(argumentsText);
  else {
    const fn = resolveFunction(functions, name);
    result = fn
      ? await execute(fn.name, argumentsText)
      : { observation: pyJsonDumps({ error: `No such function name: ${name}`, response: "" }), code: 1 };
  }
  return { observation: truncateObservation(result.observation, maxObservationLength), code: result.code };
}
