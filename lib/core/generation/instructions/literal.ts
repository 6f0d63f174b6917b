// A forgiving reader for the literals models write when asked for JSON: JSON itself, Python reprs
// (single quotes, True/None), trailing commas, and keys without quotes. It reads one value from a
// position and reports where it stopped, so callers can scan text that mixes prose and literals.

export type Literal = null | boolean | number | string | Literal[] | { [key: string]: Literal };

export class LiteralSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at ${position}`);
    this.name = "LiteralSyntaxError";
  }
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "/": "/", "\\": "\\", "'": "'", '"': '"' };
const WORDS: Record<string, Literal> = { true: true, false: false, null: null, True: true, False: false, None: null };

/** Reads one literal starting at `start` (after whitespace); returns it and the index after it. */
export function readLiteral(text: string, start = 0): { value: Literal; end: number } {
  let i = start;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const value = (): Literal => {
    skip();
    const c = text[i];
    if (c === undefined) throw new LiteralSyntaxError("unexpected end", i);
    if (c === "[" || c === "(") return list(c === "[" ? "]" : ")");
    if (c === "{") return object();
    if (c === '"' || c === "'" || c === "“") return string();
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    const word = /^[A-Za-z_]+/.exec(text.slice(i, i + 10));
    if (word && word[0] in WORDS) {
      i += word[0].length;
      return WORDS[word[0]]!;
    }
    throw new LiteralSyntaxError(`unexpected ${JSON.stringify(c)}`, i);
  };
  const string = (): string => {
    const open = text[i]!;
    const close = open === "“" ? "”" : open;
    let out = "";
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === close) {
        i++;
        return out;
      }
      if (c === "\\" && i + 1 < text.length) {
        const e = text[i + 1]!;
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out += ESCAPES[e] ?? e;
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    throw new LiteralSyntaxError("unterminated string", i);
  };
  const list = (close: string): Literal[] => {
    const out: Literal[] = [];
    i++;
    for (;;) {
      skip();
      if (text[i] === close) {
        i++;
        return out;
      }
      out.push(value());
      skip();
      if (text[i] === ",") i++;
      else if (text[i] !== close) throw new LiteralSyntaxError(`expected "," or "${close}"`, i);
    }
  };
  const key = (): string => {
    skip();
    const c = text[i];
    if (c === '"' || c === "'" || c === "“") return string();
    const bare = /^[^\s:,{}[\]]+/.exec(text.slice(i));
    if (!bare) throw new LiteralSyntaxError("expected a key", i);
    i += bare[0].length;
    return bare[0];
  };
  const object = (): { [key: string]: Literal } => {
    const out: { [key: string]: Literal } = {};
    i++;
    for (;;) {
      skip();
      if (text[i] === "}") {
        i++;
        return out;
      }
      const k = key();
      skip();
      if (text[i] !== ":") throw new LiteralSyntaxError('expected ":"', i);
      i++;
      out[k] = value();
      skip();
      if (text[i] === ",") i++;
      else if (text[i] !== "}") throw new LiteralSyntaxError('expected "," or "}"', i);
    }
  };
  const v = value();
  return { value: v, end: i };
}

/** The first literal found at or after `from` that starts with one of `openers` and reads completely. */
export function findLiteral(text: string, openers: string, from = 0): { value: Literal; start: number; end: number } | undefined {
  for (let i = from; i < text.length; i++) {
    if (!openers.includes(text[i]!)) continue;
    try {
      const { value, end } = readLiteral(text, i);
      return { value, start: i, end };
    } catch {
      // not a literal here; keep scanning
    }
  }
  return undefined;
}
