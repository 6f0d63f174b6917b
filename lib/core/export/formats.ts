// The export formats: what each is, how its file is named, and how a tree becomes its records.
import { toAnswerFile } from "./answer-file";
import { toOpenAiMessages, toOpenAiTools, toShareGpt, toToolLlama, toolLlamaId, toolLlamaSystem, toolLlamaTurn, withoutMarkers } from "./chat-formats";
import { TreeConversations, trainingLeaf } from "./conversation";
import { preferencePairs } from "./preference";
import { retrieverPair } from "./retriever";
import type { ExportTree, TrainMessage } from "./types";

export { EXPORT_FORMATS, EXPORT_FORMAT_INFO, exportFileName, isExportFormat, type ExportFormat, type ExportFormatInfo } from "./format-info";
import type { ExportFormat } from "./format-info";

/** The training path's last conversation (the whole path), or undefined without one. */
export function pathConversation(tree: ExportTree): TrainMessage[] | undefined {
  const leaf = trainingLeaf(tree);
  if (leaf === null) return undefined;
  const all = new TreeConversations(tree).trainMessages(leaf);
  return all[all.length - 1];
}

export function trainMessagesRecord(tree: ExportTree): { id: number; query_id: string | null; query: string; train_messages: TrainMessage[][] } | undefined {
  const leaf = trainingLeaf(tree);
  if (leaf === null) return undefined;
  return { id: tree.id, query_id: tree.externalId, query: tree.query, train_messages: new TreeConversations(tree).trainMessages(leaf) };
}

/** The JSON records a tree contributes to a line format (none when it has no training path). */
export function recordsOf(format: LineFormat, tree: ExportTree): unknown[] {
  switch (format) {
    case "train_messages": {
      const r = trainMessagesRecord(tree);
      return r ? [r] : [];
    }
    case "toolllama": {
      const leaf = trainingLeaf(tree);
      if (leaf === null) return [];
      const system = toolLlamaSystems(tree);
      return new TreeConversations(tree).trainMessages(leaf).map((c) => toToolLlama(c, tree.query, system));
    }
    case "openai": {
      const c = pathConversation(tree);
      return c ? [{ messages: toOpenAiMessages(withoutMarkers(c)), tools: toOpenAiTools(tree.functions) }] : [];
    }
    case "sharegpt": {
      const c = pathConversation(tree);
      if (!c) return [];
      const { system, conversations } = toShareGpt(c);
      return [{ id: String(tree.id), ...(system !== undefined ? { system } : {}), tools: JSON.stringify(toOpenAiTools(tree.functions).map((t) => t.function)), conversations }];
    }
    case "retriever": {
      const p = retrieverPair(tree);
      return p ? [p] : [];
    }
    case "dpo":
      return preferencePairs(tree);
  }
}

export { toAnswerFile };

/** A tree's ToolLLaMA system message for a prompt, made once per prompt (the function list is long). */
function toolLlamaSystems(tree: ExportTree): (prompt: string) => string {
  const systems = new Map<string, string>();
  return (prompt) => {
    let s = systems.get(prompt);
    if (s === undefined) systems.set(prompt, (s = toolLlamaSystem(prompt, tree.functions)));
    return s;
  };
}

/** Each message's JSON, written once however many conversations share the message. */
function jsonOnce<M extends object>(toJson: (m: M) => string): (m: M) => string {
  const cache = new Map<M, string>();
  return (m) => {
    let s = cache.get(m);
    if (s === undefined) cache.set(m, (s = toJson(m)));
    return s;
  };
}

export type LineFormat = Exclude<ExportFormat, "toolbench_answers" | "parquet">;

/** Whether a format is one of the JSONL formats (a line per record). */
export const isLineFormat = (format: ExportFormat): format is LineFormat => format !== "toolbench_answers" && format !== "parquet";

/** Where the JSONL formats write a tree's lines: as pieces of text, each line ended by `endLine`. */
export interface LineOut {
  write(text: string): void;
  endLine(): void;
}

/**
 * Writes the JSONL lines a tree contributes (the records as JSON.stringify writes them); returns how
 * many. train_messages and ToolLLaMA repeat each step's conversation prefix; the messages are shared
 * objects, so each is written to JSON once and the lines are written as those pieces, never joined.
 */
export function writeLines(format: LineFormat, tree: ExportTree, out: LineOut): number {
  if (format === "train_messages") {
    const r = trainMessagesRecord(tree);
    if (!r) return 0;
    const json = jsonOnce<TrainMessage>((m) => JSON.stringify(m));
    out.write(`{"id":${r.id},"query_id":${JSON.stringify(r.query_id)},"query":${JSON.stringify(r.query)},"train_messages":`);
    writeList(out, r.train_messages, (c) => writeList(out, c, (m) => out.write(json(m))));
    out.write("}");
    out.endLine();
    return 1;
  }
  if (format === "toolllama") {
    const leaf = trainingLeaf(tree);
    if (leaf === null) return 0;
    const system = toolLlamaSystems(tree);
    const turn = jsonOnce<TrainMessage>((m) => JSON.stringify(toolLlamaTurn(m, system)));
    const conversations = new TreeConversations(tree).trainMessages(leaf);
    for (const c of conversations) {
      out.write(`{"id":${JSON.stringify(toolLlamaId(c, tree.query))},"conversations":`);
      writeList(out, c, (m) => out.write(turn(m)));
      out.write("}");
      out.endLine();
    }
    return conversations.length;
  }
  const records = recordsOf(format, tree);
  for (const r of records) {
    out.write(JSON.stringify(r));
    out.endLine();
  }
  return records.length;
}

/** A JSON array of items each item writes itself. */
function writeList<T>(out: LineOut, items: readonly T[], item: (x: T) => void): void {
  out.write("[");
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.write(",");
    item(items[i]!);
  }
  out.write("]");
}

/** The JSONL lines a tree contributes, as strings. */
export function linesOf(format: LineFormat, tree: ExportTree): string[] {
  const lines: string[] = [];
  let line = "";
  writeLines(format, tree, {
    write: (text) => {
      line += text;
    },
    endLine: () => {
      lines.push(line);
      line = "";
    },
  });
  return lines;
}

export interface ParquetRow {
  tree_id: number;
  query_id: string | null;
  group: string;
  query: string;
  model: string | null;
  method: string;
  review_status: string;
  valid_data: boolean;
  finish_type: string | null;
  final_answer: string | null;
  /** the training path's conversation, OpenAI chat messages as JSON text */
  messages: string | null;
  tools: string;
}

export function parquetRow(tree: ExportTree): ParquetRow {
  const c = pathConversation(tree);
  return {
    tree_id: tree.id,
    query_id: tree.externalId,
    group: tree.group,
    query: tree.query,
    model: tree.model,
    method: tree.methodLabel,
    review_status: tree.reviewStatus,
    valid_data: tree.validData,
    finish_type: tree.finishType,
    final_answer: tree.finalAnswer,
    messages: c ? JSON.stringify(toOpenAiMessages(withoutMarkers(c))) : null,
    tools: JSON.stringify(toOpenAiTools(tree.functions)),
  };
}

export const PARQUET_COLUMNS: { name: keyof ParquetRow; type: "INT32" | "STRING" | "BOOLEAN"; nullable: boolean }[] = [
  { name: "tree_id", type: "INT32", nullable: false },
  { name: "query_id", type: "STRING", nullable: true },
  { name: "group", type: "STRING", nullable: false },
  { name: "query", type: "STRING", nullable: false },
  { name: "model", type: "STRING", nullable: true },
  { name: "method", type: "STRING", nullable: false },
  { name: "review_status", type: "STRING", nullable: false },
  { name: "valid_data", type: "BOOLEAN", nullable: false },
  { name: "finish_type", type: "STRING", nullable: true },
  { name: "final_answer", type: "STRING", nullable: true },
  { name: "messages", type: "STRING", nullable: true },
  { name: "tools", type: "STRING", nullable: false },
];
