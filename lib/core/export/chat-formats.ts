// Training conversations in the shapes other trainers read: OpenAI chat fine-tuning (tools and
// tool_calls), ShareGPT, and ToolLLaMA's conversations.
import { pyRepr } from "./python-repr";
import type { TrainMessage } from "./types";

export interface OpenAiTool {
  type: "function";
  function: { name: string; description?: string; parameters: Record<string, unknown> };
}

export type OpenAiMessage =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string | null; tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[] }
  | { role: "tool"; tool_call_id: string; content: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** ToolBench's function list as OpenAI tools: standard JSON-schema parameters only (its `optional` lists are dropped). */
export function toOpenAiTools(functions: readonly unknown[]): OpenAiTool[] {
  const tools: OpenAiTool[] = [];
  for (const f of functions) {
    const fn = isRecord(f) && isRecord(f.function) ? f.function : f;
    if (!isRecord(fn) || typeof fn.name !== "string") continue;
    const params = isRecord(fn.parameters) ? fn.parameters : {};
    const parameters: Record<string, unknown> = { type: typeof params.type === "string" ? params.type : "object", properties: isRecord(params.properties) ? params.properties : {} };
    if (Array.isArray(params.required)) parameters.required = params.required;
    tools.push({ type: "function", function: { name: fn.name, ...(typeof fn.description === "string" ? { description: fn.description } : {}), parameters } });
  }
  return tools;
}

/** ToolBench messages → OpenAI chat messages; each call gets an id its result refers to. */
export function toOpenAiMessages(messages: readonly TrainMessage[]): OpenAiMessage[] {
  const out: OpenAiMessage[] = [];
  let calls = 0;
  let pending: string | undefined;
  for (const m of messages) {
    if (m.role === "system" || m.role === "user") out.push({ role: m.role, content: m.content });
    else if (m.role === "assistant") {
      if (m.function_call) {
        pending = `call_${++calls}`;
        out.push({ role: "assistant", content: m.content, tool_calls: [{ id: pending, type: "function", function: { name: m.function_call.name, arguments: m.function_call.arguments } }] });
      } else out.push({ role: "assistant", content: m.content });
    } else {
      out.push({ role: "tool", tool_call_id: pending ?? `call_${++calls}`, content: m.content });
      pending = undefined;
    }
  }
  return out;
}

export const isHiddenMessage = (m: TrainMessage): boolean => (m.role === "user" || m.role === "system") && "valid" in m && m.valid === false;

/** Without the `valid` marker ToolBench keeps on hidden prompts (the content is kept). */
export const withoutMarkers = (messages: readonly TrainMessage[]): TrainMessage[] =>
  messages.map((m) => ((m.role === "user" || m.role === "system") && "valid" in m ? { role: m.role, content: m.content } : m));

export interface ShareGptTurn {
  from: "human" | "gpt" | "function_call" | "observation";
  value: string;
}

/**
 * ShareGPT with function calling (the layout LLaMA-Factory reads): the system prompt and tools
 * beside the turns; a call is a `function_call` turn holding {name, arguments}, preceded by the
 * model's thought as a `gpt` turn only when the thought came without a call. Hidden prompts, which
 * would break the turn order, are left out.
 */
export function toShareGpt(messages: readonly TrainMessage[]): { system?: string; conversations: ShareGptTurn[] } {
  let system: string | undefined;
  const conversations: ShareGptTurn[] = [];
  for (const m of messages) {
    if (isHiddenMessage(m)) continue;
    if (m.role === "system") system = m.content;
    else if (m.role === "user") conversations.push({ from: "human", value: m.content });
    else if (m.role === "assistant") {
      if (m.function_call) {
        const call: Record<string, unknown> = { name: m.function_call.name, arguments: m.function_call.arguments };
        if (m.content) call.thought = m.content;
        conversations.push({ from: "function_call", value: JSON.stringify(call) });
      } else conversations.push({ from: "gpt", value: m.content ?? "" });
    } else conversations.push({ from: "observation", value: m.content });
  }
  return { ...(system !== undefined ? { system } : {}), conversations };
}

const TOOLLLAMA_FORMAT_HINT_AFTER = "with a function call to actually excute your step.";

/** ToolLLaMA's system message: a format hint, then every function as Python writes the list. */
export function toolLlamaSystem(system: string, functions: readonly unknown[]): string {
  const hinted = system.includes(TOOLLLAMA_FORMAT_HINT_AFTER)
    ? system.replace(TOOLLLAMA_FORMAT_HINT_AFTER, `${TOOLLLAMA_FORMAT_HINT_AFTER} Your output should follow this format:\nThought:\nAction\nAction Input:\n`)
    : system;
  return `${hinted}\nSpecifically, you have access to the following APIs: ${pyRepr(functions)}`;
}

export interface ToolLlamaRecord {
  id: string;
  conversations: { from: "system" | "user" | "assistant" | "function"; value: string }[];
}

/**
 * One ToolLLaMA record per training conversation: "Step <n>: <query>", assistant turns in ReACT form.
 * `system` turns the system prompt into ToolLLaMA's (pass a cached one: the function list is long).
 */
export function toToolLlama(conversation: readonly TrainMessage[], query: string, system: (prompt: string) => string): ToolLlamaRecord {
  const conversations = conversation.map((m) => toolLlamaTurn(m, system));
  return { id: toolLlamaId(conversation, query), conversations };
}

/** A ToolLLaMA record's id: "Step <n>: <query>", n the conversation's assistant turns. */
export function toolLlamaId(conversation: readonly TrainMessage[], query: string): string {
  let step = 0;
  for (const m of conversation) if (m.role === "assistant") step++;
  return `Step ${step}: ${query}`;
}

/** One message as a ToolLLaMA turn (it depends on the message alone). */
export function toolLlamaTurn(m: TrainMessage, system: (prompt: string) => string): ToolLlamaRecord["conversations"][number] {
  if (m.role === "assistant") {
    const thought = m.content ?? "";
    const value = m.function_call ? `\nThought: ${thought}\nAction: ${m.function_call.name}\nAction Input: ${m.function_call.arguments}` : `\nThought: ${thought}`;
    return { from: "assistant", value };
  }
  if (m.role === "system") return { from: "system", value: system(m.content) };
  return { from: m.role, value: m.content };
}
