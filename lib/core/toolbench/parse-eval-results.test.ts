import { describe, expect, it } from "vitest";
import { detectKind, parseToolBenchFile } from "./parse";
import { ToolBenchParseError } from "./types";

const passRate = {
  "42700": {
    passed: 3, failed: 1, query: "q1", task_solvable: "TaskStatus.Solvable", tool_names: ["a"], answer_steps: "", final_step: "",
    is_solved: { "1": "AnswerStatus.Unsure", "0": "AnswerStatus.Solved", "3": "AnswerStatus.Solved", "2": "AnswerStatus.Unsolved" }, reason: "Is solved: ok", not_hallucinate: true,
  },
  "7620": { passed: 0, failed: 2, query: "q2", task_solvable: "TaskStatus.Unsolvable", is_solved: "AnswerStatus.Unsolved", reason: "no", not_hallucinate: false },
};
const preference = {
  "42700": { "gpt-3.5-turbo_CoT": 1, toolllama_DFS: 2, round_0: "complete", round_1: "complete" },
  "7620": { "gpt-3.5-turbo_CoT": 1, toolllama_DFS: 1, round_0: "complete", round_1: "incomplete" },
};

describe("ToolEval result files", () => {
  it("recognizes pass-rate and preference results by their content", () => {
    expect(detectKind(passRate)).toBe("pass_rate_results");
    expect(detectKind(preference)).toBe("preference_results");
  });

  it("reads pass-rate votes and each round's answer status, in round order, with the test set and model from the name", () => {
    const r = parseToolBenchFile(JSON.stringify(passRate), "pass_rate_results/G1_instruction_gpt-3.5-turbo_CoT.json");
    expect(r).toEqual({
      kind: "pass_rate_results",
      testSet: "G1_instruction",
      group: "G1",
      model: "gpt-3.5-turbo_CoT",
      entries: [
        { queryId: "7620", passVotes: 0, failVotes: 2, labels: ["Unsolved"], solvable: "Unsolvable", reason: "no", notHallucinate: false },
        { queryId: "42700", passVotes: 3, failVotes: 1, labels: ["Solved", "Unsure", "Unsolved", "Solved"], solvable: "Solvable", reason: "Is solved: ok", notHallucinate: true },
      ],
    });
  });

  it("reads preference points with the reference model first, as ToolEval writes them", () => {
    const r = parseToolBenchFile(JSON.stringify(preference), "G2_category_gpt-3.5-turbo_CoT_toolllama_DFS.json");
    expect(r).toEqual({
      kind: "preference_results",
      testSet: "G2_category",
      group: "G2",
      referenceModel: "gpt-3.5-turbo_CoT",
      candidateModel: "toolllama_DFS",
      entries: [
        { queryId: "7620", referencePoints: 1, candidatePoints: 1, rounds: 1 },
        { queryId: "42700", referencePoints: 1, candidatePoints: 2, rounds: 2 },
      ],
    });
  });

  it("says where a result file is wrong", () => {
    const bad = (data: unknown, name = "G1_instruction_m.json") => {
      try {
        parseToolBenchFile(JSON.stringify(data), name);
      } catch (e) {
        if (e instanceof ToolBenchParseError) return e.message;
        throw e;
      }
      return "parsed";
    };
    expect(bad(passRate, "results.json")).toMatch(/cannot tell the test set .* G1_instruction_gpt-3.5-turbo_CoT\.json \(at \$\)$/);
    expect(bad({ "1": { ...passRate["7620"], is_solved: { "0": "Solved" } } })).toMatch(/expected "AnswerStatus\.Solved".* \(at \$\["1"\]\.is_solved\["0"\]\)$/);
    expect(bad({ "1": { ...passRate["7620"], passed: 0, failed: 0 } })).toMatch(/no votes .*\(at \$\["1"\]\)$/);
    expect(bad({ "1": { ...passRate["7620"], passed: -1 } })).toMatch(/whole number of votes.* \(at \$\["1"\]\.passed\)$/);
    expect(bad(preference, "G1_instruction_a_b.json")).toMatch(/does not name the models/);
  });
});
