// Python's string and JSON behaviour where ToolBench's output depends on it. ToolBench cuts strings
// by code points (not UTF-16 units), strips Python's whitespace set, and writes JSON with
// `json.dumps` (ASCII-only, ", " / ": " separators), so matching its files byte for byte needs these.
import { escapeControlCharsInStrings } from "./finish";

/** Length in code points, as Python's `len` counts a str. */
export function pyLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** `s[:end]` in Python: the first `end` code points. */
export function pyPrefix(s: string, end: number): string {
  if (end <= 0) return "";
  if (s.length <= end) return s; // fewer UTF-16 units than `end` means fewer code points too
  let out = "";
  let n = 0;
  for (const c of s) {
    if (n === end) break;
    out += c;
    n++;
  }
  return out;
}

/** `s[-end:]` in Python: the last `end` code points. */
export function pySuffix(s: string, end: number): string {
  if (end <= 0) return "";
  const chars = Array.from(s);
  return chars.length <= end ? s : chars.slice(chars.length - end).join("");
}

// str.isspace() in Python: differs from JS's trim set (Python adds \x1c-\x1f and \x85; JS adds \ufeff).
const PY_SPACE = new Set(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000].concat(
    Array.from({ length: 11 }, (_, i) => 0x2000 + i),
  ),
);

/** Python's `str.strip()` with no arguments. */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && PY_SPACE.has(s.charCodeAt(start))) start++;
  while (end > start && PY_SPACE.has(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** Python's `str.replace(old, new)`: every occurrence; an empty `old` inserts `new` around every code point. */
export function pyReplace(s: string, old: string, replacement: string): string {
  if (old === "") return replacement + Array.from(s).join(replacement) + replacement;
  return s.split(old).join(replacement);
}

/** A number Python holds as a float: `json.dumps` writes 0.0, not 0. */
export class PyFloat {
  constructor(readonly value: number) {}
}

function floatRepr(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (n === 0) return Object.is(n, -0) ? "-0.0" : "0.0";
  // Both languages print the shortest round-tripping digits; they differ in when they switch to
  // exponent notation (Python: exponent < -4 or >= 16) and in the exponent's form ("e-07").
  const [mantissa, expText] = n.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  let body: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  } else if (exp < 0) {
    body = `0.${"0".repeat(-exp - 1)}${digits}`;
  } else {
    const whole = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, "0");
    const frac = digits.slice(exp + 1);
    body = `${whole}.${frac === "" ? "0" : frac}`;
  }
  return negative ? `-${body}` : body;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

/** A JSON string literal as Python's json.dumps writes it (ensure_ascii: everything outside space..~ escaped). */
export function pyJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = s.charCodeAt(i);
    const short = SHORT_ESCAPES[c];
    if (short) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += c;
  }
  return out + '"';
}

/** Python's `json.dumps(value)` or `json.dumps(value, indent=n)`; key order is kept as given. */
export function pyJsonDumps(value: unknown, indent?: number): string {
  const write = (v: unknown, level: number): string => {
    if (v === null || v === undefined) return "null";
    if (v instanceof PyFloat) return floatRepr(v.value);
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") return Number.isInteger(v) ? String(v) : floatRepr(v);
    if (typeof v === "string") return pyJsonString(v);
    const entries: [string | null, unknown][] = Array.isArray(v) ? v.map((x) => [null, x]) : Object.entries(v as object);
    const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0) return open + close;
    const items = entries.map(([k, x]) => (k === null ? "" : `${pyJsonString(k)}: `) + write(x, level + 1));
    if (indent === undefined) return open + items.join(", ") + close;
    const pad = " ".repeat(indent * (level + 1));
    return `${open}\n${pad}${items.join(`,\n${pad}`)}\n${" ".repeat(indent * level)}${close}`;
  };
  return write(value, 0);
}

/** Python's `json.loads(text, strict=False)`: `{ok: false}` where Python would raise. */
export function pyJsonLoadsLenient(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    try {
      return { ok: true, value: JSON.parse(escapeControlCharsInStrings(text)) };
    } catch {
      return { ok: false };
    }
  }
}
