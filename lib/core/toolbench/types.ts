// What Arbor reads out of ToolBench / StableToolBench files: one normalized shape per file kind,
// independent of the database. Parsers (parse-*.ts) produce these; the importer writes them.

export type FileKind =
  | "instructions" // G*_query.json, solvable_queries/test_instruction/*.json
  | "query_ids" // solvable_queries/test_query_ids/*.json: {"<qid>": 0, ...}
  | "tool" // toolenv/tools/<Category>/<tool>.json
  | "response_examples" // toolenv/response_examples/<Category>/<tool>.json
  | "dfs_answer" // answer/<qid>_<model>_DFS_woFilter_w2.json
  | "cot_answer" // answer/<qid>_CoT@N.json
  | "tooleval_converted" // ToolEval converted answers {qid: {query, available_tools, answer}}
  | "pass_rate_results" // ToolEval / StableToolBench eval_pass_rate.py: <test_set>_<model>.json
  | "preference_results" // ToolEval / StableToolBench eval_preference.py: <test_set>_<reference>_<candidate>.json
  | "toolllama_conversations" // ToolLLaMA training conversations (derived from answers): not imported
  | "empty"; // a zero-byte / whitespace-only file: nothing to import

/** A ToolBench parameter, as written: {name, type, description, default}. */
export interface ApiParameter {
  name: string;
  type: string;
  description: string;
  default: unknown;
}

export interface CatalogApi {
  name: string;
  description: string;
  method: string;
  url?: string;
  requiredParameters: ApiParameter[];
  optionalParameters: ApiParameter[];
  responseSchema?: unknown;
  testEndpoint?: unknown;
  statusCode?: number;
}

export interface CatalogTool {
  /** Category name as written (e.g. "Artificial Intelligence/Machine Learning" or a directory name). */
  category: string;
  /** tool_name as written. */
  name: string;
  /** ToolBench's standardized tool name (file stem); the tool's identity within its category. */
  standardizedName: string;
  description?: string;
  title?: string;
  host?: string;
  homeUrl?: string;
  pricing?: string;
  score?: unknown;
  apis: CatalogApi[];
}

export interface SampledApi {
  category: string;
  tool: string;
  api: string;
}

export interface ParsedInstruction {
  /** "G1" | "G2" | "G3" (from the file's path), or "unknown". */
  group: string;
  externalId?: string;
  query: string;
  sampledApis: SampledApi[];
  /** [[tool, api], ...] */
  relevantApis: [string, string][];
}

export type NodeType = "Thought" | "Action" | "ActionInput";

/** What every stored node says, however its tree was made (parsed from a file or generated). */
export interface NodeContent {
  /** Index among its siblings. */
  position: number;
  depth: number;
  type: NodeType;
  /** ToolBench's `description`: thought text, function name (Action) or arguments (Action Input). */
  text: string;
  /** On Action and Action Input nodes: the function called, as the model wrote it. */
  functionName?: string;
  observation?: string;
  observationCode?: number;
  pruned: boolean;
  finished: boolean;
  /** True on the node that gave the final answer (ToolBench writes false for every node in files). */
  isTerminal: boolean;
  expandNum: number;
}

export interface ParsedNode extends NodeContent {
  /** Pre-order position in the tree; the root is 0. */
  idx: number;
  parentIdx: number | null;
  childCount: number;
  meta?: Record<string, unknown>;
}

export type TreeMethod = "dfsdt" | "dfs" | "react" | "other";

export interface TreeStats {
  size: number;
  maxDepth: number;
  /** observation code 1 */
  hallucinatedCount: number;
  /** observation codes 2, 5–12 */
  apiErrorCount: number;
  /** observation code 4 */
  giveUpCount: number;
}

export interface ParsedTree {
  group: string;
  /** The query id (from the file name, or the entry key in a converted file). */
  externalId?: string;
  query: string;
  method: TreeMethod;
  methodLabel: string;
  model?: string;
  validData: boolean;
  finishType: string | null;
  finalAnswerRaw: string;
  finalAnswer: string | null;
  queryCount: number;
  totalTokens: number;
  win?: boolean;
  nodes: ParsedNode[];
  /** idx of the last node of the path ToolBench used for training data; null when there is none. */
  chosenNodeIdx: number | null;
  /** The function list offered to the model (OpenAI function schemas), as written. */
  functions: unknown[];
  systemPrompt?: string;
  forwardArgs?: unknown;
  /** Imported from a lossy representation (ToolEval converted answers cut messages to 100 characters). */
  truncated: boolean;
  sourceKind: "dfs_answer" | "cot_answer" | "tooleval_converted";
  /** Key of this tree within its file (converted files hold many). */
  sourceKey?: string;
  stats: TreeStats;
}

export type ParsedFile =
  | { kind: "instructions"; instructions: ParsedInstruction[]; catalog: CatalogTool[] }
  | { kind: "query_ids"; setName: string; group: string; queryIds: string[] }
  | { kind: "tool"; catalog: CatalogTool[] }
  | { kind: "response_examples"; category: string; toolStandardizedName: string; schemas: { api: string; schema: unknown }[] }
  | { kind: "dfs_answer" | "cot_answer" | "tooleval_converted"; trees: ParsedTree[] }
  | PassRateResults
  | PreferenceResults
  | { kind: "empty" }
  | { kind: "toolllama_conversations" };

/** File kinds Arbor recognizes and deliberately leaves out, with why. */
export const SKIPPED_KINDS: Record<"empty" | "toolllama_conversations", string> = {
  empty: "empty file",
  toolllama_conversations: "ToolLLaMA training conversations, derived from answer files (import the answers instead)",
};

/** A file that cannot be imported, with where in it the problem is. */
export class ToolBenchParseError extends Error {
  constructor(
    message: string,
    /** e.g. "line 12, column 5" for bad JSON, or a JSON path such as "$[3].api_list[0].api_name". */
    readonly location?: string,
  ) {
    super(location ? `${message} (at ${location})` : message);
    this.name = "ToolBenchParseError";
  }
}

/** A pass-rate result file: per query id, the judge's votes for one model's answers. */
export interface PassRateResults {
  kind: "pass_rate_results";
  /** e.g. "G1_instruction" */
  testSet: string;
  group: string;
  /** the converted answers' folder name the results are for, e.g. "gpt-3.5-turbo_CoT" */
  model: string;
  entries: {
    queryId: string;
    passVotes: number;
    failVotes: number;
    /** each judgement's answer status, in evaluation order */
    labels: ("Solved" | "Unsolved" | "Unsure")[];
    solvable: "Solvable" | "Unsolvable" | "Unsure" | null;
    reason: string | null;
    notHallucinate: boolean | null;
  }[];
}

/** A preference (win rate) result file: per query id, the points of a reference and a candidate model. */
export interface PreferenceResults {
  kind: "preference_results";
  testSet: string;
  group: string;
  referenceModel: string;
  candidateModel: string;
  entries: { queryId: string; referencePoints: number; candidatePoints: number; rounds: number }[];
}
