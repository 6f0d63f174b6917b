// PostgreSQL COPY text format, used to write trees and nodes at import speed.
// https://www.postgresql.org/docs/current/sql-copy.html (text format)

/** A field already in COPY form (e.g. from `jsonField`), written as it is. */
export interface CopyRaw {
  readonly copy: string;
}

export type CopyValue = string | number | boolean | null | undefined | CopyRaw;

// Postgres text and jsonb cannot hold U+0000; API observations occasionally do. It is replaced by
// U+FFFD (the Unicode replacement character) — the only change Arbor makes to imported text.
const NUL = /\u0000/g;

export function sanitizeText(s: string): string {
  return s.includes("\u0000") ? s.replace(NUL, "\uFFFD") : s;
}

/** JSON text for a json / jsonb column (with the same U+0000 replacement, which JSON spells \u0000). */
export function jsonText(value: unknown): string {
  const s = JSON.stringify(value ?? null);
  // JSON.stringify escapes every control character, so a raw U+0000 cannot occur; only its escape.
  return s.includes("\\u0000") ? s.replaceAll("\\u0000", "\\ufffd") : s;
}

/**
 * A value as a json / jsonb COPY field (undefined: NULL). JSON text has no raw tab, newline, carriage
 * return or U+0000, so only its backslashes need escaping.
 */
export function jsonField(value: unknown): CopyRaw {
  if (value === undefined) return { copy: "\\N" };
  const json = jsonText(value);
  return { copy: json.includes("\\") ? json.replaceAll("\\", "\\\\") : json };
}

const NEEDS_ESCAPE = /[\\\n\r\t\u0000]/;

function escapeField(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = s.replaceAll("\\", "\\\\");
  if (out.includes("\n")) out = out.replaceAll("\n", "\\n");
  if (out.includes("\r")) out = out.replaceAll("\r", "\\r");
  if (out.includes("\t")) out = out.replaceAll("\t", "\\t");
  if (out.includes("\u0000")) out = out.replaceAll("\u0000", "\uFFFD");
  return out;
}

export function copyField(v: CopyValue): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "\\N";
  if (typeof v === "object") return v.copy;
  return escapeField(v);
}

export function copyLine(values: CopyValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += "\t";
    line += copyField(values[i]);
  }
  return `${line}\n`;
}

/** A Postgres array literal of text values, e.g. {"a","b \"c\""}. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${sanitizeText(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}
