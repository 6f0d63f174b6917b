// The world the search engines run in, passed in as arguments: the LLM, the tool executor, a random
// source. Messages use OpenAI's function-calling shape (`function_call` + role "function"), the shape
// ToolBench stores; a caller talking to a tools/tool_calls API adapts at its edge.
import type { OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import type { NodeContent } from "@/lib/core/toolbench/types";

export interface FunctionCall {
  name: string;
  arguments: string;
}

export type ChatMessage =
  | { role: "system"; content: string }
  /** `valid: false` marks DFSDT's "try something different" prompt once it has been used. */
  | { role: "user"; content: string; valid?: false }
  | { role: "assistant"; content: string | null; function_call?: FunctionCall }
  | { role: "function"; name: string; content: string };

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface LlmRequest {
  /** The conversation with hidden (`valid: false`) messages already removed. */
  messages: ChatMessage[];
  functions: OpenAiFunction[];
}

export interface LlmOutput {
  content: string | null;
  functionCall: FunctionCall | null;
  usage: TokenUsage;
}

/** One chat completion. Failures are thrown as LlmError (see errors.ts). */
export type Llm = (request: LlmRequest) => Promise<LlmOutput>;

export interface Observation {
  observation: string;
  /** ToolBench's status code: 0 ok, 2 bad input, 5–12 the call failed (see status-codes.ts). */
  code: number;
}

/**
 * Runs one API call. `functionName` is the full name of the offered function the model's call
 * resolved to; Finish and unknown names never reach the executor (the engine answers them itself).
 */
export type Executor = (functionName: string, argumentsText: string) => Promise<Observation>;

export interface SolveWorld {
  llm: Llm;
  execute: Executor;
  /** A uniform random number in [0, 1); used only to pick the give-up node to export. */
  random?: () => number;
}

/** What the model is asked to solve. */
export interface SolveTask {
  query: string;
  /** The offered functions, Finish included (see buildFunctionList). */
  functions: OpenAiFunction[];
  /** The tools listed in the task description: standardized name and description, in order. */
  tools: readonly { name: string; description: string }[];
}

/** A node of a generated tree as it is persisted (no children, no messages). */
export interface GeneratedNode extends NodeContent {
  /** Creation order; the root is 0. Stable across resumes, so it can key persisted rows. */
  id: number;
  parentId: number | null;
  /** The LLM call (1-based) whose reply made this node; 0 for the root. */
  expansion: number;
  /** On the last node of an expansion: the tokens its LLM call used. */
  usage?: TokenUsage;
}

export type NodeFlags = Partial<Pick<GeneratedNode, "pruned" | "finished" | "isTerminal" | "expandNum">>;

export type EngineEvent =
  /** After every LLM call, before its reply is turned into nodes (the 200th call's reply is then discarded). */
  | { type: "llm"; call: number; parentId: number; output: LlmOutput | { error: string } }
  /** A node, as soon as it exists. */
  | { type: "node"; node: GeneratedNode }
  /** Flags of an existing node changed (visited, pruned, finished). */
  | { type: "update"; id: number; changes: NodeFlags };

export type EventSink = (event: EngineEvent) => void | Promise<void>;
