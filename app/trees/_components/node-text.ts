// Short texts about nodes, shared by the canvas, the inspector and the transcript.
import { describeObservationCode, isApiErrorCode } from "@/lib/core/toolbench/status-codes";
import { isPruned, type TreeModel } from "@/lib/core/tree-view/tree-model";
import type { Tone } from "../../_components/badge";

/** Text on one line, cut to `max` characters (cards and labels never hold whole observations). */
export function oneLine(text: string, max: number): string {
  const flat = (text.length > max * 4 ? text.slice(0, max * 4) : text).replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const TYPE_NAMES = { Thought: "Thought", Action: "Action", ActionInput: "Action Input" } as const;

/** The function a node is about (Action and Action Input nodes). */
export const functionOf = (m: TreeModel, idx: number) => m.columns.functionName[idx] ?? (m.columns.type[idx] === "Action" ? m.columns.text[idx]! : null);

export interface OutcomeBadge {
  tone: Tone;
  text: string;
  title: string;
}

/** The badge an observation code earns on a card; OK calls get none, to keep failures visible. */
export function outcomeBadge(code: number | null | undefined): OutcomeBadge | null {
  if (code === null || code === undefined || code === 0) return null;
  const info = describeObservationCode(code);
  const title = `Status ${code}: ${info.meaning}`;
  if (code === 3) return { tone: "emerald", text: "answer", title };
  if (code === 4) return { tone: "amber", text: "give up", title };
  if (code === 1) return { tone: "fuchsia", text: "hallucinated", title };
  if (isApiErrorCode(code)) return { tone: "rose", text: `error ${code}`, title };
  return { tone: "rose", text: `code ${code}`, title };
}

/** What a screen reader (and a test) hears for a node: what it is, how it ended, where it sits. */
export function nodeLabel(m: TreeModel, idx: number): string {
  const type = m.columns.type[idx]!;
  const text = m.columns.text[idx]!;
  const parts: string[] = [];
  if (idx === 0) parts.push("start of the search");
  else if (type === "Thought") parts.push(`thought: ${oneLine(text, 60)}`);
  else if (type === "Action") parts.push(`call ${oneLine(text, 64)}`);
  else parts.push(`arguments of ${functionOf(m, idx) ?? "a call"}: ${oneLine(text, 60)}`);
  const code = m.columns.observationCode[idx];
  if (code !== null && code !== undefined) parts.push(`status ${code} ${describeObservationCode(code).label}`);
  const visit = m.visitRank[idx]!;
  if (visit >= 0) parts.push(`visit ${m.columns.expandNum[idx]}`);
  if (isPruned(m, idx)) parts.push("pruned");
  if (m.onChosenPath[idx]) parts.push("on the training path");
  else if (m.abandoned[idx]) parts.push("abandoned branch");
  return `Node ${idx}, ${parts.join(", ")}`;
}
