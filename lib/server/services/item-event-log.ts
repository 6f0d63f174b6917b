// Where a solve item's events go while it runs. Events are numbered as the engine emits them; a
// resumed item's replay emits the stored ones again, which are skipped by number. New events are
// buffered and written in one statement right before each live LLM call (so everything the previous
// step made is stored before the next one starts), together with the tokens and cost spent since.
// The same statement renews the claim and reads the run's state: a cancel, the cost cap or a lost
// claim stops the item there.
import { RunCancelledError } from "@/lib/core/generation/errors";
import type { EngineEvent } from "@/lib/core/generation/types";
import { toItemEvent, type ItemEvent } from "@/lib/core/runs/item-events";
import type { LlmCallReport } from "../llm/llm-client";
import { appendItemEvents, NO_USAGE_DELTA, type RunSignal, type UsageDelta } from "../repositories/run-events";
import type { ItemFence } from "../repositories/run-items";

/** Another worker took the item over (this one was presumed dead): stop without writing. */
export class ClaimLostError extends Error {
  constructor() {
    super("another worker took this item over");
    this.name = "ClaimLostError";
  }
}

/** This worker process is shutting down: the item goes back to the queue, to resume elsewhere. */
export class WorkerStoppingError extends Error {
  constructor() {
    super("the worker is shutting down");
    this.name = "WorkerStoppingError";
  }
}

/** What stops an item between steps: the run stopping (seen by another item) or this process shutting down. */
export interface ItemSignals {
  stop: AbortSignal;
  shutdown: AbortSignal;
}

export function throwIfStopped(signals: ItemSignals): void {
  if (signals.shutdown.aborted) throw new WorkerStoppingError();
  if (signals.stop.aborted) throw new RunCancelledError();
}

/** Why a run should take no new step, or null to go on. */
export function stopReason(s: RunSignal): string | null {
  if (s.status !== "running") return `the run is ${s.status}`;
  if (s.cancelRequested) return "the run was cancelled";
  if (s.costCapUsd !== null && s.costUsd >= s.costCapUsd) return "the run reached its cost cap";
  return null;
}

export class ItemEventLog {
  private seq = 0;
  private buffer: ItemEvent[] = [];
  private firstBuffered = 0;
  private usage: UsageDelta = { ...NO_USAGE_DELTA };

  /** The claim has just checked the run: the first flush of a fresh item can wait for the second. */
  private skipNextFlush: boolean;

  constructor(
    private readonly fence: ItemFence,
    /** Events already stored for the item (a resumed one). */
    private readonly stored: number,
  ) {
    this.skipNextFlush = fence.attempt === 1 && stored === 0;
  }

  readonly onEvent = (event: EngineEvent): void => {
    const seq = this.seq++;
    if (seq < this.stored) return;
    if (this.buffer.length === 0) this.firstBuffered = seq;
    this.buffer.push(toItemEvent(event));
  };

  /** Counts a call's tokens and cost (the solver's and the simulated executor's). */
  readonly onLlmCall = (r: LlmCallReport): void => {
    this.usage.llmCalls++;
    this.usage.promptTokens += r.usage.promptTokens;
    this.usage.completionTokens += r.usage.completionTokens;
    this.usage.costUsd += r.costUsd;
  };

  /** Tokens and cost not yet written (written with the finished tree instead). */
  takeUsage(): UsageDelta {
    const u = this.usage;
    this.usage = { ...NO_USAGE_DELTA };
    return u;
  }

  /** Writes what is buffered; throws ClaimLostError, or RunCancelledError when the run should stop. */
  async flush(): Promise<void> {
    if (this.skipNextFlush) {
      this.skipNextFlush = false;
      return;
    }
    const events = this.buffer;
    const usage = this.takeUsage();
    this.buffer = [];
    let signal: RunSignal | null;
    try {
      signal = await appendItemEvents(this.fence, this.firstBuffered, events, usage);
    } catch (e) {
      // not written: keep it for the next attempt
      this.buffer = [...events, ...this.buffer];
      this.usage = { llmCalls: this.usage.llmCalls + usage.llmCalls, promptTokens: this.usage.promptTokens + usage.promptTokens, completionTokens: this.usage.completionTokens + usage.completionTokens, costUsd: this.usage.costUsd + usage.costUsd };
      throw e;
    }
    if (!signal) throw new ClaimLostError();
    const reason = stopReason(signal);
    if (reason) throw Object.assign(new RunCancelledError(), { message: reason });
  }
}
