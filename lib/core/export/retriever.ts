// API retriever training pairs: an instruction and the APIs relevant to it, each with the document
// text ToolBench's retriever is trained on ("<category>, <tool>, <api>, <description>,
// required_params: [...], optional_params: [...]").
import { functionNameFor, standardize } from "@/lib/core/toolbench/names";
import type { ExportTree } from "./types";

export interface RetrieverPair {
  query_id: string | null;
  tree_id: number;
  query: string;
  /** "relevant_apis": the instruction's own list; "training_path": the APIs its training path called without error (when the instruction has no list) */
  source: "relevant_apis" | "training_path";
  relevant_apis: { category: string | null; tool: string; api: string; function: string; document: string }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** "…The description of this function is: \"<text>\"" → <text> (ToolBench's function descriptions). */
function apiDescription(description: unknown): string {
  if (typeof description !== "string") return "";
  const m = /The description of this function is: "([\s\S]*)"$/.exec(description);
  return m ? m[1]! : description;
}

function paramLists(fn: Record<string, unknown>): { required: unknown[]; optional: unknown[] } {
  const params = isRecord(fn.parameters) ? fn.parameters : {};
  const properties = isRecord(params.properties) ? params.properties : {};
  const describe = (name: unknown) => (typeof name === "string" ? { name, ...(isRecord(properties[name]) ? properties[name] : {}) } : name);
  const required = Array.isArray(params.required) ? params.required.map(describe) : [];
  const optional = Array.isArray(params.optional) ? params.optional.map(describe) : [];
  return { required, optional };
}

/** The tool a ToolBench function belongs to, from its description ("…for tool \"<tool>\", …"). */
function toolOf(fn: Record<string, unknown> | undefined): string | undefined {
  const m = typeof fn?.description === "string" ? /subfunction for tool "([^"]*)"/.exec(fn.description) : null;
  return m ? m[1] : undefined;
}

/** The functions the training path called successfully (observation code 0), Finish aside, in order. */
function calledOnPath(tree: ExportTree): string[] {
  const out: string[] = [];
  for (let n = tree.chosenNodeIdx === null ? undefined : tree.nodes[tree.chosenNodeIdx]; n; n = n.parentIdx === null ? undefined : tree.nodes[n.parentIdx]) {
    if (n.type === "ActionInput" && n.observationCode === 0 && n.functionName && n.functionName !== "Finish" && !out.includes(n.functionName)) out.unshift(n.functionName);
  }
  return out;
}

/**
 * The nodes whose contents `retrieverPair` reads: none when the instruction lists its APIs, else the
 * training path's successful calls (their function names); of the others it reads only the outline.
 */
export function retrieverContentNeeds(tree: ExportTree, into: Set<number>): void {
  if (tree.relevantApis.length > 0) return;
  for (let n = tree.chosenNodeIdx === null ? undefined : tree.nodes[tree.chosenNodeIdx]; n; n = n.parentIdx === null ? undefined : tree.nodes[n.parentIdx]) {
    if (n.type === "ActionInput" && n.observationCode === 0) into.add(n.idx);
  }
}

function pathPair(tree: ExportTree, functions: Map<string, Record<string, unknown>>): RetrieverPair | undefined {
  const called = calledOnPath(tree);
  if (called.length === 0) return undefined;
  const relevant = called.map((name) => {
    const fn = functions.get(name);
    const tool = toolOf(fn) ?? "";
    const api = name.includes("_for_") ? name.slice(0, name.lastIndexOf("_for_")) : name;
    const { required, optional } = fn ? paramLists(fn) : { required: [], optional: [] };
    const document = ["", tool, api, apiDescription(fn?.description), `required_params: ${JSON.stringify(required)}`, `optional_params: ${JSON.stringify(optional)}`].join(", ");
    return { category: null, tool, api, function: name, document };
  });
  return { query_id: tree.externalId, tree_id: tree.id, query: tree.query, source: "training_path", relevant_apis: relevant };
}

export function retrieverPair(tree: ExportTree): RetrieverPair | undefined {
  const functions = new Map<string, Record<string, unknown>>();
  for (const f of tree.functions) if (isRecord(f) && typeof f.name === "string") functions.set(f.name, f);
  if (tree.relevantApis.length === 0) return pathPair(tree, functions);
  const categories = new Map(tree.sampledApis.map((s) => [`${s.tool}\u0000${s.api}`, s.category]));
  const relevant = tree.relevantApis.map(([tool, api]) => {
    const name = functionNameFor(api, standardize(tool));
    const fn = functions.get(name);
    const category = categories.get(`${tool}\u0000${api}`) ?? null;
    const { required, optional } = fn ? paramLists(fn) : { required: [], optional: [] };
    const document = [category ?? "", tool, api, apiDescription(fn?.description), `required_params: ${JSON.stringify(required)}`, `optional_params: ${JSON.stringify(optional)}`].join(", ");
    return { category, tool, api, function: name, document };
  });
  return { query_id: tree.externalId, tree_id: tree.id, query: tree.query, source: "relevant_apis", relevant_apis: relevant };
}
