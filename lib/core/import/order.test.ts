import { describe, expect, it } from "vitest";
import { importPriority, sortForImport } from "./order";

describe("import order", () => {
  it("puts the catalog first and answers last", () => {
    const files = [
      "data/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json",
      "data/tooleval_converted/gpt/G1_instruction.json",
      "data/toolenv/response_examples/Data/x.json",
      "data/instruction/G1_query.json",
      "data/toolenv/tools/Data/x.json",
    ];
    expect(sortForImport(files)).toEqual([
      "data/toolenv/tools/Data/x.json",
      "data/instruction/G1_query.json",
      "data/toolenv/response_examples/Data/x.json",
      "data/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json",
      "data/tooleval_converted/gpt/G1_instruction.json",
    ]);
    expect(importPriority("57_CoT@1.json")).toBe(4);
  });
});
