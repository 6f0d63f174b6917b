// PostgreSQL COPY text format, used to write trees and nodes at import speed.
// https://www.postgresql.org/docs/current/sql-copy.html (text format)

export type CopyValue = string | number | boolean | null | undefined;

// Postgres text and jsonb cannot hold U+0000; API observations occasionally do. It is replaced by
// U+FFFD (the Unicode replacement character) — the only change Arbor makes to imported text.
const NUL = /\u0000/g;

export function sanitizeText(s: string): string {
  return s.includes("\u0000") ? s.replace(NUL, "\uFFFD") : s;
}

/** JSON text for a jsonb column (with the same U+0000 replacement, which JSON spells \u0000). */
export function jsonText(value: unknown): string {
  return sanitizeText(JSON.stringify(value ?? null)).replace(/\\u0000/g, "\\ufffd");
}

const NEEDS_ESCAPE = /[\\\n\r\t\u0000]/;
const ESCAPABLE = /[\\\n\r\t\u0000]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u0000": "\uFFFD" };

function escapeField(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPABLE, (c) => ESCAPES[c]!) : s;
}

export function copyField(v: CopyValue): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "\\N";
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
