// Typed failures of a generation run, so a worker can tell a retryable LLM outage from a replay that
// no longer matches its recording, or a cancelled run.

export type LlmErrorKind = "rate_limit" | "timeout" | "server" | "auth" | "invalid_request" | "bad_response" | "other";

/** The LLM could not produce a reply (after whatever retries the caller's client makes). */
export class LlmError extends Error {
  constructor(
    message: string,
    readonly kind: LlmErrorKind = "other",
    /** Whether trying again later may succeed (rate limits, timeouts, 5xx). */
    readonly retryable: boolean = kind === "rate_limit" || kind === "timeout" || kind === "server",
  ) {
    super(message);
    this.name = "LlmError";
  }
}

/** A recorded reply or observation does not fit the call the engine made (resume/replay diverged). */
export class RecordingMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RecordingMismatchError";
  }
}

/** A recorded world was asked for more than it holds and has nothing live to fall through to. */
export class RecordingExhaustedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RecordingExhaustedError";
  }
}

/** The caller's abort signal fired; the run stops before its next LLM call. */
export class RunCancelledError extends Error {
  constructor() {
    super("the run was cancelled");
    this.name = "RunCancelledError";
  }
}
