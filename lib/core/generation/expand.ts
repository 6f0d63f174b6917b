// One LLM call turned into nodes, the same way in DFSDT and ReACT: an optional Thought (the reply's
// text), then Action (the function name) and Action Input (the arguments, with the call's
// observation and status code). The reply is then appended to the last node's conversation.
import type { OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { LlmError, RunCancelledError } from "./errors";
import { performStep } from "./step";
import { visibleMessages, type TreeBuilder, type TreeNode } from "./tree";
import type { EventSink, Executor, Llm, LlmOutput } from "./types";

export const HALLUCINATED_FUNCTION_NAME = "invalid_hallucination_function_name";

/** A reply, or the failure ToolBench records when the LLM gave none. */
export type LlmReply = LlmOutput | { error: string };

export interface CallOptions {
  llm: Llm;
  functions: OpenAiFunction[];
  emit?: EventSink;
  signal?: AbortSignal;
  /** "record": a failed call becomes a pruned Thought with code -1 (ToolBench); "throw": the error ends the run. */
  llmErrors: "record" | "throw";
}

/** Asks the LLM for the next step from `node`'s conversation. */
export async function callLlm(node: TreeNode, call: number, options: CallOptions): Promise<LlmReply> {
  if (options.signal?.aborted) throw new RunCancelledError();
  let reply: LlmReply;
  try {
    const output = await options.llm({ messages: visibleMessages(node.messages), functions: options.functions });
    reply = { ...output, functionCall: output.functionCall && { name: lastDottedPart(output.functionCall.name), arguments: output.functionCall.arguments } };
  } catch (error) {
    if (!(error instanceof LlmError) || options.llmErrors === "throw") throw error;
    reply = { error: error.message };
  }
  await options.emit?.({ type: "llm", call, parentId: node.id, output: reply });
  return reply;
}

/** ToolBench's ChatGPT wrapper keeps only what follows the last "." of a function name. */
const lastDottedPart = (name: string) => (name.includes(".") ? name.slice(name.lastIndexOf(".") + 1) : name);

export const replyTokens = (reply: LlmReply): number => ("error" in reply ? 0 : reply.usage.totalTokens);

export interface ExpandOptions {
  functions: OpenAiFunction[];
  execute: Executor;
  maxObservationLength: number;
}

/**
 * Adds the nodes of one reply under `parent` and returns the last one. A reply with neither text nor
 * a call adds no node: the reply is appended to the parent, and the search goes on from the parent
 * (ToolBench does the same under a Thought; under an Action Input it crashes looking up the missing
 * call's name for the function message, which Arbor simply leaves out).
 */
export async function expandReply(builder: TreeBuilder, parent: TreeNode, reply: LlmReply, call: number, options: ExpandOptions): Promise<TreeNode> {
  const failed = "error" in reply;
  const content = failed ? reply.error : reply.content;
  const functionCall = failed ? null : reply.functionCall;
  const usage = failed ? undefined : reply.usage;
  let last = parent;
  if (content !== null) {
    last = await builder.add(last, "Thought", content, call, {
      ...(failed ? { observationCode: -1, pruned: true } : {}),
      ...(functionCall ? {} : { usage }),
    });
  }
  if (!functionCall) {
    last.messages.push({ role: "assistant", content });
    return last;
  }
  const action = await builder.add(last, "Action", functionCall.name, call, { functionName: functionCall.name });
  const result = await performStep(options.functions, functionCall.name, functionCall.arguments, options.execute, options.maxObservationLength);
  const input = await builder.add(action, "ActionInput", functionCall.arguments, call, {
    functionName: functionCall.name,
    observation: result.observation,
    observationCode: result.code,
    pruned: result.code === 4,
    // ToolBench's env flags success on a final answer, and a node is terminal when its env succeeded.
    isTerminal: result.code === 3,
    usage,
  });
  // The node keeps the model's name; the conversation carries a marker instead, so later calls see
  // that the name was invalid.
  const calledName = result.code === 1 ? HALLUCINATED_FUNCTION_NAME : functionCall.name;
  input.messages.push(
    { role: "assistant", content, function_call: { name: calledName, arguments: functionCall.arguments } },
    { role: "function", name: calledName, content: input.observation },
  );
  return input;
}
