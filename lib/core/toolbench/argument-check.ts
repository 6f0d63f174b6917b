// Checks a call's arguments against the parameters of the function it called, the way ToolBench
// offered that function to the model (`api_json_to_openai_json`): parameter names go through
// `standardize` then `change_name`, and types map NUMBER → integer, BOOLEAN → boolean, anything
// else → string. Findings are warnings for a reviewer, not errors: ToolBench passed the arguments on
// as they were.
import { readApiParameters } from "./api-parameters";
import { changeName, standardize } from "./names";
import { parseLiteral } from "../format/literal";

export interface ParameterSpec {
  /** The name as the model saw it. */
  name: string;
  /** JSON-schema type: "integer", "boolean", "string", and whatever else a function schema says. */
  type: string;
  required: boolean;
}

export interface FunctionSpec {
  name: string;
  parameters: ParameterSpec[];
}

export type ArgumentIssue =
  | { kind: "not_json"; message: string }
  | { kind: "not_object"; message: string }
  | { kind: "missing"; name: string; message: string }
  | { kind: "unknown"; name: string; suggestion: string | null; message: string }
  | { kind: "wrong_type"; name: string; expected: string; actual: string; message: string };

const TOOLBENCH_TYPES: Record<string, string> = { NUMBER: "integer", BOOLEAN: "boolean" };

/** An API's catalog parameters ([{name, type, …}] as ToolBench writes them) as the model saw them. */
export function parameterSpecsFromCatalog(requiredParameters: unknown, optionalParameters: unknown): ParameterSpec[] {
  return [...readApiParameters(requiredParameters, true), ...readApiParameters(optionalParameters, false)].map((p) => ({
    name: changeName(standardize(p.name)),
    type: TOOLBENCH_TYPES[p.type] ?? "string",
    required: p.required,
  }));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A function from an answer file's function list: `{name, parameters}` or `{type: "function", function: {…}}`. */
export function functionSpecFromSchema(value: unknown): FunctionSpec | null {
  const fn = isRecord(value) && value.type === "function" && isRecord(value.function) ? value.function : value;
  if (!isRecord(fn) || typeof fn.name !== "string") return null;
  const params = isRecord(fn.parameters) ? fn.parameters : {};
  const properties = isRecord(params.properties) ? params.properties : {};
  const required = new Set(Array.isArray(params.required) ? params.required.filter((r): r is string => typeof r === "string") : []);
  return {
    name: fn.name,
    parameters: Object.entries(properties).map(([name, schema]) => ({
      name,
      type: isRecord(schema) && typeof schema.type === "string" ? schema.type : "string",
      required: required.has(name),
    })),
  };
}

/** The JSON-schema type a value has, telling integers from other numbers. */
function typeOfValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function fitsType(v: unknown, type: string): boolean {
  const actual = typeOfValue(v);
  if (type === "number") return actual === "number" || actual === "integer";
  if (["integer", "boolean", "string", "array", "object"].includes(type)) return actual === type;
  return true; // a type Arbor does not know: nothing to hold the value against
}

const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");

function suggestionFor(name: string, params: readonly ParameterSpec[]): string | null {
  const standardized = changeName(standardize(name));
  const exact = params.find((p) => p.name === standardized);
  if (exact) return exact.name;
  return params.find((p) => p.name.toLowerCase() === name.toLowerCase())?.name ?? null;
}

/**
 * Warnings about a call's arguments (the Action Input text) for the given parameters: not JSON, not
 * an object, a required parameter missing, an unknown name (with the parameter it probably meant),
 * a value of the wrong type. Empty arguments are an empty object, as ToolBench reads them.
 */
export function checkArguments(text: string, params: readonly ParameterSpec[]): ArgumentIssue[] {
  let args: unknown = {};
  if (text.trim() !== "") {
    const parsed = parseLiteral(text);
    if (!parsed.ok || !parsed.complete || parsed.syntax !== "json") {
      const why = !parsed.ok ? parsed.error : !parsed.complete ? "the text ends before the JSON does" : "it is written in Python syntax";
      return [{ kind: "not_json", message: `The arguments are not valid JSON: ${why}.` }];
    }
    args = parsed.value;
  }
  if (!isRecord(args)) {
    const actual = typeOfValue(args);
    return [{ kind: "not_object", message: `The arguments are ${actual === "null" ? "null" : `${article(actual)} ${actual}`}, not a JSON object of named parameters.` }];
  }

  const issues: ArgumentIssue[] = [];
  const byName = new Map(params.map((p) => [p.name, p]));
  for (const p of params) {
    if (p.required && !Object.hasOwn(args, p.name)) issues.push({ kind: "missing", name: p.name, message: `Required parameter "${p.name}" is missing.` });
  }
  for (const [name, value] of Object.entries(args)) {
    const p = byName.get(name);
    if (!p) {
      const suggestion = suggestionFor(name, params);
      const hint = suggestion ? ` (the function's parameter is "${suggestion}")` : "";
      issues.push({ kind: "unknown", name, suggestion, message: `"${name}" is not a parameter of this function${hint}.` });
    } else if (!fitsType(value, p.type)) {
      const actual = typeOfValue(value);
      issues.push({ kind: "wrong_type", name, expected: p.type, actual, message: `"${name}" should be ${article(p.type)} ${p.type}, got ${actual} ${show(value)}.` });
    }
  }
  return issues;
}
