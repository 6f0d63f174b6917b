// Reads any ToolBench / StableToolBench file Arbor imports, recognizing its kind from its content.
import { fileContext } from "./file-context";
import { isObject, parseJsonText, type JsonObject } from "./json-shape";
import { parseCotAnswer, parseDfsAnswer } from "./parse-answer";
import { parseInstructions, parseQueryIds, parseResponseExamples, parseToolFile } from "./parse-catalog";
import { looksLikePassRateResults, looksLikePreferenceResults, parsePassRateResults, parsePreferenceResults } from "./parse-eval-results";
import { looksLikeToolEvalConverted, parseToolEvalConverted } from "./parse-tooleval";
import { ToolBenchParseError, type FileKind, type ParsedFile } from "./types";

export function detectKind(data: unknown): FileKind | undefined {
  if (Array.isArray(data)) {
    if (data.length === 0 || (isObject(data[0]) && "query" in data[0])) return "instructions";
    if (isObject(data[0]) && "conversations" in data[0]) return "toolllama_conversations";
    return undefined;
  }
  if (!isObject(data)) return undefined;
  if (isObject(data.tree) && "tree" in data.tree && "answer_generation" in data) return "dfs_answer";
  if (Array.isArray(data.trys) && "answer_generation" in data) return "cot_answer";
  if ("tool_name" in data && "api_list" in data) return "tool";
  if (Array.isArray(data.api_list) && Object.keys(data).every((k) => k === "api_list" || k === "tool_name" || k === "standardized_name")) {
    return "response_examples";
  }
  const values = Object.values(data);
  if (values.length > 0 && values.every((v) => typeof v === "number")) return "query_ids";
  if (looksLikeToolEvalConverted(data)) return "tooleval_converted";
  if (looksLikePassRateResults(data)) return "pass_rate_results";
  if (looksLikePreferenceResults(data)) return "preference_results";
  return undefined;
}

const KINDS_HELP =
  "instructions (G*_query.json), query-id lists, toolenv tool files, response_examples, DFSDT or CoT answer files, ToolEval converted answers, ToolEval pass-rate or preference results";

/**
 * Parses one file. `filePath` (relative or absolute) supplies what ToolBench keeps in names:
 * the group (G1/G2/G3), the query id, the model, and a tool's category folder.
 * Throws ToolBenchParseError naming where in the file the problem is.
 */
export function parseToolBenchFile(text: string, filePath: string): ParsedFile {
  if (text.trim() === "") return { kind: "empty" };
  const data = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const kind = detectKind(data);
  const ctx = fileContext(filePath);
  switch (kind) {
    case "instructions":
      return parseInstructions(data as never, filePath);
    case "query_ids":
      return parseQueryIds(data as JsonObject, ctx, filePath);
    case "tool":
      return parseToolFile(data as JsonObject, ctx);
    case "response_examples":
      return parseResponseExamples(data as JsonObject, ctx);
    case "dfs_answer":
      return parseDfsAnswer(data as JsonObject, ctx);
    case "cot_answer":
      return parseCotAnswer(data as JsonObject, ctx);
    case "tooleval_converted":
      return parseToolEvalConverted(data as JsonObject, ctx);
    case "pass_rate_results":
      return parsePassRateResults(data as JsonObject, ctx);
    case "preference_results":
      return parsePreferenceResults(data as JsonObject, ctx);
    case "toolllama_conversations":
      return { kind: "toolllama_conversations" };
    default:
      throw new ToolBenchParseError(`not a ToolBench file Arbor recognizes (expected one of: ${KINDS_HELP})`, "$");
  }
}
