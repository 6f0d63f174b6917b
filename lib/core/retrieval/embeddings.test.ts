import { describe, expect, it } from "vitest";
import { buildVectorIndex, bytesToVector, fuseRankings, unitVector, vectorToBytes } from "./embeddings";

const v = (...xs: number[]) => unitVector(xs);

describe("unitVector", () => {
  it("scales to length 1 and leaves a zero vector at zero", () => {
    const u = unitVector([3, 4]);
    expect([...u].map((x) => Number(x.toFixed(6)))).toEqual([0.6, 0.8]);
    expect([...unitVector([0, 0, 0])]).toEqual([0, 0, 0]);
  });
});

describe("vector bytes", () => {
  it("round-trips float32 values through little-endian bytes", () => {
    const x = new Float32Array([0.25, -1.5, 3.0e-8, 7]);
    const bytes = vectorToBytes(x);
    expect(bytes.byteLength).toBe(16);
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 128, 62]); // 0.25 as float32 LE
    expect([...bytesToVector(bytes)]).toEqual([...x]);
    // a view into a larger buffer (as a database driver may hand over) reads the same
    const padded = new Uint8Array(20);
    padded.set(bytes, 3);
    expect([...bytesToVector(padded.subarray(3, 19))]).toEqual([...x]);
  });

  it("refuses a byte string that is not whole float32 values", () => {
    expect(() => bytesToVector(new Uint8Array(6))).toThrow(/whole float32/);
  });
});

describe("vector index", () => {
  const index = buildVectorIndex([
    { id: "east", vector: v(1, 0, 0) },
    { id: "north-east", vector: v(1, 1, 0) },
    { id: "north", vector: v(0, 1, 0) },
    { id: "up", vector: v(0, 0, 1) },
  ]);

  it("ranks by cosine similarity, best first, k at most", () => {
    const hits = index.search(new Float32Array([2, 0.1, 0]), 3);
    expect(hits.map((h) => h.id)).toEqual(["east", "north-east", "north"]);
    expect(hits[0]!.score).toBeGreaterThan(0.99);
    expect(index.search(new Float32Array([0, 0, -1]), 4).map((h) => h.id).at(-1)).toBe("up");
    expect(index.search(new Float32Array([1, 0, 0]), 0)).toEqual([]);
  });

  it("says when the query's embedding does not match the catalog's size", () => {
    expect(() => index.search(new Float32Array([1, 0]), 2)).toThrow(/embed the catalog again/);
    expect(() => buildVectorIndex([{ id: 1, vector: v(1, 0) }, { id: 2, vector: v(1, 0, 0) }])).toThrow(/different sizes/);
  });
});

describe("reciprocal rank fusion", () => {
  it("favours items both rankings place high, and keeps single-ranking items after", () => {
    const fused = fuseRankings([["a", "b", "c"], ["b", "d", "a"]], 4).map((h) => h.id);
    expect(fused.slice(0, 2).sort()).toEqual(["a", "b"]);
    expect(fused[0]).toBe("b"); // 1/62 + 1/61 beats 1/61 + 1/63
    expect(fused).toHaveLength(4);
    expect(new Set(fused)).toEqual(new Set(["a", "b", "c", "d"]));
  });

  it("is one ranking unchanged when given one", () => {
    expect(fuseRankings([[3, 1, 2]], 3).map((h) => h.id)).toEqual([3, 1, 2]);
  });
});
