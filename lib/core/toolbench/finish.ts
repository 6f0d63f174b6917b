// The Finish call's arguments: ToolBench stores them verbatim (`final_answer` in answer files) and
// reads them with Python's lenient `json.loads(strict=False)`, falling back to string search.

export interface FinishArguments {
  returnType?: string;
  finalAnswer?: string;
}

/** Escapes raw control characters inside string literals, which Python's strict=False accepts. */
export function escapeControlCharsInStrings(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") {
        out += c + (text[i + 1] ?? "");
        i++;
        continue;
      }
      if (c === '"') inString = false;
      const code = c.charCodeAt(0);
      if (code < 0x20) {
        out += c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${code.toString(16).padStart(4, "0")}`;
        continue;
      }
    } else if (c === '"') {
      inString = true;
    }
    out += c;
  }
  return out;
}

function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(escapeControlCharsInStrings(text));
  }
}

export function parseFinishArguments(raw: string): FinishArguments {
  if (raw.trim() === "") return {};
  try {
    const v = parseLenientJson(raw);
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return {
        returnType: typeof o.return_type === "string" ? o.return_type : undefined,
        finalAnswer: typeof o.final_answer === "string" ? o.final_answer : o.final_answer === undefined ? undefined : JSON.stringify(o.final_answer),
      };
    }
  } catch {
    // fall through to ToolBench's string search
  }
  const result: FinishArguments = {};
  const rt = '"return_type": "';
  const at = raw.indexOf(rt);
  if (at >= 0) {
    if (raw.includes('"return_type": "give_answer"')) result.returnType = "give_answer";
    else if (raw.includes('"return_type": "give_up_and_restart"')) result.returnType = "give_up_and_restart";
    else result.returnType = raw.slice(at + rt.length, raw.indexOf('",', at));
  }
  const fa = '"final_answer": "';
  const fat = raw.indexOf(fa);
  if (fat >= 0) result.finalAnswer = raw.slice(fat + fa.length).replace(/"\s*}\s*$/, "");
  return result;
}
