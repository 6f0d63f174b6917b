// Python's `str()` of JSON-like values (dicts, lists, strings, numbers, booleans, None), which
// ToolLLaMA's preprocessing writes into its system messages.

// The characters a string's repr writes escaped: the backslash, the quote, control characters and C1
// controls; every other character is written as it is.
const ESCAPED_IN_SINGLE = /[\\'\x00-\x1f\x7f-\x9f]/g;
const ESCAPED_IN_DOUBLE = /[\\"\x00-\x1f\x7f-\x9f]/g;

function escapeChar(ch: string): string {
  if (ch === "\\" || ch === "'" || ch === '"') return `\\${ch}`;
  if (ch === "\n") return "\\n";
  if (ch === "\r") return "\\r";
  if (ch === "\t") return "\\t";
  return `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
}

// Most strings hold none of the characters above, nor a quote: they are written as they are.
const PLAIN = /[\\'"\x00-\x1f\x7f-\x9f]/;

function reprString(s: string): string {
  if (!PLAIN.test(s)) return `'${s}'`;
  const single = !(s.includes("'") && !s.includes('"'));
  return single ? `'${s.replace(ESCAPED_IN_SINGLE, escapeChar)}'` : `"${s.replace(ESCAPED_IN_DOUBLE, escapeChar)}"`;
}

function reprNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  return String(n);
}

export function pyRepr(value: unknown): string {
  let out = "";
  const put = (v: unknown): void => {
    if (v === null || v === undefined) out += "None";
    else if (v === true) out += "True";
    else if (v === false) out += "False";
    else if (typeof v === "number") out += reprNumber(v);
    else if (typeof v === "string") out += reprString(v);
    else if (Array.isArray(v)) {
      out += "[";
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out += ", ";
        put(v[i]);
      }
      out += "]";
    } else if (typeof v === "object") {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      out += "{";
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) out += ", ";
        out += reprString(keys[i]!);
        out += ": ";
        put(o[keys[i]!]);
      }
      out += "}";
    } else out += reprString(String(v));
  };
  put(value);
  return out;
}
