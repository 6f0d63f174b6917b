import { describe, expect, it } from "vitest";
import { readDatasetJson } from "@/lib/test/datasets";
import {
  buildDiversityPrompt,
  buildInitialMessages,
  buildSystemPrompt,
  buildTaskDescription,
  buildUserMessage,
  FORMER_OBSERVATION_LABEL,
  formatDiversityCandidates,
  readDiversityPrompt,
} from "./prompts";

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON from a dataset file */

/** The tool lines: those after the task description's rules. */
const toolLines = (text: string) => text.slice(text.indexOf("functions:\n") + "functions:\n".length).split("\n").filter((l) => l !== "");

describe("task description and system prompt", () => {
  it("lists tools as <k>.<name>: <description>, first 512 characters, newlines removed, 'None' when empty", () => {
    const text = buildTaskDescription([
      { name: "pack_send", description: "Logistics\nand Shipment Services " },
      { name: "empty_tool", description: "  " },
      { name: "long_tool", description: "x".repeat(600) },
    ]);
    expect(text).toContain('"Finish"');
    expect(text).toContain("give_up_and_restart");
    expect(toolLines(text)).toEqual(["1.pack_send: Logisticsand Shipment Services", "2.empty_tool: None", `3.long_tool: ${"x".repeat(512)}`]);
  });

  it("keeps a repeated tool once, at its first position, with its last description", () => {
    const text = buildTaskDescription([
      { name: "a", description: "first" },
      { name: "b", description: "bee" },
      { name: "a", description: "second" },
    ]);
    expect(toolLines(text)).toEqual(["1.a: second", "2.b: bee"]);
  });

  it("puts the task description after the working rules, and the query in ToolBench's user layout", () => {
    const system = buildSystemPrompt("TASK");
    expect(system.endsWith("Task description: TASK")).toBe(true);
    expect(system).toContain("give_up_and_restart");
    expect(buildUserMessage("Find cats")).toBe("\nFind cats\nBegin!\n");
    const messages = buildInitialMessages({ query: "q", tools: [{ name: "t", description: "d" }] });
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages[0]!.content).toContain("1.t: d");
  });
});

describe("diversity prompt", () => {
  const candidates = [{ name: "search_for_x", arguments: '{\n  "q": "Anápolis"\n}', functionOutput: '{"error": ""}' }];

  it("lists earlier first actions as Python's json.dumps(indent=2) writes them", () => {
    expect(formatDiversityCandidates(candidates)).toBe(
      '[\n  {\n    "name": "search_for_x",\n    "arguments": "{\\n  \\"q\\": \\"An\\u00e1polis\\"\\n}",\n    "function_output": "{\\"error\\": \\"\\"}",\n    "mento-carlo-action-value": 0.0\n  }\n]',
    );
  });

  it("adds the state's own observation only when it has one, and reads both back", () => {
    const withObservation = buildDiversityPrompt(candidates, "obs\n\nwith blank line");
    expect(withObservation).toContain(`${FORMER_OBSERVATION_LABEL}obs`);
    expect(readDiversityPrompt(withObservation)).toEqual({ candidatesJson: formatDiversityCandidates(candidates), formerObservation: "obs\n\nwith blank line" });
    const without = buildDiversityPrompt(candidates, "");
    expect(without).not.toContain(FORMER_OBSERVATION_LABEL);
    expect(readDiversityPrompt(without)).toEqual({ candidatesJson: formatDiversityCandidates(candidates), formerObservation: null });
  });

  it("reads a diversity message ToolBench recorded", () => {
    const train = readDatasetJson<any>("toolbench/answer/G2_answer/127_ChatGPT_DFS_woFilter_w2.json").answer_generation.train_messages;
    const hidden = train[2].find((m: any) => m.valid === false);
    const read = readDiversityPrompt(hidden.content)!;
    expect(JSON.parse(read.candidatesJson)).toEqual([
      expect.objectContaining({ name: "get_track_info_for_pridnestrovie_post", "mento-carlo-action-value": 0 }),
    ]);
    expect(read.formerObservation).toBe(train[2][3].content);
  });
});
