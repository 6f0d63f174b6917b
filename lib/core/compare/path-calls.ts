// A training path's calls, ready to compare: each step of the path that calls a function, with its
// arguments' canonical key (so spacing and key order do not make two calls differ), its thought and
// what the API answered.
import { parseCallArguments } from "../runs/canonical-json";
import { groupPathSteps, type PathNode } from "../toolbench/path-steps";
import type { AlignableCall } from "./align";

export interface ComparedCall extends AlignableCall {
  /** Position of the call on its path, from 1. */
  step: number;
  /** The Action Input node of the call (where the viewer shows it). */
  nodeIdx: number;
  arguments: string;
  thought: string | null;
  observation: string | null;
  observationCode: number | null;
  /** The per-step check bits of the step's nodes, together. */
  checks: number;
}

/** The key a call is compared by: canonical JSON of its arguments, or the trimmed text when they do not parse. */
export function argumentsKey(text: string): string {
  const parsed = parseCallArguments(text);
  return parsed.ok ? parsed.key : text.trim();
}

/**
 * The calls of a path given root first (the root's empty Action Input is not a call), with each
 * node's check bits looked up by idx.
 */
export function callsOfPath(path: readonly PathNode[], checksOf: (idx: number) => number = () => 0, maxObservation = 600): ComparedCall[] {
  const calls: ComparedCall[] = [];
  for (const s of groupPathSteps(path)) {
    if (s.functionName === undefined) continue;
    const args = s.arguments ?? "";
    const observation = s.observation ?? null;
    calls.push({
      step: calls.length + 1,
      nodeIdx: s.nodeIdxs[s.nodeIdxs.length - 1]!,
      functionName: s.functionName,
      argsKey: argumentsKey(args),
      arguments: args,
      thought: s.thought ?? null,
      observation: observation !== null && observation.length > maxObservation ? `${observation.slice(0, maxObservation - 1)}…` : observation,
      observationCode: s.observationCode ?? null,
      checks: s.nodeIdxs.reduce((bits, idx) => bits | checksOf(idx), 0),
    });
  }
  return calls;
}
