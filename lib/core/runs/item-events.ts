// A solve item's durable state while it runs: the engine's events, numbered in the order the engine
// emits them. Folding them gives the tree so far (for the live view) and, for a worker taking over
// a crashed item, the recording that replays the search up to where it stopped. The engine is
// deterministic given its replies and observations, so a replay emits the same events in the same
// order: events numbered below what is persisted are already stored and are skipped.
import { recordingFromNodes, type RecordedExpansion } from "../generation/recording";
import type { EngineEvent, GeneratedNode, NodeFlags, TokenUsage } from "../generation/types";

export type ItemEvent =
  | { kind: "node"; node: GeneratedNode }
  | { kind: "update"; id: number; changes: NodeFlags }
  /** One LLM call: its usage, and whether the reply was empty (no text, no call: it made no node). */
  | { kind: "llm"; call: number; usage: TokenUsage | null; empty: boolean };

/** The stored form of an engine event. */
export function toItemEvent(event: EngineEvent): ItemEvent {
  switch (event.type) {
    case "node":
      return { kind: "node", node: event.node };
    case "update":
      return { kind: "update", id: event.id, changes: event.changes };
    case "llm": {
      const out = event.output;
      if ("error" in out) return { kind: "llm", call: event.call, usage: null, empty: false };
      return { kind: "llm", call: event.call, usage: out.usage, empty: out.content === null && out.functionCall === null };
    }
  }
}

export interface FoldedItem {
  /** Every node with its latest flags, in creation order. */
  nodes: GeneratedNode[];
  usageByCall: Map<number, TokenUsage>;
  /** LLM calls recorded. */
  calls: number;
  /** Calls whose reply was empty, by call number. */
  emptyCalls: Set<number>;
}

export function foldItemEvents(events: readonly ItemEvent[]): FoldedItem {
  const nodes: GeneratedNode[] = [];
  const usageByCall = new Map<number, TokenUsage>();
  const emptyCalls = new Set<number>();
  let calls = 0;
  for (const e of events) {
    if (e.kind === "node") nodes[e.node.id] = { ...e.node };
    else if (e.kind === "update") {
      const n = nodes[e.id];
      if (n) Object.assign(n, e.changes);
    } else {
      calls = Math.max(calls, e.call);
      if (e.usage) usageByCall.set(e.call, e.usage);
      if (e.empty) emptyCalls.add(e.call);
    }
  }
  return { nodes: nodes.filter((n) => n !== undefined), usageByCall, calls, emptyCalls };
}

const NO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

/**
 * The replies and observations a resumed search replays. recordingFromNodes reads them from the
 * nodes; calls with an empty reply made no node, so those after the last node-making call are added
 * here from their `llm` events (else the resumed search would ask them again and number its events
 * differently from what is stored).
 */
export function recordingFromItem(folded: FoldedItem): RecordedExpansion[] {
  const recording = recordingFromNodes(folded.nodes, folded.usageByCall);
  for (let call = recording.length + 1; folded.emptyCalls.has(call); call++) {
    recording.push({ reply: { content: null, functionCall: null, usage: folded.usageByCall.get(call) ?? NO_USAGE } });
  }
  return recording;
}
