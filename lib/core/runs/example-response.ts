// The examples executor: an answer built from what the catalog stores about an API's response — a
// recorded example, else ToolBench's response schema (`{"key": "str", "items": [{"id": "int"}]}`) filled
// with placeholder values of the named types. Works offline, with no key.
import type { ApiAnswer } from "./api-response";

const PLACEHOLDERS: Record<string, unknown> = { str: "string", string: "string", int: 0, integer: 0, float: 0.0, number: 0, bool: false, boolean: false, none: null, null: null };

/** A value shaped like a response schema: type names become placeholders; lists keep one element. */
export function fillSchema(schema: unknown, depth = 0): unknown {
  if (depth > 20) return null;
  if (typeof schema === "string") return schema.toLowerCase() in PLACEHOLDERS ? PLACEHOLDERS[schema.toLowerCase()] : schema;
  if (Array.isArray(schema)) return schema.length === 0 ? [] : [fillSchema(schema[0], depth + 1)];
  if (schema !== null && typeof schema === "object") {
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, fillSchema(v, depth + 1)]));
  }
  return schema;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (typeof v === "object" && Object.keys(v as object).length === 0);

/** The answer for a call from the stored example or schema; undefined when the catalog has neither. */
export function exampleAnswer(api: { responseExample?: unknown; responseSchema?: unknown }): ApiAnswer | undefined {
  if (!isEmpty(api.responseExample)) return { error: "", response: api.responseExample };
  if (!isEmpty(api.responseSchema)) return { error: "", response: fillSchema(api.responseSchema) };
  return undefined;
}
