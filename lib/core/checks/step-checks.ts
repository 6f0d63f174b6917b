// The per-step checks of one tree, computed from its nodes, the function list offered to the model
// and its final answer — nothing else, so the importer (on its parsing threads), the solver's writer
// and the viewer all get the same answer. `runChecks` returns bits only (import speed);
// `explainChecks` says in words what one node's bits mean, with the names and values involved.
import { functionSpecFromSchema, type FunctionSpec, type ParameterSpec } from "../toolbench/argument-check";
import { canonicalJson } from "../runs/canonical-json";
import { pyJsonLoadsLenient } from "../toolbench/python-text";
import { describeObservationCode, isApiErrorCode } from "../toolbench/status-codes";
import type { NodeType, ParsedNode } from "../toolbench/types";
import { CHECK_BIT, type CheckKey } from "./definitions";

/** A tree's nodes as columns (position i is the node with idx i, pre-order, root 0). */
export interface CheckColumns {
  parentIdx: readonly (number | null)[];
  type: readonly NodeType[];
  text: readonly string[];
  functionName: readonly (string | null | undefined)[];
  observationCode: readonly (number | null | undefined)[];
}

export interface CheckTreeInput {
  nodes: CheckColumns;
  /** The functions offered to the model: OpenAI function schemas as the answer file lists them, or specs read from them. */
  functions: readonly unknown[];
  /** The tree's final answer text (null when it has none). */
  finalAnswer: string | null;
  /** Texts were cut by a lossy format (ToolEval's converted answers): arguments are not checked. */
  truncated?: boolean;
}

export interface TreeChecks {
  /** Check bits per node, by idx. */
  nodes: Int32Array;
  /** The union of every node's bits. */
  tree: number;
}

export interface CheckFinding {
  key: CheckKey;
  message: string;
}

export function columnsOfNodes(nodes: readonly ParsedNode[]): CheckColumns {
  const n = nodes.length;
  const c = { parentIdx: new Array<number | null>(n), type: new Array<NodeType>(n), text: new Array<string>(n), functionName: new Array<string | undefined>(n), observationCode: new Array<number | undefined>(n) };
  for (let i = 0; i < n; i++) {
    const x = nodes[i]!;
    c.parentIdx[i] = x.parentIdx;
    c.type[i] = x.type;
    c.text[i] = x.text;
    c.functionName[i] = x.functionName;
    c.observationCode[i] = x.observationCode;
  }
  return c;
}

type Report = (idx: number, key: CheckKey, message: () => string) => void;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function typeOfValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function fitsType(v: unknown, type: string): boolean {
  const actual = typeOfValue(v);
  if (type === "number") return actual === "number" || actual === "integer";
  if (type === "integer" || type === "boolean" || type === "string" || type === "array" || type === "object") return actual === type;
  return true; // a type with nothing to hold the value against
}

const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

function checkParameters(idx: number, args: Record<string, unknown>, params: readonly ParameterSpec[], report: Report): void {
  for (const p of params) {
    if (p.required && !Object.hasOwn(args, p.name)) report(idx, "missing_required", () => `Required parameter "${p.name}" is missing.`);
  }
  for (const name of Object.keys(args)) {
    const p = params.find((q) => q.name === name);
    if (!p) report(idx, "unknown_parameter", () => `"${name}" is not a parameter of this function.`);
    else if (!fitsType(args[name], p.type)) {
      report(idx, "wrong_type", () => `"${name}" should be ${p.type === "integer" || p.type === "array" || p.type === "object" ? "an" : "a"} ${p.type}, got ${typeOfValue(args[name])} ${show(args[name])}.`);
    }
  }
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === "";

/** A function already read into a spec (as the tree viewer holds them), rather than a schema. */
const isSpec = (f: unknown): f is FunctionSpec => isRecord(f) && typeof f.name === "string" && Array.isArray(f.parameters);

function specsOf(functions: readonly unknown[]): Map<string, FunctionSpec> {
  const specs = new Map<string, FunctionSpec>();
  for (const f of functions) {
    const spec = isSpec(f) ? f : functionSpecFromSchema(f);
    if (spec) specs.set(spec.name, spec);
  }
  return specs;
}

function analyse(input: CheckTreeInput, report: Report): void {
  const { parentIdx, type, text, functionName, observationCode } = input.nodes;
  const n = parentIdx.length;
  if (n === 0) return;
  const specs = specsOf(input.functions);
  // the names offered: without a function list (some converted files), only code 1 tells
  const offered = specs.size > 0 ? specs : null;
  const callKey = new Array<string | undefined>(n);

  if (blank(input.finalAnswer)) report(0, "no_final_answer", () => "The tree has no final answer: its search gave up or never finished with one.");

  for (let i = 1; i < n; i++) {
    const t = type[i];
    if (t === "Thought") {
      if (blank(text[i])) report(i, "empty_thought", () => "The thought has no text.");
      continue;
    }
    if (t === "Action") {
      const name = text[i] ?? "";
      if (offered && name !== "Finish" && !offered.has(name)) report(i, "unknown_function", () => `"${name}" is not among the ${offered.size - (offered.has("Finish") ? 1 : 0)} functions offered for this instruction.`);
      continue;
    }
    // an Action Input: the call's arguments and what the API answered
    const fn = functionName[i] ?? "";
    const code = observationCode[i];
    const parent = parentIdx[i] ?? -1;
    if (code === 1) {
      // the name was refused as hallucinated: the Action that named it is marked (already, when the list is known)
      const target = parent >= 0 && type[parent] === "Action" ? parent : i;
      if (!(offered && target === parent && !offered.has(fn))) report(target, "unknown_function", () => `"${fn}" was refused as a function that does not exist (observation code 1).`);
    }
    if (code !== null && code !== undefined && isApiErrorCode(code)) {
      const info = describeObservationCode(code);
      report(i, "api_error", () => `Observation code ${code}, ${info.label.toLowerCase()}: ${info.meaning}`);
    }

    const raw = text[i] ?? "";
    let value: unknown = {};
    let key: string;
    if (raw.trim() === "") key = "{}";
    else if (input.truncated) {
      value = undefined;
      key = `\u0001${raw.trim()}`;
    }
    else {
      const parsed = pyJsonLoadsLenient(raw);
      if (!parsed.ok) {
        report(i, "args_not_json", () => "The arguments are not valid JSON.");
        value = undefined;
        key = `\u0001${raw.trim()}`;
      } else {
        value = parsed.value;
        key = canonicalJson(value);
        if (!isRecord(value)) {
          const actual = typeOfValue(value);
          report(i, "args_not_json", () => `The arguments are ${actual === "null" ? "null" : `${actual === "array" || actual === "integer" ? "an" : "a"} ${actual}`}, not a JSON object of named parameters.`);
        }
      }
    }
    if (isRecord(value)) {
      const spec = specs.get(fn);
      if (spec) checkParameters(i, value, spec.parameters, report);
    }

    if (fn === "Finish") {
      if (isRecord(value) && value.return_type === "give_answer" && (typeof value.final_answer !== "string" || blank(value.final_answer))) {
        const missing = value.final_answer === undefined;
        report(i, "empty_final_answer", () => (missing ? "Finish gives an answer but has no final_answer." : "Finish gives an answer, but the answer is empty."));
      }
      continue;
    }
    const own = `${fn}\u0000${key}`;
    callKey[i] = own;
    for (let j = parent; j > 0; j = parentIdx[j] ?? -1) {
      if (callKey[j] === own) {
        const at = j;
        report(i, "repeated_call", () => `The same call (${fn} with the same arguments) was already made at node ${at}, earlier on this path.`);
        break;
      }
    }
  }
}

/** Every node's check bits, and the tree's. */
export function runChecks(input: CheckTreeInput): TreeChecks {
  const nodes = new Int32Array(input.nodes.parentIdx.length);
  analyse(input, (idx, key) => {
    nodes[idx]! |= CHECK_BIT[key];
  });
  let tree = 0;
  for (let i = 0; i < nodes.length; i++) tree |= nodes[i]!;
  return { nodes, tree };
}

/** What the checks found at one node, in words (one finding per problem, so a check may repeat). */
export function explainChecks(input: CheckTreeInput, idx: number): CheckFinding[] {
  const out: CheckFinding[] = [];
  analyse(input, (at, key, message) => {
    if (at === idx) out.push({ key, message: message() });
  });
  return out;
}
