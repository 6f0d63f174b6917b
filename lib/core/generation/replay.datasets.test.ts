// Replay fidelity on the released files: every DFSDT and CoT answer file is rebuilt exactly, edits to
// what the engine decides are caught, and a run resumed from any prefix of its persisted nodes comes
// out identical.
import { describe, expect, it } from "vitest";
import { datasetFiles, readDataset } from "@/lib/test/datasets";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import type { OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import type { ParsedTree } from "@/lib/core/toolbench/types";
import { toDfsAnswerFile } from "./answer-file";
import { runDfsdt, type DfsdtLimits } from "./dfsdt";
import { createRecordedWorld, nodesUpToCall, recordingFromNodes, type RecordedExpansion } from "./recording";
import { recordingFromDfsTree } from "./recording-from-file";
import { replayAnswerFile } from "./replay";

/* eslint-disable @typescript-eslint/no-explicit-any -- answer files are edited as raw JSON */

const dfsFiles = datasetFiles("toolbench/answer");
const cotFiles = datasetFiles("stabletoolbench/answer").filter((f) => f.includes("_CoT@"));

describe("replaying the released answer files", () => {
  it("finds the files", () => {
    expect(dfsFiles.length).toBeGreaterThanOrEqual(10);
    expect(cotFiles.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of dfsFiles) {
    it(`rebuilds ${file} exactly`, async () => {
      const result = await replayAnswerFile(readDataset(file), file);
      expect(result.diffs).toEqual([]);
      expect(result.equal).toBe(true);
      expect(result.nodes).toBe(JSON.parse(readDataset(file)).tree.size);
    });
  }

  for (const file of cotFiles) {
    it(`rebuilds ${file} exactly with ReACT`, async () => {
      const result = await replayAnswerFile(readDataset(file), file);
      expect(result.diffs).toEqual([]);
      expect(result.equal).toBe(true);
    });
  }

  it("needs the earlier revision's depth-limit rule exactly for the G1 files with depth-limited branches", async () => {
    const rules = await Promise.all(dfsFiles.map(async (f) => [f.split("/").slice(-2).join("/"), (await replayAnswerFile(readDataset(f), f)).depthLimitBack]));
    expect(rules.filter(([, rule]) => rule === 2).map(([f]) => f)).toEqual(["G1_answer/57_ChatGPT_DFS_woFilter_w2.json", "G1_answer/69_ChatGPT_DFS_woFilter_w2.json"]);
  });
});

describe("replay catches what the engine decides differently", () => {
  const file = "toolbench/answer/G2_answer/127_ChatGPT_DFS_woFilter_w2.json";
  const edit = async (change: (data: any) => void) => {
    const data = JSON.parse(readDataset(file));
    change(data);
    return replayAnswerFile(JSON.stringify(data), file);
  };
  const walk = (n: any, f: (n: any) => void) => {
    f(n);
    n.children.forEach((c: any) => walk(c, f));
  };
  const nodeWith = (data: any, expandNum: number) => {
    let found: any;
    walk(data.tree.tree, (n) => (n.expand_num === expandNum ? (found = n) : undefined));
    return found;
  };

  it("a give-up recorded with another code", async () => {
    const result = await edit((d) => (nodeWith(d, 3).observation_code = 0));
    expect(result.equal).toBe(false);
    expect(result.diffs).toContainEqual(expect.objectContaining({ field: "observationCode", expected: 0, actual: 4 }));
  });

  it("a flag the search sets", async () => {
    const result = await edit((d) => (nodeWith(d, 2).pruned = true));
    expect(result.diffs).toContainEqual(expect.objectContaining({ field: "pruned", expected: true, actual: false }));
  });

  it("a visit order that is not DFSDT's", async () => {
    const result = await edit((d) => {
      const [a, b] = [nodeWith(d, 6), nodeWith(d, 4)];
      [a.expand_num, b.expand_num] = [4, 6];
    });
    expect(result.equal).toBe(false);
  });

  it("a diversity prompt listing other candidates", async () => {
    const result = await edit((d) => {
      const hidden = d.answer_generation.train_messages[2].find((m: any) => m.valid === false);
      hidden.content = hidden.content.replace("RB413450335SG", "RB000000000SG");
    });
    expect(result.diffs).toContainEqual(expect.objectContaining({ field: "train_messages[2][4].candidates" }));
  });

  it("refuses files of a method it does not replay", async () => {
    await expect(replayAnswerFile(readDataset(file), "G2_answer/127_ChatGPT_DFS_w2.json")).rejects.toThrow(/made with DFS_w2/);
  });

  it("an exported answer that is not the chosen node's", async () => {
    const result = await edit((d) => (d.answer_generation.final_answer = '{"return_type": "give_up_and_restart"}'));
    expect(result.diffs).toEqual([
      { idx: null, field: "finalAnswerRaw", expected: '{"return_type": "give_up_and_restart"}', actual: '{\n  "return_type": "give_up_and_restart"\n}' },
    ]);
  });
});

// ───────────── resume ─────────────

function recordedRun(file: string) {
  const parsed = parseToolBenchFile(readDataset(file), file) as { trees: ParsedTree[] };
  const tree = parsed.trees[0]!;
  const chosen = tree.chosenNodeIdx === null ? undefined : tree.nodes[tree.chosenNodeIdx];
  const task = { query: tree.query, functions: tree.functions as unknown as OpenAiFunction[], tools: [] };
  const options = { chooseGiveUp: (c: { expandNum: number }[]) => (chosen ? c.findIndex((n) => n.expandNum === chosen.expandNum) : null) };
  return { tree, task, options, recording: recordingFromDfsTree(tree.nodes, tree.queryCount).recording };
}

describe.each([
  ["toolbench/answer/G2_answer/127_ChatGPT_DFS_woFilter_w2.json", 1],
  ["toolbench/answer/G2_answer/10_ChatGPT_DFS_woFilter_w2.json", 1],
  ["toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json", 2],
] as const)("resuming %s", (file, depthLimitBack) => {
  const limits: Partial<DfsdtLimits> = { depthLimitBack, maxObservationLength: Infinity };

  it("from every prefix of its persisted nodes gives the identical tree", async () => {
    const { task, options, recording } = recordedRun(file);
    const full = await runDfsdt(task, createRecordedWorld(recording), limits, options);
    const expected = JSON.stringify(toDfsAnswerFile(full));
    const calls = full.answer.queryCount;
    expect(calls).toBeGreaterThan(5);
    for (let p = 0; p <= calls; p++) {
      // What a crash after p calls leaves persisted, and the rest answered "live" (from the file).
      const persisted: RecordedExpansion[] = recordingFromNodes(nodesUpToCall(full.nodes, p));
      expect(persisted).toHaveLength(p);
      const live = createRecordedWorld(recording.slice(p));
      const world = createRecordedWorld(persisted, live);
      const resumed = await runDfsdt(task, world, limits, options);
      expect(world.replayed()).toBe(p);
      expect(resumed.nodes).toEqual(full.nodes);
      expect(JSON.stringify(toDfsAnswerFile(resumed))).toBe(expected);
    }
  });
});
