// A forgiving reader for the data ToolBench stores as text: JSON, Python literals (`str(dict)`:
// single quotes, True/False/None, tuples) and either of them cut short — ToolBench truncates
// observations (at 1024 characters, then appends "..."), so text often ends mid-value. A cut value
// is read as far as it goes and marked, rather than rejected.

export type LiteralNode =
  | { type: "object"; entries: { key: string; value: LiteralNode }[]; cut: boolean }
  | { type: "array"; items: LiteralNode[]; cut: boolean }
  | { type: "string"; value: string; cut: boolean; embedded?: LiteralNode }
  | { type: "number"; text: string }
  | { type: "boolean"; value: boolean }
  | { type: "null" };

// `embedded`: a string that itself holds JSON or a Python literal, read (see readEmbedded).

export type LiteralParse =
  | { ok: true; node: LiteralNode; value: unknown; complete: boolean; syntax: "json" | "python" }
  | { ok: false; error: string };

class LiteralSyntaxError extends Error {}

const MAX_NESTING = 256;
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "0": "\0", "\\": "\\", "/": "/", '"': '"', "'": "'" };
const WORDS: Record<string, { node: LiteralNode; python: boolean }> = {
  true: { node: { type: "boolean", value: true }, python: false },
  false: { node: { type: "boolean", value: false }, python: false },
  null: { node: { type: "null" }, python: false },
  True: { node: { type: "boolean", value: true }, python: true },
  False: { node: { type: "boolean", value: false }, python: true },
  None: { node: { type: "null" }, python: true },
  NaN: { node: { type: "number", text: "NaN" }, python: false },
  Infinity: { node: { type: "number", text: "Infinity" }, python: false },
};

class Reader {
  i = 0;
  cut = false;
  python = false;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new LiteralSyntaxError(`${what} at character ${this.i + 1}`);
  }
  /** Skips white space; false at the end of the text. */
  more(): boolean {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i++;
    return this.i < this.text.length;
  }
  /** Skips white space; at the end of the text, marks the value as cut and answers false. */
  continues(): boolean {
    if (this.more()) return true;
    this.cut = true;
    return false;
  }

  value(depth: number): LiteralNode | undefined {
    if (depth > MAX_NESTING) this.fail("too deeply nested");
    if (!this.continues()) return undefined;
    const c = this.text[this.i]!;
    if (c === "{") return this.container(depth, "}", true);
    if (c === "[") return this.container(depth, "]", false);
    if (c === "(") {
      this.python = true;
      return this.container(depth, ")", false);
    }
    if (c === '"' || c === "'") return this.string();
    const prefixed = /^[bBuUrR]{1,2}(?=['"])/.exec(this.text.slice(this.i, this.i + 3));
    if (prefixed) {
      this.python = true;
      this.i += prefixed[0].length;
      return this.string();
    }
    const number = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 64));
    if (number) {
      this.i += number[0].length;
      return { type: "number", text: number[0] };
    }
    const word = /^-?[A-Za-z]+/.exec(this.text.slice(this.i, this.i + 16))?.[0] ?? "";
    const known = WORDS[word.replace(/^-/, "")];
    if (known && (!word.startsWith("-") || known.node.type === "number")) {
      this.i += word.length;
      if (known.python) this.python = true;
      return known.node.type === "number" ? { type: "number", text: word } : known.node;
    }
    if (this.i + word.length >= this.text.length && Object.keys(WORDS).some((w) => w.startsWith(word.replace(/^-/, "")))) {
      this.cut = true; // "Tr" at the end: a word cut short
      return undefined;
    }
    this.fail(`unexpected "${c}"`);
  }

  string(): LiteralNode {
    const quote = this.text[this.i]!;
    if (quote === "'") this.python = true;
    let value = "";
    for (this.i++; this.i < this.text.length; this.i++) {
      const c = this.text[this.i]!;
      if (c === quote) {
        this.i++;
        return { type: "string", value, cut: false };
      }
      if (c !== "\\" || this.i + 1 >= this.text.length) {
        value += c;
        continue;
      }
      const e = this.text[++this.i]!;
      const hex = e === "u" ? 4 : e === "x" ? 2 : 0;
      if (hex > 0 && /^[0-9a-fA-F]+$/.test(this.text.slice(this.i + 1, this.i + 1 + hex)) && this.i + hex < this.text.length) {
        value += String.fromCharCode(parseInt(this.text.slice(this.i + 1, this.i + 1 + hex), 16));
        this.i += hex;
      } else {
        value += ESCAPES[e] ?? `\\${e}`;
      }
    }
    this.cut = true;
    return { type: "string", value, cut: true };
  }

  /** Objects ({…}), lists ([…]) and tuples ((…)); Python allows a trailing comma. */
  container(depth: number, close: string, keyed: boolean): LiteralNode {
    this.i++;
    const entries: { key: string; value: LiteralNode }[] = [];
    const items: LiteralNode[] = [];
    const done = () => (keyed ? { type: "object" as const, entries, cut: this.cut } : { type: "array" as const, items, cut: this.cut });
    for (let afterComma = false; ; afterComma = true) {
      if (!this.continues()) return done();
      if (this.text[this.i] === close) {
        if (afterComma) this.python = true; // a trailing comma
        this.i++;
        return done();
      }
      const first = this.value(depth + 1);
      if (first === undefined) return done();
      if (keyed) {
        if (first.type !== "string") this.python = true; // {1: 'a'}
        if (this.cut || !this.continues()) return done();
        if (this.text[this.i] !== ":") this.fail('expected ":"');
        this.i++;
        const value = this.value(depth + 1);
        if (value === undefined) return done();
        entries.push({ key: first.type === "string" ? first.value : literalText(first), value });
      } else {
        items.push(first);
      }
      if (this.cut || !this.continues()) return done();
      const next = this.text[this.i];
      if (next !== close && next !== ",") this.fail(`expected "," or "${close}"`);
      if (next === close) {
        this.i++;
        return done();
      }
      this.i++;
    }
  }
}

function literalText(node: LiteralNode): string {
  if (node.type === "number") return node.text;
  if (node.type === "boolean") return String(node.value);
  if (node.type === "null") return "null";
  return JSON.stringify(toPlainValue(node));
}

/** The node as a plain value (objects without a prototype, so any key is safe). */
export function toPlainValue(node: LiteralNode): unknown {
  switch (node.type) {
    case "object": {
      const out = Object.create(null) as Record<string, unknown>;
      for (const e of node.entries) out[e.key] = toPlainValue(e.value);
      return out;
    }
    case "array":
      return node.items.map(toPlainValue);
    case "string":
      return node.value;
    case "number":
      return Number(node.text);
    case "boolean":
      return node.value;
    case "null":
      return null;
  }
}

function read(text: string): LiteralParse {
  const r = new Reader(text);
  try {
    const node = r.value(0);
    if (node === undefined) return { ok: false, error: "there is no value" };
    if (!r.cut && r.more()) r.fail("unexpected text after the value");
    return { ok: true, node, value: toPlainValue(node), complete: !r.cut, syntax: r.python ? "python" : "json" };
  } catch (err) {
    if (err instanceof LiteralSyntaxError) return { ok: false, error: err.message };
    throw err;
  }
}

/** Reads JSON or a Python literal, possibly cut short; a trailing "..." marks a cut. */
export function parseLiteral(text: string): LiteralParse {
  const whole = read(text);
  if (whole.ok && whole.complete) return whole;
  const trimmed = text.trimEnd();
  if (trimmed.endsWith("...") || trimmed.endsWith("…")) {
    const shorter = read(trimmed.slice(0, trimmed.endsWith("...") ? -3 : -1));
    if (shorter.ok) return { ...shorter, complete: false };
  }
  return whole;
}

const looksStructured = (s: string) => /^\s*[[{(]/.test(s) && s.trim().length > 1;

/**
 * Reads strings that hold JSON or Python literals themselves (ToolBench's observations are JSON
 * whose `response` is such a string), up to `levels` deep; strings that do not read stay text.
 */
export function readEmbedded(node: LiteralNode, levels = 3): LiteralNode {
  if (levels <= 0) return node;
  switch (node.type) {
    case "object":
      return { ...node, entries: node.entries.map((e) => ({ key: e.key, value: readEmbedded(e.value, levels) })) };
    case "array":
      return { ...node, items: node.items.map((v) => readEmbedded(v, levels)) };
    case "string": {
      if (!looksStructured(node.value)) return node;
      const inner = parseLiteral(node.value);
      return inner.ok ? { ...node, embedded: readEmbedded(inner.node, levels - 1) } : node;
    }
    default:
      return node;
  }
}
