// Chat messages as ToolBench and StableToolBench write them, in both styles:
// `function_call` + role "function" (OpenAI functions) and `tool_calls` + role "tool" (OpenAI tools).
import { isObject } from "./json-shape";

export interface ToolCall {
  id?: string;
  name: string;
  arguments: string;
}

export interface NormalizedMessage {
  role: string;
  content: string | null;
  calls: ToolCall[];
  /** function / tool result messages: the function's name (when written) */
  name?: string;
  toolCallId?: string;
  /** false on DFSDT's hidden "try something different" prompts */
  valid?: boolean;
}

const argString = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v));

export function normalizeMessage(m: unknown): NormalizedMessage | undefined {
  if (!isObject(m) || typeof m.role !== "string") return undefined;
  const calls: ToolCall[] = [];
  if (isObject(m.function_call) && typeof m.function_call.name === "string") {
    calls.push({ name: m.function_call.name, arguments: argString(m.function_call.arguments) });
  }
  if (Array.isArray(m.tool_calls)) {
    for (const tc of m.tool_calls) {
      if (!isObject(tc)) continue;
      const fn = isObject(tc.function) ? tc.function : tc;
      if (typeof fn.name !== "string") continue;
      calls.push({ id: typeof tc.id === "string" ? tc.id : undefined, name: fn.name, arguments: argString(fn.arguments) });
    }
  }
  return {
    role: m.role,
    content: typeof m.content === "string" ? m.content : null,
    calls,
    name: typeof m.name === "string" ? m.name : undefined,
    toolCallId: typeof m.tool_call_id === "string" ? m.tool_call_id : undefined,
    valid: typeof m.valid === "boolean" ? m.valid : undefined,
  };
}

export function normalizeConversation(conversation: unknown): NormalizedMessage[] {
  if (!Array.isArray(conversation)) return [];
  return conversation.map(normalizeMessage).filter((m): m is NormalizedMessage => m !== undefined);
}

/** A function list entry in either style → its name ({name} or {type: "function", function: {name}}). */
export function functionNameOf(entry: unknown): string | undefined {
  if (!isObject(entry)) return undefined;
  if (typeof entry.name === "string") return entry.name;
  if (isObject(entry.function) && typeof entry.function.name === "string") return entry.function.name;
  return undefined;
}
