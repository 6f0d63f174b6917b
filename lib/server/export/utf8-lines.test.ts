import { describe, expect, it } from "vitest";
import { Utf8Lines } from "./utf8-lines";

const joined = (lines: string[]) => Buffer.from(lines.map((l) => `${l}\n`).join(""), "utf8");

/** Writes each line in pieces of random lengths (whole characters: pieces are whole strings). */
function written(lines: string[], seed = 3): Buffer[] {
  const out = new Utf8Lines();
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648);
  for (const line of lines) {
    const chars = Array.from(line);
    for (let at = 0; at < chars.length; ) {
      const n = 1 + (next() % 7);
      out.write(chars.slice(at, at + n).join(""));
      at += n;
    }
    out.endLine();
  }
  return out.take();
}

describe("Utf8Lines", () => {
  it("writes lines as UTF-8, each ended by a newline, byte for byte as Buffer.from would", () => {
    const alphabet = ["a", ",", "é", "€", "😀", "\n", '"', "\u0000", "\u007f"];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const lines: string[] = [];
    for (let i = 0; i < 500; i++) {
      let s = "";
      for (let n = next() % 40; n > 0; n--) s += alphabet[next() % alphabet.length];
      lines.push(s);
    }
    expect(Buffer.concat(written(lines)).equals(joined(lines))).toBe(true);
    // a lone surrogate becomes U+FFFD, as Buffer.from writes it
    expect(Buffer.concat(written(["a\ud800b", "\udfff"])).equals(joined(["a\ud800b", "\udfff"]))).toBe(true);
  });

  it("goes on in further buffers when the first is full", () => {
    const lines = ["😀".repeat(1_500_000), "é".repeat(2_500_000), "", "plain", "€".repeat(5)];
    const out = new Utf8Lines();
    for (const line of lines) {
      out.write(line);
      out.endLine();
    }
    const chunks = out.take();
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(joined(lines))).toBe(true);
    expect(out.take()).toEqual([]);
    // and writes afresh after a take
    out.write("é");
    out.write("x");
    out.endLine();
    expect(Buffer.concat(out.take()).toString("utf8")).toBe("éx\n");
  });
});
