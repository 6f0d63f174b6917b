import { describe, expect, it } from "vitest";
import { OBSERVATION_CODES, describeObservationCode } from "./status-codes";

describe("observation codes", () => {
  it("covers ToolBench's codes 0–12 and StableToolBench's 13, in order", () => {
    expect(OBSERVATION_CODES.map((c) => c.code)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it("names the codes a reader meets most", () => {
    expect(describeObservationCode(0)).toMatchObject({ label: "OK", kind: "ok" });
    expect(describeObservationCode(1)).toMatchObject({ label: "Hallucinated function", kind: "hallucination" });
    expect(describeObservationCode(3)).toMatchObject({ label: "Final answer", kind: "final" });
    expect(describeObservationCode(4)).toMatchObject({ label: "Give up", kind: "give_up" });
    expect(describeObservationCode(11)).toMatchObject({ label: "Error in response", kind: "error" });
  });

  it("says that 7 and 8 are swapped between ToolBench's docs and its client", () => {
    expect(describeObservationCode(7).meaning).toMatch(/unauthorized/i);
    expect(describeObservationCode(8).meaning).toMatch(/not subscribed/i);
  });

  it("describes unknown codes instead of failing", () => {
    expect(describeObservationCode(42)).toEqual({
      code: 42,
      label: "Code 42",
      meaning: "Observation code 42 is not one ToolBench defines.",
      kind: "error",
    });
  });
});
