import { describe, expect, it } from "vitest";
import { nodeOutline, parseOutline } from "./outline";

describe("nodeOutline", () => {
  it("writes each node's idx, parent, position, kind and observation code, by idx, and reads back the same", () => {
    const nodes = [
      { idx: 2, parentIdx: 1, position: 0, type: "ActionInput" as const, isTerminal: false, pruned: false, observationCode: -1 },
      { idx: 0, parentIdx: null, position: 0, type: "Thought" as const, isTerminal: false, pruned: false },
      { idx: 1, parentIdx: 0, position: 0, type: "Action" as const, isTerminal: false, pruned: false, observationCode: null },
      { idx: 3, parentIdx: 1, position: 1, type: "ActionInput" as const, isTerminal: true, pruned: true, observationCode: 12 },
      { idx: 4, parentIdx: 0, position: 1, type: "Thought" as const, isTerminal: true, pruned: false, observationCode: 0 },
    ];
    const text = nodeOutline(nodes);
    expect(text).toBe("0,-1,0,0,;1,0,0,4,;2,1,0,8,-1;3,1,1,11,12;4,0,1,2,0");
    expect(parseOutline(text).map((n) => [n.idx, n.parentIdx, n.position, n.type, n.isTerminal, n.pruned, n.observationCode ?? null])).toEqual(
      [...nodes].sort((a, b) => a.idx - b.idx).map((n) => [n.idx, n.parentIdx, n.position, n.type, n.isTerminal, n.pruned, n.observationCode ?? null]),
    );
    expect(nodeOutline([])).toBe("");
  });
});

describe("parseOutline", () => {
  it("reads each node's idx, parent, position, type, flags and observation code", () => {
    const nodes = parseOutline("0,-1,0,0,;1,0,0,4,;2,1,0,8,-1;3,1,1,11,12;4,0,1,2,0");
    expect(nodes.map((n) => ({ idx: n.idx, parentIdx: n.parentIdx, position: n.position, type: n.type, isTerminal: n.isTerminal, pruned: n.pruned, observationCode: n.observationCode }))).toEqual([
      { idx: 0, parentIdx: null, position: 0, type: "Thought", isTerminal: false, pruned: false, observationCode: undefined },
      { idx: 1, parentIdx: 0, position: 0, type: "Action", isTerminal: false, pruned: false, observationCode: undefined },
      { idx: 2, parentIdx: 1, position: 0, type: "ActionInput", isTerminal: false, pruned: false, observationCode: -1 },
      { idx: 3, parentIdx: 1, position: 1, type: "ActionInput", isTerminal: true, pruned: true, observationCode: 12 },
      { idx: 4, parentIdx: 0, position: 1, type: "Thought", isTerminal: true, pruned: false, observationCode: 0 },
    ]);
    expect(() => nodes[0]!.text).toThrow(/without its text/);
  });

  it("reads no nodes from a tree without any, and refuses what it cannot read", () => {
    expect(parseOutline(null)).toEqual([]);
    expect(parseOutline("")).toEqual([]);
    expect(() => parseOutline("0,-1,0,12,")).toThrow(/Unreadable/);
    expect(() => parseOutline("0,-1,0")).toThrow(/Unreadable/);
  });
});
