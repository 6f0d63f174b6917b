// Field-by-field comparison of a recorded tree with the one the engine rebuilt, and of their exported
// training conversations. Prompt texts are Arbor's own wording, so system and user messages are
// compared by role only; the diversity prompt is compared by what it carries (the candidate list,
// byte for byte, and the former observation).
import { normalizeConversation, type NormalizedMessage } from "@/lib/core/toolbench/messages";
import type { ParsedNode, ParsedTree } from "@/lib/core/toolbench/types";
import { readDiversityPrompt } from "./prompts";

export interface ReplayDiff {
  /** The node's pre-order index, or null for a tree- or file-level field. */
  idx: number | null;
  field: string;
  expected: unknown;
  actual: unknown;
}

const NODE_FIELDS = [
  "parentIdx", "position", "depth", "type", "text", "functionName", "observation", "observationCode",
  "pruned", "finished", "isTerminal", "expandNum", "childCount",
] as const satisfies readonly (keyof ParsedNode)[];

// total_tokens is not compared: files record only the sum, not each call's usage.
const TREE_FIELDS = ["validData", "finishType", "finalAnswerRaw", "queryCount", "win", "chosenNodeIdx"] as const satisfies readonly (keyof ParsedTree)[];

export function compareTrees(expected: ParsedTree, actual: ParsedTree): ReplayDiff[] {
  const diffs: ReplayDiff[] = [];
  for (const field of TREE_FIELDS) {
    if (expected[field] !== actual[field]) diffs.push({ idx: null, field, expected: expected[field], actual: actual[field] });
  }
  if (expected.nodes.length !== actual.nodes.length) diffs.push({ idx: null, field: "size", expected: expected.nodes.length, actual: actual.nodes.length });
  const n = Math.min(expected.nodes.length, actual.nodes.length);
  for (let i = 0; i < n; i++) {
    const e = expected.nodes[i]!;
    const a = actual.nodes[i]!;
    for (const field of NODE_FIELDS) {
      if (e[field] !== a[field]) diffs.push({ idx: i, field, expected: e[field], actual: a[field] });
    }
  }
  return diffs;
}

function messageDiffs(e: NormalizedMessage, a: NormalizedMessage, where: string): ReplayDiff[] {
  const diffs: ReplayDiff[] = [];
  const check = (field: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) diffs.push({ idx: null, field: `${where}.${field}`, expected: x, actual: y });
  };
  check("role", e.role, a.role);
  check("valid", e.valid ?? true, a.valid ?? true);
  if (e.role === "user" && e.valid === false && a.role === "user") {
    const re = readDiversityPrompt(e.content ?? "");
    const ra = readDiversityPrompt(a.content ?? "");
    check("candidates", re?.candidatesJson, ra?.candidatesJson);
    check("formerObservation", re?.formerObservation, ra?.formerObservation);
  } else if (e.role === "assistant" || e.role === "function" || e.role === "tool") {
    // Recorded replies without text omit "content" or write null; both mean no text.
    check("content", e.content || null, a.content || null);
    check("calls", e.calls.map((c) => [c.name, c.arguments]), a.calls.map((c) => [c.name, c.arguments]));
    if (e.role !== "assistant") check("name", e.name, a.name);
  }
  return diffs;
}

/** Compares train_messages: the same conversations, message by message. */
export function compareConversations(expectedRaw: readonly unknown[], actualRaw: readonly unknown[]): ReplayDiff[] {
  const diffs: ReplayDiff[] = [];
  if (expectedRaw.length !== actualRaw.length) diffs.push({ idx: null, field: "train_messages.length", expected: expectedRaw.length, actual: actualRaw.length });
  const n = Math.min(expectedRaw.length, actualRaw.length);
  for (let c = 0; c < n; c++) {
    const e = normalizeConversation(expectedRaw[c]);
    const a = normalizeConversation(actualRaw[c]);
    if (e.length !== a.length) diffs.push({ idx: null, field: `train_messages[${c}].length`, expected: e.length, actual: a.length });
    for (let m = 0; m < Math.min(e.length, a.length); m++) diffs.push(...messageDiffs(e[m]!, a[m]!, `train_messages[${c}][${m}]`));
  }
  return diffs;
}
