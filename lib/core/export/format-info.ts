// The export formats as the UI and the CLI list them: names, file extensions, content types.
export const EXPORT_FORMATS = ["toolbench_answers", "train_messages", "toolllama", "openai", "sharegpt", "parquet", "retriever", "dpo"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatInfo {
  id: ExportFormat;
  label: string;
  description: string;
  extension: "zip" | "jsonl" | "parquet";
  contentType: string;
  /** what one record is */
  record: string;
}

const JSONL = "application/x-ndjson";

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  toolbench_answers: {
    id: "toolbench_answers",
    label: "ToolBench answer files",
    description: "A zip of answer files (tree + answer_generation), one per tree, named as ToolBench names them; unzip and import the folder to read them back.",
    extension: "zip",
    contentType: "application/zip",
    record: "tree",
  },
  train_messages: {
    id: "train_messages",
    label: "ToolBench train_messages",
    description: "JSONL, one line per tree: the training path's train_messages as ToolBench writes them.",
    extension: "jsonl",
    contentType: JSONL,
    record: "tree",
  },
  toolllama: {
    id: "toolllama",
    label: "ToolLLaMA conversations",
    description: "JSONL of {id, conversations}, one line per step of the training path, assistant turns as Thought / Action / Action Input.",
    extension: "jsonl",
    contentType: JSONL,
    record: "conversation",
  },
  openai: {
    id: "openai",
    label: "OpenAI chat fine-tuning",
    description: "JSONL, one line per tree: {messages, tools} with tool_calls and tool results.",
    extension: "jsonl",
    contentType: JSONL,
    record: "tree",
  },
  sharegpt: {
    id: "sharegpt",
    label: "ShareGPT",
    description: "JSONL, one line per tree: {id, system, tools, conversations} with human / gpt / function_call / observation turns.",
    extension: "jsonl",
    contentType: JSONL,
    record: "tree",
  },
  parquet: {
    id: "parquet",
    label: "Parquet",
    description: "One row per tree: ids, query, model, review status, final answer, and the training conversation and tools as JSON text.",
    extension: "parquet",
    contentType: "application/vnd.apache.parquet",
    record: "tree",
  },
  retriever: {
    id: "retriever",
    label: "Retriever pairs",
    description: "JSONL, one line per tree: the instruction and its relevant APIs with their document text.",
    extension: "jsonl",
    contentType: JSONL,
    record: "instruction",
  },
  dpo: {
    id: "dpo",
    label: "Preference pairs (DPO)",
    description: "JSONL of {prompt, chosen, rejected}: the training path against each failed sibling branch where they part.",
    extension: "jsonl",
    contentType: JSONL,
    record: "pair",
  },
};

export const isExportFormat = (v: unknown): v is ExportFormat => typeof v === "string" && (EXPORT_FORMATS as readonly string[]).includes(v);

/** `arbor-export-12-openai.jsonl` */
export const exportFileName = (id: number, format: ExportFormat) => `arbor-export-${id}-${format.replace(/_/g, "-")}.${EXPORT_FORMAT_INFO[format].extension}`;

