// What a ToolBench file's path says about its content. ToolBench encodes the instruction group, the
// query id, the model and the search method in folder and file names rather than in the JSON.

export interface FileContext {
  /** "G1" | "G2" | "G3" | "unknown" */
  group: string;
  /** the file name without ".json" */
  stem: string;
  /** the folder holding the file */
  parentDir?: string;
  /** the folder above that */
  grandparentDir?: string;
}

const segmentsOf = (filePath: string) => filePath.replace(/\\/g, "/").split("/").filter(Boolean);

export function fileContext(filePath: string): FileContext {
  const parts = segmentsOf(filePath);
  const file = parts[parts.length - 1] ?? "";
  const stem = file.replace(/\.json$/i, "");
  return {
    group: groupFromPath(filePath),
    stem,
    parentDir: parts[parts.length - 2],
    grandparentDir: parts[parts.length - 3],
  };
}

/** The deepest path segment naming a group: "G1_answer", "G2_instruction.json", "G3_query.json", "G1". */
export function groupFromPath(filePath: string): string {
  const parts = segmentsOf(filePath);
  for (let i = parts.length - 1; i >= 0; i--) {
    const m = /^G([1-3])(?:_|\.json$|$)/i.exec(parts[i]!);
    if (m) return `G${m[1]}`;
  }
  return "unknown";
}

export interface AnswerFileName {
  queryId?: string;
  model?: string;
  methodLabel?: string;
}

const METHOD_SUFFIX = /(DFS_woFilter_w\d+|DFS_w\d+|CoT@\d+)$/;

/** "57_ChatGPT_DFS_woFilter_w2" → {queryId "57", model "ChatGPT", methodLabel "DFS_woFilter_w2"}; "1073_CoT@1" → {queryId "1073", methodLabel "CoT@1"}. */
export function parseAnswerFileName(stem: string): AnswerFileName {
  const m = /^(\d+)(?:_(.*))?$/.exec(stem);
  if (!m) return {};
  const rest = m[2] ?? "";
  const method = METHOD_SUFFIX.exec(rest);
  if (!method) return { queryId: m[1], model: rest || undefined };
  const model = rest.slice(0, rest.length - method[1]!.length).replace(/_+$/, "");
  return { queryId: m[1], model: model || undefined, methodLabel: method[1] };
}

/** Folders that group answers rather than name a run, model or method. */
const GENERIC_DIRS = /^(G[1-3](_.*)?|answer|answers|data|data_example|reproduction_data|model_predictions(_converted)?|tooleval_converted)$/i;

/** The nearest folder that names the run (e.g. "virtual_chatgpt_cot", "gpt-3.5-turbo_CoT"). */
export function runFolderName(ctx: FileContext): string | undefined {
  for (const dir of [ctx.parentDir, ctx.grandparentDir]) {
    if (dir && !GENERIC_DIRS.test(dir)) return dir;
  }
  return undefined;
}
