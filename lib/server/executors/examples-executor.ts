// The examples executor: the API's stored example response, or its response schema filled with
// placeholders. Needs no network and no key; passes when the catalog has neither.
import { exampleAnswer } from "@/lib/core/runs/example-response";
import type { ToolExecutor } from "./types";

export function examplesExecutor(): ToolExecutor {
  return async (call) => {
    const answer = exampleAnswer(call.api);
    return answer ? { answer, code: 0, final: true } : null;
  };
}
