import { describe, expect, it } from "vitest";
import { importPriority, sortForImport } from "./order";

describe("import order", () => {
  it("puts the catalog first and answers last", () => {
    const files = [
      "data/results/G1_instruction_gpt-3.5-turbo_CoT.json",
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
      "data/results/G1_instruction_gpt-3.5-turbo_CoT.json",
    ]);
    // test-set query-id lists share the results' prefix but not their model suffix
    expect(importPriority("solvable_queries/test_query_ids/G1_instruction.json")).toBe(1);
    expect(importPriority("pass_rate_results/chatgpt/anything.json")).toBe(6);
    expect(importPriority("57_CoT@1.json")).toBe(4);
  });
});
