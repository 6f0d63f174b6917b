// Replies and observations recorded from an earlier run, served back to the engine in order, then
// falling through to the live LLM and executor. Replay (from released answer files) and resume (from
// a crashed run's persisted nodes) both work this way: the engine is deterministic given its replies
// and observations, so re-running it over a recording rebuilds the same tree, then carries on live.
import { LlmError, RecordingExhaustedError, RecordingMismatchError } from "./errors";
import type { LlmReply } from "./expand";
import type { Executor, GeneratedNode, Llm, Observation, SolveWorld, TokenUsage } from "./types";

export interface RecordedExpansion {
  /** What the LLM answered (or the failure that was recorded in its place). */
  reply: LlmReply;
  /** The observation its call got; absent when none was recorded (the executor is then asked live). */
  observation?: Observation;
}

export const NO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

export interface RecordedWorld {
  llm: Llm;
  execute: Executor;
  /** How many LLM calls were answered from the recording so far. */
  replayed(): number;
}

/**
 * An LLM and executor answering from `recording` first. Once it is used up, calls go to `live`;
 * without a live world they throw RecordingExhaustedError. An executor call made for a recorded reply
 * must be for that reply's function (by ToolBench's suffix rule), else RecordingMismatchError.
 */
export function createRecordedWorld(recording: readonly RecordedExpansion[], live: Partial<Pick<SolveWorld, "llm" | "execute">> = {}): RecordedWorld {
  let served = 0;
  let currentFromRecording = false;
  let executedCurrent = false;

  const llm: Llm = async (request) => {
    executedCurrent = false;
    if (served < recording.length) {
      const entry = recording[served++]!;
      currentFromRecording = true;
      if ("error" in entry.reply) throw new LlmError(entry.reply.error, "other", false);
      return entry.reply;
    }
    currentFromRecording = false;
    if (!live.llm) throw new RecordingExhaustedError(`the recording holds ${recording.length} LLM replies and the run asked for more`);
    return live.llm(request);
  };

  const execute: Executor = async (functionName, argumentsText) => {
    if (currentFromRecording && !executedCurrent) {
      executedCurrent = true;
      const entry = recording[served - 1]!;
      const recordedName = "error" in entry.reply ? undefined : entry.reply.functionCall?.name;
      if (recordedName === undefined || !functionName.endsWith(recordedName)) {
        throw new RecordingMismatchError(`call ${served} ran ${functionName}, but the recording's call was ${recordedName ?? "no function"}`);
      }
      if (entry.observation) return entry.observation;
    }
    if (!live.execute) throw new RecordingExhaustedError(`no observation is recorded for call ${served} (${functionName})`);
    return live.execute(functionName, argumentsText);
  };

  return { llm, execute, replayed: () => Math.min(served, recording.length) };
}

/**
 * The recording held by a run's persisted nodes (the `expansion` each node was made by), for resume.
 * An expansion number with no nodes was an empty reply (neither text nor a call). An expansion cut
 * off before its Action Input existed (a crash mid-call) ends the recording: that call is asked again.
 * Token usage comes from each expansion's last node; an empty reply has no node to carry it, so a
 * caller that persisted the `llm` events' usage can pass it per call to keep totals exact.
 */
export function recordingFromNodes(nodes: readonly GeneratedNode[], usageByCall?: ReadonlyMap<number, TokenUsage>): RecordedExpansion[] {
  const byExpansion = new Map<number, GeneratedNode[]>();
  let last = 0;
  for (const n of nodes) {
    if (n.expansion <= 0) continue;
    byExpansion.set(n.expansion, [...(byExpansion.get(n.expansion) ?? []), n]);
    last = Math.max(last, n.expansion);
  }
  const recording: RecordedExpansion[] = [];
  for (let k = 1; k <= last; k++) {
    const group = (byExpansion.get(k) ?? []).slice().sort((a, b) => a.id - b.id);
    const thought = group.find((n) => n.type === "Thought");
    const action = group.find((n) => n.type === "Action");
    const input = group.find((n) => n.type === "ActionInput");
    if (action && !input) break;
    const usage = usageByCall?.get(k) ?? group[group.length - 1]?.usage ?? NO_USAGE;
    if (thought?.observationCode === -1) {
      recording.push({ reply: { error: thought.text } });
      continue;
    }
    recording.push({
      reply: { content: thought ? thought.text : null, functionCall: action && input ? { name: action.text, arguments: input.text } : null, usage },
      ...(input ? { observation: { observation: input.observation ?? "", code: input.observationCode ?? 0 } } : {}),
    });
  }
  return recording;
}

/** Nodes made by the first `calls` LLM calls (a prefix of a run, as a crash would leave it persisted). */
export const nodesUpToCall = (nodes: readonly GeneratedNode[], calls: number): GeneratedNode[] => nodes.filter((n) => n.expansion <= calls);
