// Splits a JSON array arriving in chunks into the text of its elements, so files larger than a
// JavaScript string can hold (ToolBench's G1_query.json approaches that) are read element by
// element. Each element is then parsed with JSON.parse; the splitter only tracks nesting and strings.
import { ToolBenchParseError } from "../toolbench/types";

export interface ArrayElement {
  text: string;
  /** 0-based position in the array */
  index: number;
  /** 1-based line where the element starts in the file */
  line: number;
}

export class JsonArraySplitter {
  private started = false;
  private ended = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private current = "";
  private elementLine = 0;
  private line = 1;
  private column = 0;
  private count = 0;
  private expectValue = true;

  private fail(message: string): never {
    throw new ToolBenchParseError(message, `line ${this.line}, column ${this.column}`);
  }

  /** Feeds the next chunk; returns the elements it completed. */
  push(chunk: string): ArrayElement[] {
    const out: ArrayElement[] = [];
    let from = 0; // start of the part of `chunk` that belongs to the current element
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) {
        this.line++;
        this.column = 0;
      } else {
        this.column++;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92 /* \ */) this.escaped = true;
        else if (c === 34 /* " */) this.inString = false;
        continue;
      }
      if (!this.started) {
        if (c === 91 /* [ */) {
          this.started = true;
          from = i + 1;
        } else if (!isSpace(c) && !(c === 0xfeff && i === 0)) this.fail("expected a JSON array");
        continue;
      }
      if (this.ended) {
        if (!isSpace(c)) this.fail("unexpected text after the end of the array");
        continue;
      }
      if (this.depth === 0) {
        if (c === 44 /* , */ || c === 93 /* ] */) {
          const text = (this.current + chunk.slice(from, i)).trim();
          this.current = "";
          from = i + 1;
          if (text === "") {
            if (c === 44 || this.count > 0) this.fail(c === 44 ? "an empty element (two commas)" : "a trailing comma before ]");
          } else {
            out.push({ text, index: this.count++, line: this.elementLine });
          }
          this.expectValue = true;
          if (c === 93) this.ended = true;
          continue;
        }
        if (this.expectValue && !isSpace(c)) {
          this.expectValue = false;
          this.elementLine = this.line;
        }
      }
      if (c === 34) this.inString = true;
      else if (c === 123 /* { */ || c === 91 /* [ */) this.depth++;
      else if (c === 125 /* } */ || c === 93 /* ] */) {
        if (this.depth === 0) this.fail("unbalanced brackets");
        this.depth--;
      }
    }
    if (this.started && !this.ended) this.current += chunk.slice(from);
    return out;
  }

  /** Checks the array was complete. */
  end(): void {
    if (!this.started) this.fail("the file is not a JSON array");
    if (!this.ended) this.fail("the file ends before its array is closed");
  }
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** JSON.parse of one element, with errors located in the whole file. */
export function parseArrayElement(el: ArrayElement): unknown {
  try {
    return JSON.parse(el.text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    let where = `element $[${el.index}] starting at line ${el.line}`;
    if (pos) {
      const before = el.text.slice(0, Number(pos[1]));
      const lines = before.split("\n");
      where = `line ${el.line + lines.length - 1}, column ${lines[lines.length - 1]!.length + 1} (element $[${el.index}])`;
    }
    throw new ToolBenchParseError(`not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`, where);
  }
}
