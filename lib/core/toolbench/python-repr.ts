// Reads the Python `str(dict)` text that ToolEval's converted answers store for tool calls, e.g.
// "{'name': 'f', 'arguments': '{\n  \"q\": 1\n}', 'response': '{\"error\": ...", cut at 100 characters.
// Only string values are needed; a value cut off mid-way is returned as far as it goes.

export interface ReprDict {
  values: Record<string, string>;
  /** keys whose value was cut off by the truncation */
  truncated: Set<string>;
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" };

/** Reads a Python string literal starting at text[i] (a quote). Returns the value and the index after it. */
function readString(text: string, i: number): { value: string; end: number; complete: boolean } {
  const quote = text[i];
  let value = "";
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === quote) return { value, end: j + 1, complete: true };
    if (c === "\\" && j + 1 < text.length) {
      const e = text[j + 1]!;
      if (e === "x" && j + 3 < text.length) {
        value += String.fromCharCode(parseInt(text.slice(j + 2, j + 4), 16));
        j += 4;
        continue;
      }
      if (e === "u" && j + 5 < text.length) {
        value += String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16));
        j += 6;
        continue;
      }
      value += ESCAPES[e] ?? `\\${e}`;
      j += 2;
      continue;
    }
    value += c;
    j++;
  }
  return { value, end: j, complete: false };
}

export function readReprDict(text: string): ReprDict | undefined {
  const values: Record<string, string> = {};
  const truncated = new Set<string>();
  let i = text.indexOf("{");
  if (i < 0) return undefined;
  i++;
  for (;;) {
    while (i < text.length && /[\s,]/.test(text[i]!)) i++;
    if (i >= text.length || text[i] === "}") break;
    if (text[i] !== "'" && text[i] !== '"') return Object.keys(values).length ? { values, truncated } : undefined;
    const k = readString(text, i);
    if (!k.complete) break;
    i = k.end;
    while (i < text.length && /[\s:]/.test(text[i]!)) i++;
    if (i >= text.length) break;
    if (text[i] === "'" || text[i] === '"') {
      const v = readString(text, i);
      values[k.value] = v.value;
      if (!v.complete) {
        truncated.add(k.value);
        break;
      }
      i = v.end;
    } else {
      // a non-string value (number, None, dict…): keep its text up to the next top-level comma
      const rest = /^[^,}]*/.exec(text.slice(i))![0];
      values[k.value] = rest.trim();
      i += rest.length;
    }
  }
  return { values, truncated };
}
