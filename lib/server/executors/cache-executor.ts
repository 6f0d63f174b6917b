// The cache executor: an exact hit on the function and the canonical JSON of the arguments.
import { classifyStoredAnswer, readApiAnswer } from "@/lib/core/runs/api-response";
import { findCachedAnswer } from "../repositories/api-cache";
import type { ToolExecutor } from "./types";

export function cacheExecutor(): ToolExecutor {
  return async (call) => {
    const hit = await findCachedAnswer(call.functionName, call.argsKey);
    const answer = hit && readApiAnswer(hit.response);
    if (!answer) return null;
    return { answer, code: classifyStoredAnswer(answer), final: true };
  };
}
