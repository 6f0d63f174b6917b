// The real HTTP executor: calls the API's URL (with the RapidAPI key where the API is on RapidAPI),
// under the address policy, a deadline and a size cap. An answer that worked is cached; one that
// did not (timeouts, refusals, errors) is offered to later executors first, as StableToolBench does.
import { buildApiRequest } from "@/lib/core/runs/api-request";
import { classifyResponse, failureAnswer } from "@/lib/core/runs/api-response";
import { storeCachedAnswers } from "../repositories/api-cache";
import { createAddressPolicy } from "./address-policy";
import { guardedRequest, RequestRefusedError, RequestTimeoutError } from "./guarded-request";
import type { ToolExecutor, ToolOutcome } from "./types";

export interface RealHttpSettings {
  rapidApiKey: string | undefined;
  allowList: readonly string[];
  timeoutMs: number;
  maxResponseBytes: number;
}

const fallible = (o: Omit<ToolOutcome, "final">): ToolOutcome => ({ ...o, final: false });

function readBody(body: string, contentType: string): unknown {
  if (/json/i.test(contentType) || /^\s*[[{]/.test(body)) {
    try {
      return JSON.parse(body);
    } catch {
      // not JSON after all (or cut by the size cap): the text is the response
    }
  }
  return body;
}

export function realHttpExecutor(settings: RealHttpSettings): ToolExecutor {
  const policy = createAddressPolicy(settings.allowList);
  return async (call) => {
    const built = buildApiRequest(call.api, call.args, settings.rapidApiKey);
    if (!built.ok) return null; // nothing to call: later executors may still answer
    if (built.needsRapidApiKey && !settings.rapidApiKey) return fallible(failureAnswer("unauthorized", "no RapidAPI key is set (Settings)"));
    let res;
    try {
      res = await guardedRequest({ ...built.request, timeoutMs: settings.timeoutMs, maxBytes: settings.maxResponseBytes }, policy);
    } catch (e) {
      if (e instanceof RequestTimeoutError) return fallible(failureAnswer("timeout", e.message));
      const message = e instanceof Error ? e.message : String(e);
      return fallible(failureAnswer("requestFailed", e instanceof RequestRefusedError ? `refused: ${message}` : message));
    }
    const classified = classifyResponse(readBody(res.body, res.contentType), res.status);
    if (classified.code !== 0) return fallible(classified);
    await storeCachedAnswers([{ apiId: call.api.apiId, functionName: call.functionName, argsKey: call.argsKey, response: classified.answer, source: "real" }]);
    return { ...classified, final: true };
  };
}
