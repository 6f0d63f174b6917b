// The engines speak OpenAI's function-calling shape (what ToolBench stores); current chat APIs take
// `tools` and answer with `tool_calls`. These convert at the LLM client's edge, both ways, without
// losing what the tree records.
import type { OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import type { ChatMessage, LlmOutput, TokenUsage } from "./types";

export type ToolStyleMessage =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string | null; tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[] }
  | { role: "tool"; tool_call_id: string; content: string };

export interface ToolStyleRequest {
  messages: ToolStyleMessage[];
  tools: { type: "function"; function: OpenAiFunction }[];
}

/**
 * A function-calling conversation in tools style. Each assistant call gets a deterministic id
 * (`call_<n>`, by position) that the function result after it answers; a result with no call before
 * it cannot be expressed as a tool message and is sent as a user message naming the function.
 */
export function toToolStyleRequest(messages: readonly ChatMessage[], functions: readonly OpenAiFunction[]): ToolStyleRequest {
  const out: ToolStyleMessage[] = [];
  let pendingId: string | undefined;
  messages.forEach((m, i) => {
    if (m.role === "assistant") {
      pendingId = m.function_call ? `call_${i}` : undefined;
      out.push(
        m.function_call
          ? { role: "assistant", content: m.content, tool_calls: [{ id: pendingId!, type: "function", function: { ...m.function_call } }] }
          : { role: "assistant", content: m.content },
      );
    } else if (m.role === "function") {
      if (pendingId) out.push({ role: "tool", tool_call_id: pendingId, content: m.content });
      else out.push({ role: "user", content: `Result of ${m.name}: ${m.content}` });
      pendingId = undefined;
    } else {
      out.push({ role: m.role, content: m.content });
    }
  });
  return { messages: out, tools: functions.map((f) => ({ type: "function", function: f })) };
}

/**
 * A tools-style reply as the engine's output. A tree step holds one call, so when the model makes
 * several in parallel only the first is taken (ToolBench's DFSDT has no place for the others).
 */
export function fromToolStyleReply(
  message: { content?: string | null; tool_calls?: readonly { function?: { name?: string; arguments?: string } }[] | null },
  usage: TokenUsage,
): LlmOutput & { droppedCalls: number } {
  const calls = (message.tool_calls ?? []).filter((c) => typeof c.function?.name === "string");
  const first = calls[0]?.function;
  return {
    content: message.content ?? null,
    functionCall: first ? { name: first.name!, arguments: first.arguments ?? "" } : null,
    usage,
    droppedCalls: Math.max(0, calls.length - 1),
  };
}
