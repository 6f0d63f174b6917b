// The tool executors a solve run chains: each answers a call, passes it on, or offers an answer
// that a later executor may improve on (a real call that failed, a simulator that could not answer).
import type { ApiAnswer } from "@/lib/core/runs/api-response";
import type { SolveApi } from "../repositories/solve-inputs";

export interface ToolCall {
  api: SolveApi;
  /** The offered function's full name. */
  functionName: string;
  argumentsText: string;
  args: Record<string, unknown>;
  /** Canonical JSON of the arguments: the cache key. */
  argsKey: string;
}

export interface ToolOutcome {
  answer: ApiAnswer;
  code: number;
  /** False: used only when no later executor answers (StableToolBench keeps a real call only when it worked). */
  final: boolean;
}

/** null: this executor cannot answer the call; the next one is asked. */
export type ToolExecutor = (call: ToolCall) => Promise<ToolOutcome | null>;
