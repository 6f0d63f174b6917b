// Small, fast shape checks for parsed JSON that report *where* a file is wrong (a JSON path), so a
// researcher can open the file at the right place. Hand-written rather than schema-validated because
// answer trees are deep and imported by the tens of thousands.
import { ToolBenchParseError } from "./types";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

export function fail(message: string, path: string): never {
  throw new ToolBenchParseError(message, path);
}

export function asObject(v: unknown, path: string): JsonObject {
  if (!isObject(v)) fail(`expected an object, found ${describe(v)}`, path);
  return v;
}

export function asArray(v: unknown, path: string): Json[] {
  if (!Array.isArray(v)) fail(`expected an array, found ${describe(v)}`, path);
  return v as Json[];
}

export function asString(v: unknown, path: string): string {
  if (typeof v !== "string") fail(`expected a string, found ${describe(v)}`, path);
  return v;
}

export function optString(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  return asString(v, path);
}

export function asBoolean(v: unknown, path: string): boolean {
  if (typeof v !== "boolean") fail(`expected true or false, found ${describe(v)}`, path);
  return v;
}

export function optBoolean(v: unknown, path: string, fallback: boolean): boolean {
  if (v === undefined || v === null) return fallback;
  return asBoolean(v, path);
}

export function asInt(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isInteger(v)) fail(`expected an integer, found ${describe(v)}`, path);
  return v;
}

export function optInt(v: unknown, path: string, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  return asInt(v, path);
}

/** Keys or ids that ToolBench writes either as numbers or strings. */
export function asId(v: unknown, path: string): string {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  fail(`expected an id (number or string), found ${describe(v)}`, path);
}

export function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return v.length > 40 ? `the text "${v.slice(0, 40)}…"` : `the text "${v}"`;
  return `${typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`}`;
}

export const key = (path: string, k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);
export const index = (path: string, i: number) => `${path}[${i}]`;

/** JSON.parse with an error that names the line and column of the problem. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    const at = pos ? Number(pos[1]) : /Unexpected end/.test(message) ? text.length : undefined;
    const where = at === undefined ? undefined : lineColumn(text, at);
    const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    throw new ToolBenchParseError(`not valid JSON: ${reason}`, where);
  }
}

export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lastNewline = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNewline = i;
    }
  }
  return `line ${line}, column ${end - lastNewline}`;
}
