// What the export serializers read: one tree with its nodes and the instruction it answers, as plain
// data (the repository loads it; tests build it from parsed files).
import type { ParsedNode } from "@/lib/core/toolbench/types";

export type ExportNode = ParsedNode;

export interface ExportTree {
  id: number;
  group: string;
  /** ToolBench's query id, when the tree came from a file that names one */
  externalId: string | null;
  query: string;
  method: string;
  methodLabel: string;
  model: string | null;
  validData: boolean;
  finishType: string | null;
  finalAnswerRaw: string;
  finalAnswer: string | null;
  queryCount: number;
  totalTokens: number;
  win: boolean | null;
  /** the training path: idx of its last node (the reviewer's choice, else ToolBench's) */
  chosenNodeIdx: number | null;
  functions: unknown[];
  systemPrompt: string | null;
  forwardArgs: unknown;
  /** "dfs_answer" | "cot_answer" | "tooleval_converted" | "generated" */
  sourceKind: string;
  reviewStatus: string;
  /** [[tool, api], ...] as ToolBench writes "relevant APIs" */
  relevantApis: [string, string][];
  /** the sampled API list: [{category, tool, api}] */
  sampledApis: { category: string; tool: string; api: string }[];
  /** pre-order, idx = position */
  nodes: ExportNode[];
}

/** A chat message as ToolBench writes train_messages (OpenAI function-calling style). */
export type TrainMessage =
  | { role: "system" | "user"; content: string; valid?: false }
  | { role: "assistant"; content: string | null; function_call?: { name: string; arguments: string } }
  | { role: "function"; name: string; content: string };
