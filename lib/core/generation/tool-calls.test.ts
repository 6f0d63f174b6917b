import { describe, expect, it } from "vitest";
import { FINISH_FUNCTION } from "@/lib/core/toolbench/openai-function";
import { fromToolStyleReply, toToolStyleRequest } from "./tool-calls";
import type { ChatMessage } from "./types";

describe("tools-style adapters", () => {
  it("turns function calls and results into tool calls answered by id", () => {
    const messages: ChatMessage[] = [
      { role: "system", content: "s" },
      { role: "user", content: "u" },
      { role: "assistant", content: null, function_call: { name: "search_for_t", arguments: "{}" } },
      { role: "function", name: "search_for_t", content: "obs" },
      { role: "assistant", content: "thinking" },
      { role: "function", name: "invalid_hallucination_function_name", content: "orphan" },
    ];
    expect(toToolStyleRequest(messages, [FINISH_FUNCTION])).toEqual({
      messages: [
        { role: "system", content: "s" },
        { role: "user", content: "u" },
        { role: "assistant", content: null, tool_calls: [{ id: "call_2", type: "function", function: { name: "search_for_t", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "call_2", content: "obs" },
        { role: "assistant", content: "thinking" },
        { role: "user", content: "Result of invalid_hallucination_function_name: orphan" },
      ],
      tools: [{ type: "function", function: FINISH_FUNCTION }],
    });
  });

  it("takes the reply's text and first call, counting the calls left out", () => {
    const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };
    expect(
      fromToolStyleReply({ content: "Let me look.", tool_calls: [{ function: { name: "a", arguments: "{}" } }, { function: { name: "b", arguments: "{}" } }] }, usage),
    ).toEqual({ content: "Let me look.", functionCall: { name: "a", arguments: "{}" }, usage, droppedCalls: 1 });
    expect(fromToolStyleReply({ content: null }, usage)).toEqual({ content: null, functionCall: null, usage, droppedCalls: 0 });
  });
});
