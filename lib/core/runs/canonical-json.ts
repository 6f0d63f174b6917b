// The key the executor cache is looked up by: the call's arguments as canonical JSON (keys sorted at
// every level, no spaces), so the same arguments hit the cache whatever order or spacing the model
// wrote them in. Values keep their types: "5" and 5 are different calls, as they are to an API.
import { pyJsonLoadsLenient } from "../toolbench/python-text";

/** JSON with object keys sorted at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

export type ParsedArguments = { ok: true; args: Record<string, unknown>; key: string } | { ok: false; reason: string };

/**
 * A call's argument text as ToolBench's server reads it (json.loads, lenient about control
 * characters; empty text is no arguments), with its cache key. Anything but an object is refused.
 */
export function parseCallArguments(argumentsText: string): ParsedArguments {
  if (argumentsText.trim() === "") return { ok: true, args: {}, key: "{}" };
  const parsed = pyJsonLoadsLenient(argumentsText);
  if (!parsed.ok) return { ok: false, reason: "the arguments are not valid JSON" };
  const v = parsed.value;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { ok: false, reason: "the arguments are not a JSON object" };
  return { ok: true, args: v as Record<string, unknown>, key: canonicalJson(v) };
}
