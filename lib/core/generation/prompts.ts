// The prompts of a solve run, in Arbor's words, carrying what ToolBench's carry: how to work step by
// step with functions, the Finish rules, the tool list, the query, and DFSDT's "try something
// different" message listing the actions already tried from a state.
import { pyJsonDumps, PyFloat, pyPrefix, pyStrip } from "@/lib/core/toolbench/python-text";
import type { ChatMessage } from "./types";

const TOOL_DESCRIPTION_MAX = 512;

/**
 * The task description: Finish rules, then one line per tool, `<k>.<standardized tool>: <description>`
 * (the first 512 characters, newlines removed, stripped; "None" when empty). A tool listed twice
 * keeps its first position and its last description, as a Python dict update does.
 */
export function buildTaskDescription(tools: readonly { name: string; description: string }[]): string {
  const byName = new Map<string, string>();
  for (const t of tools) byName.set(t.name, t.description);
  let text =
    "Use the functions to handle the user's request as it happens. Rules:\n" +
    '1. Always finish by calling the "Finish" function, and put everything the user needs into the final answer: it is the only part they will see. ' +
    'If you cannot complete the task, or the functions keep failing (they may not work right now), call Finish with return_type "give_up_and_restart".\n' +
    "2. Call functions only by their function names, never by the names of the tools they belong to.\n" +
    "The tools behind these functions:\n";
  let k = 0;
  for (const [name, description] of byName) {
    k++;
    const shown = pyStrip(pyPrefix(description, TOOL_DESCRIPTION_MAX).replace(/\n/g, ""));
    text += `${k}.${name}: ${shown === "" ? "None" : shown}\n`;
  }
  return text;
}

/** The system message: how to work, then the task description. */
export function buildSystemPrompt(taskDescription: string): string {
  return (
    "You are an autonomous agent that completes tasks by calling functions.\n" +
    "You will get a task description, and then the task begins.\n" +
    "At every step, think briefly about where things stand and what to do next, and make one function call to carry that step out.\n" +
    "The call's result puts you in a new state; think about it and decide the next step.\n" +
    "After enough such steps the task is done and you give your final answer.\n" +
    "Keep in mind:\n" +
    '1. A call changes the state for good: you cannot return to an earlier state. To start over, call Finish with return_type "give_up_and_restart".\n' +
    "2. Keep each thought short: five sentences at most.\n" +
    "3. You may get several attempts; if your plan is to try a series of options, try one option per attempt.\n" +
    "Now begin.\n" +
    `Task description: ${taskDescription}`
  );
}

/** The user message: the query between a leading newline and "Begin!" (ToolBench's layout, kept for the data format). */
export function buildUserMessage(query: string): string {
  return `\n${query}\nBegin!\n`;
}

/** The two messages every tree starts from. */
export function buildInitialMessages(task: { query: string; tools: readonly { name: string; description: string }[] }): ChatMessage[] {
  return [
    { role: "system", content: buildSystemPrompt(buildTaskDescription(task.tools)) },
    { role: "user", content: buildUserMessage(task.query) },
  ];
}

/** An earlier child's first action, as listed in the diversity prompt. */
export interface DiversityCandidate {
  name: string;
  arguments: string;
  functionOutput: string;
}

/**
 * The candidate list as ToolBench writes it (Python's json.dumps, indent 2). The value estimate is
 * always 0.0: ToolBench never computes one for DFSDT, but the key is part of what the model saw.
 */
export function formatDiversityCandidates(candidates: readonly DiversityCandidate[]): string {
  return pyJsonDumps(
    candidates.map((c) => ({ name: c.name, arguments: c.arguments, function_output: c.functionOutput, "mento-carlo-action-value": new PyFloat(0) })),
    2,
  );
}

export const FORMER_OBSERVATION_LABEL = "The observation you had in this state: ";

/**
 * DFSDT's "try something different" message: earlier attempts from this state failed; here are their
 * first actions (and this state's own observation, when it has one); choose an action unlike all of them.
 */
export function buildDiversityPrompt(candidates: readonly DiversityCandidate[], formerObservation: string): string {
  let listed = `${formatDiversityCandidates(candidates)}\n`;
  if (formerObservation !== "") listed += `${FORMER_OBSERVATION_LABEL}${formerObservation}\n`;
  return (
    "You have tried this task before, and every earlier attempt failed.\n" +
    "Before you think about this state, here are the actions you already took from it; whatever you do now must differ from all of them:\n" +
    `${listed}\n` +
    "You are partway through an attempt: look at the current state and at the actions above, then take an action different from every one of them."
  );
}

/** Reads a diversity message (Arbor's or ToolBench's wording): the candidate list's JSON text and the former observation. */
export function readDiversityPrompt(text: string): { candidatesJson: string; formerObservation: string | null } | undefined {
  const start = text.indexOf("[\n");
  if (start < 0) return undefined;
  const end = endOfJsonValue(text, start);
  if (end === undefined) return undefined;
  const rest = text.slice(end);
  // Layout after the list: "\n", an optional "<label>: <observation>\n", "\n", a closing line.
  const closing = rest.lastIndexOf("\n\n");
  const middle = closing > 0 ? rest.slice(1, closing + 1) : "";
  const colon = middle.indexOf(": ");
  const formerObservation = middle === "" || colon < 0 ? null : middle.slice(colon + 2, -1);
  return { candidatesJson: text.slice(start, end), formerObservation };
}

/** The index just past the JSON array or object starting at `start`, skipping over strings. */
function endOfJsonValue(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}
