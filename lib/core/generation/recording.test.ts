import { describe, expect, it } from "vitest";
import { FINISH_FUNCTION, type OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import type { ParsedNode } from "@/lib/core/toolbench/types";
import { call, echoExecutor, finish, giveUp, scriptedLlm, type ScriptedReply } from "@/lib/test/scripted-world";
import { toDfsAnswerFile } from "./answer-file";
import { runDfsdt } from "./dfsdt";
import { LlmError, RecordingExhaustedError, RecordingMismatchError } from "./errors";
import { createRecordedWorld, nodesUpToCall, recordingFromNodes, type RecordedExpansion } from "./recording";
import { recordingFromCotTree } from "./recording-from-file";
import type { EngineEvent, GeneratedNode, LlmOutput, SolveTask, TokenUsage } from "./types";

const fn = (name: string): OpenAiFunction => ({ name, description: "", parameters: { type: "object", properties: {}, required: [] } });
const task: SolveTask = { query: "q", functions: [fn("search_for_t"), fn("detail_for_t"), FINISH_FUNCTION], tools: [] };
const usage = { promptTokens: 1, completionTokens: 1, totalTokens: 2 };
const reply = (name: string, args = "{}"): LlmOutput => ({ content: null, functionCall: { name, arguments: args }, usage });

describe("createRecordedWorld", () => {
  const recording: RecordedExpansion[] = [
    { reply: reply("search_for_t"), observation: { observation: "recorded", code: 0 } },
    { reply: reply("detail_for_t") },
  ];

  it("serves the recording in order, then falls through to the live world", async () => {
    const live = scriptedLlm([call("search_for_t", { live: true })]);
    const liveExecute = echoExecutor(0);
    const world = createRecordedWorld(recording, { llm: live, execute: liveExecute });
    const request = { messages: [], functions: task.functions };
    expect(await world.llm(request)).toEqual(recording[0]!.reply);
    expect(await world.execute("search_for_t", "{}")).toEqual({ observation: "recorded", code: 0 });
    expect(await world.llm(request)).toEqual(recording[1]!.reply);
    // No observation recorded for this call (a crash before the call returned): asked live.
    expect((await world.execute("detail_for_t", "{}")).observation).toContain("detail_for_t answered");
    expect((await world.llm(request)).functionCall).toEqual({ name: "search_for_t", arguments: '{"live":true}' });
    expect(world.replayed()).toBe(2);
    expect(live.requests).toHaveLength(1);
  });

  it("refuses a call for another function than the recorded one", async () => {
    const world = createRecordedWorld(recording);
    await world.llm({ messages: [], functions: [] });
    await expect(world.execute("detail_for_t", "{}")).rejects.toBeInstanceOf(RecordingMismatchError);
  });

  it("throws when used up without a live world, and replays recorded LLM failures", async () => {
    const world = createRecordedWorld([{ reply: { error: "overloaded" } }]);
    await expect(world.llm({ messages: [], functions: [] })).rejects.toEqual(new LlmError("overloaded"));
    await expect(world.llm({ messages: [], functions: [] })).rejects.toBeInstanceOf(RecordingExhaustedError);
  });
});

describe("recordingFromNodes", () => {
  const node = (id: number, expansion: number, type: GeneratedNode["type"], text: string, extra: Partial<GeneratedNode> = {}): GeneratedNode => ({
    id, parentId: id === 0 ? null : id - 1, position: 0, depth: id, type, text, pruned: false, finished: false, isTerminal: false, expandNum: 0, expansion, ...extra,
  });

  it("reads each expansion back, an empty reply where an expansion left no node, and stops at a cut-off one", () => {
    const nodes = [
      node(0, 0, "ActionInput", ""),
      node(1, 1, "Thought", "hmm"),
      node(2, 1, "Action", "search_for_t"),
      node(3, 1, "ActionInput", "{}", { observation: "obs", observationCode: 0, usage }),
      node(4, 3, "Thought", "later", { usage }),
      node(5, 4, "Action", "detail_for_t"),
    ];
    expect(recordingFromNodes(nodes)).toEqual([
      { reply: { content: "hmm", functionCall: { name: "search_for_t", arguments: "{}" }, usage }, observation: { observation: "obs", code: 0 } },
      { reply: { content: null, functionCall: null, usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 } } },
      { reply: { content: "later", functionCall: null, usage } },
    ]);
  });
});

describe("resuming a scripted run", () => {
  const script: ScriptedReply[] = [
    call("search_for_t", { q: "a" }, "First."),
    { content: "Thinking it over." },
    () => {
      throw new LlmError("timeout", "timeout");
    },
    call("detail_for_t", { id: 2 }),
    {},
    giveUp(),
    call("nope"),
    call("search_for_t", { q: "b" }),
    finish("b it is", "Done."),
  ];

  it("gives the identical tree from every prefix, including failed and empty calls", async () => {
    const usageByCall = new Map<number, TokenUsage>();
    const onEvent = (e: EngineEvent) => {
      if (e.type === "llm" && !("error" in e.output)) usageByCall.set(e.call, e.output.usage);
    };
    const full = await runDfsdt(task, { llm: scriptedLlm(script), execute: echoExecutor() }, {}, { onEvent });
    expect(full.answer.validData).toBe(true);
    const calls = full.answer.queryCount;
    expect(calls).toBe(script.length);
    // Without the calls' usage the empty reply's tokens are unknown: same tree, smaller total.
    const withoutUsage = await runDfsdt(task, createRecordedWorld(recordingFromNodes(full.nodes)));
    expect(withoutUsage.nodes).toEqual(full.nodes);
    expect(withoutUsage.answer.totalTokens).toBe(full.answer.totalTokens - 15);
    for (let p = 0; p <= calls; p++) {
      const persisted = recordingFromNodes(nodesUpToCall(full.nodes, p), usageByCall);
      const world = createRecordedWorld(persisted, { llm: scriptedLlm(script.slice(persisted.length)), execute: echoExecutor() });
      const resumed = await runDfsdt(task, world);
      expect(resumed.nodes).toEqual(full.nodes);
      expect(toDfsAnswerFile(resumed)).toEqual(toDfsAnswerFile(full));
    }
  });
});

describe("recordingFromCotTree", () => {
  const chain = (types: ParsedNode["type"][]): ParsedNode[] => [
    { idx: 0, parentIdx: null, position: 0, depth: 0, type: "ActionInput", text: "", pruned: false, finished: false, isTerminal: false, expandNum: 0, childCount: 1 },
    ...types.map((type, i) => ({
      idx: i + 1, parentIdx: i, position: 0, depth: i + 1, type, text: type === "Action" ? "search_for_t" : `${type} ${i + 1}`,
      observation: type === "ActionInput" ? "obs" : undefined, observationCode: type === "ActionInput" ? 0 : undefined,
      pruned: false, finished: false, isTerminal: false, expandNum: 0, childCount: i + 1 < types.length ? 1 : 0,
    })),
  ];
  const nodes = chain(["Thought", "Action", "ActionInput"]);

  it("joins a thought to the call after it, or splits it, as the query count requires", () => {
    expect(recordingFromCotTree(nodes, 1, []).recording.map((r) => ("error" in r.reply ? "error" : [r.reply.content, r.reply.functionCall?.name]))).toEqual([["Thought 1", "search_for_t"]]);
    expect(recordingFromCotTree(nodes, 2, []).recording.map((r) => ("error" in r.reply ? "error" : [r.reply.content, r.reply.functionCall?.name ?? null]))).toEqual([
      ["Thought 1", null],
      [null, "search_for_t"],
    ]);
  });

  it("prefers what the training conversation shows, and reports a tree it cannot read", () => {
    const conversation = [{ role: "assistant", content: "Thought 1", calls: [] }];
    expect(recordingFromCotTree(nodes, 99, conversation).recording).toHaveLength(2);
    expect(recordingFromCotTree(nodes, 5, []).problems).toEqual(["cannot tell which of 1 thoughts were replies of their own (query_count 5)"]);
  });
});
