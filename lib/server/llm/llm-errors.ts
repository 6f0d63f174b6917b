// The openai SDK's failures as the engine's LlmError, with messages a researcher can act on ("the
// endpoint refused the key", "does not know the model") and with keys masked.
import OpenAI from "openai";
import { LlmError } from "@/lib/core/generation/errors";
import { redactSecrets } from "./redact";

export interface EndpointIdentity {
  name: string;
  baseUrl: string;
  model: string;
  apiKey: string | null;
}

const detail = (e: { message: string }, secrets: (string | null)[]) => redactSecrets(e.message, secrets).slice(0, 500);

/** The failure as an LlmError; kinds "auth" and "invalid_request" mean the endpoint's settings are wrong. */
export function toLlmError(error: unknown, endpoint: EndpointIdentity): LlmError {
  if (error instanceof LlmError) return error;
  const secrets = [endpoint.apiKey];
  const at = `the LLM endpoint "${endpoint.name}"`;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new LlmError(`${at} did not answer in time`, "timeout");
  if (error instanceof OpenAI.APIUserAbortError) return new LlmError(`the request to ${at} was aborted`, "other", false);
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = (error as { cause?: { cause?: { code?: string }; code?: string } }).cause;
    const code = cause?.cause?.code ?? cause?.code;
    return new LlmError(`${at} cannot be reached at ${endpoint.baseUrl}${code ? ` (${code})` : ""}`, "server");
  }
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new LlmError(`${at} refused the API key (${error.status}): ${detail(error, secrets)}. Check the key on the Settings page.`, "auth");
  }
  if (error instanceof OpenAI.NotFoundError) {
    return new LlmError(`${at} does not know the model "${endpoint.model}", or its base URL is wrong (404): ${detail(error, secrets)}`, "invalid_request");
  }
  if (error instanceof OpenAI.RateLimitError) return new LlmError(`${at} is rate limiting requests (429): ${detail(error, secrets)}`, "rate_limit");
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    if (error.status >= 500 || error.status === 408 || error.status === 409) return new LlmError(`${at} failed (${error.status}): ${detail(error, secrets)}`, "server");
    const modelProblem = /model/i.test(error.message);
    return new LlmError(
      `${at} rejected the request (${error.status})${modelProblem ? `; is "${endpoint.model}" a model it serves?` : ""}: ${detail(error, secrets)}`,
      "invalid_request",
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LlmError(`${at} gave an unusable answer: ${redactSecrets(message, secrets).slice(0, 500)}`, "bad_response", true);
}

/** How long to wait before retry `attempt` (0-based): the server's Retry-After when it sends one, else exponential backoff with jitter. */
export function retryDelayMs(error: unknown, attempt: number, baseMs: number): number {
  const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
  const ms = Number(headers?.get?.("retry-after-ms"));
  if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, 60_000);
  const seconds = Number(headers?.get?.("retry-after"));
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 60_000);
  const backoff = baseMs * 2 ** attempt;
  return Math.min(backoff + Math.random() * backoff * 0.25, 60_000);
}

/** Whether a run can go on after this error: a bad key or an unknown model fails every call alike. */
export const isEndpointMisconfigured = (error: unknown): boolean => error instanceof LlmError && (error.kind === "auth" || error.kind === "invalid_request");
