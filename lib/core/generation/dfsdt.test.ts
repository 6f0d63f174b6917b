import { describe, expect, it } from "vitest";
import { FINISH_FUNCTION, type OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { call, echoExecutor, finish, giveUp, scriptedLlm, type ScriptedReply } from "@/lib/test/scripted-world";
import { LlmError, RunCancelledError } from "./errors";
import { HALLUCINATED_FUNCTION_NAME } from "./expand";
import { runDfsdt } from "./dfsdt";
import { FORMER_OBSERVATION_LABEL, readDiversityPrompt } from "./prompts";
import type { ChatMessage, EngineEvent, GeneratedNode, SolveTask } from "./types";

const fn = (name: string): OpenAiFunction => ({ name, description: `This is the subfunction for tool "t", you can use this tool.`, parameters: { type: "object", properties: {}, required: [] } });
const task: SolveTask = { query: "Find the thing", functions: [fn("search_for_t"), fn("detail_for_t"), FINISH_FUNCTION], tools: [{ name: "t", description: "A tool" }] };

const isHidden = (m: ChatMessage) => m.role === "user" && m.valid === false;
const roles = (messages: readonly ChatMessage[]) => messages.map((m) => (isHidden(m) ? "hidden" : m.role));
const inputs = (nodes: readonly GeneratedNode[]) => nodes.filter((n) => n.type === "ActionInput" && n.parentId !== null);

async function run(script: readonly ScriptedReply[], limits = {}, options = {}) {
  const llm = scriptedLlm(script);
  const execute = echoExecutor();
  const result = await runDfsdt(task, { llm, execute }, limits, options);
  return { result, llm, execute };
}

describe("runDfsdt with a scripted LLM", () => {
  it("stops at a direct answer", async () => {
    const { result, llm } = await run([finish("It is 42.", "I know this one.")]);
    expect(result.nodes.map((n) => [n.type, n.text.slice(0, 12), n.expandNum])).toEqual([
      ["ActionInput", "", 0],
      ["Thought", "I know this ", 0],
      ["Action", "Finish", 0],
      ["ActionInput", '{"return_typ', 1],
    ]);
    const answer = result.nodes[3]!;
    expect(answer).toMatchObject({ observationCode: 3, isTerminal: true, pruned: false, finished: true });
    // make_finish(2) walks up through two Action Input nodes: the answer and the root.
    expect(result.nodes.map((n) => n.finished)).toEqual([true, true, true, true]);
    expect(result).toMatchObject({ win: true, stopReason: "answer", chosenNodeId: 3, answerNodeIds: [3] });
    expect(result.answer).toMatchObject({ validData: true, finishType: "give_answer", queryCount: 1, totalTokens: 15, finalAnswer: answer.text });
    expect(result.answer.trainMessages!.map(roles)).toEqual([["system", "user", "assistant"]]);
    expect(llm.requests[0]!.functions).toEqual(task.functions);
  });

  it("backs up two levels after a give-up; the grandparent asks once for something different, then hides the prompt", async () => {
    const { result, llm } = await run([
      call("search_for_t", { q: "a" }),
      call("detail_for_t", { id: 1 }),
      giveUp("Nothing works."),
      call("search_for_t", { q: "b" }, "Trying another query."),
      finish("Found b."),
    ]);
    const [ai1, ai2, gave, ai3, done] = inputs(result.nodes);
    expect(gave).toMatchObject({ observationCode: 4, pruned: true, observation: '{"response":"chose to give up and restart"}' });
    // The new sibling hangs under AI1 (the give-up's grandparent visit), after the abandoned branch.
    const thought = result.nodes.find((n) => n.type === "Thought" && n.text === "Trying another query.")!;
    expect(thought.parentId).toBe(ai1!.id);
    expect(thought.position).toBe(1);
    expect([ai1, ai2, gave, ai3, done].map((n) => n!.expandNum)).toEqual([1, 2, 3, 4, 5]);

    const prompt = llm.requests[3]!.messages.at(-1)!;
    expect(prompt.role).toBe("user");
    const read = readDiversityPrompt(prompt.content ?? "")!;
    expect(JSON.parse(read.candidatesJson)).toEqual([
      { name: "detail_for_t", arguments: '{"id":1}', function_output: ai2!.observation, "mento-carlo-action-value": 0 },
    ]);
    expect(read.formerObservation).toBe(ai1!.observation);
    expect(prompt.content).toContain(FORMER_OBSERVATION_LABEL);
    // Sent once: the next call from the new branch does not see it.
    expect(roles(llm.requests[4]!.messages)).toEqual(["system", "user", "assistant", "function", "assistant", "function"]);
    expect(llm.requests.filter((r) => r.messages.some((m) => m.role === "user" && m.content?.includes("mento-carlo")))).toHaveLength(1);

    // Exported with the hidden prompt kept (marked valid: false) where it was used.
    expect(result.answer.trainMessages!.map(roles)).toEqual([
      ["system", "user", "assistant"],
      ["system", "user", "assistant", "function", "hidden", "assistant"],
      ["system", "user", "assistant", "function", "hidden", "assistant", "function", "assistant"],
    ]);
    expect(done!.finished && ai3!.finished && ai1!.finished).toBe(true);
    expect(ai2!.finished || gave!.finished).toBe(false);
  });

  it("keeps only the latest hidden prompt in each training conversation", async () => {
    const { result } = await run([
      call("search_for_t", { q: "a" }),
      call("search_for_t", { q: "b" }),
      giveUp(),
      call("detail_for_t", { id: 1 }),
      call("search_for_t", { q: "c" }),
      giveUp(),
      call("detail_for_t", { id: 2 }),
      finish("done"),
    ]);
    const train = result.answer.trainMessages!;
    expect(train.map(roles)).toEqual([
      ["system", "user", "assistant"],
      ["system", "user", "assistant", "function", "hidden", "assistant"],
      ["system", "user", "assistant", "function", "assistant", "function", "hidden", "assistant"],
      ["system", "user", "assistant", "function", "assistant", "function", "hidden", "assistant", "function", "assistant"],
    ]);
    // In the third conversation the older prompt (about search b) is dropped, the newer one (about search c) kept.
    const hidden = train[2]!.filter(isHidden);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]!.content).toContain('\\"q\\":\\"c\\"');
  });

  it("answers a hallucinated function with code 1, keeps the branch, and shows later calls the marker name", async () => {
    const { result, llm, execute } = await run([call("weather_now", { city: "Oslo" }), finish("Sorry.")]);
    const [bad] = inputs(result.nodes);
    expect(bad).toMatchObject({ observationCode: 1, pruned: false, observation: '{"error": "No such function name: weather_now", "response": ""}' });
    expect(result.nodes.find((n) => n.type === "Action")!.text).toBe("weather_now");
    expect(execute.calls).toEqual([]);
    const [assistant, functionMessage] = llm.requests[1]!.messages.slice(2);
    expect(assistant).toMatchObject({ role: "assistant", function_call: { name: HALLUCINATED_FUNCTION_NAME } });
    expect(functionMessage).toMatchObject({ role: "function", name: HALLUCINATED_FUNCTION_NAME });
  });

  it("prunes nodes at the depth limit; by default the parent then tries its second child", async () => {
    const always = () => call("search_for_t", { q: "again" });
    const llm = scriptedLlm(always);
    const result = await runDfsdt(task, { llm, execute: echoExecutor() }, { maxDepth: 4 });
    // root → 2 × AI (depth 2) → 2 × AI (depth 4, pruned): 6 calls, 13 nodes.
    expect(llm.requests).toHaveLength(6);
    expect(result.nodes).toHaveLength(13);
    expect(inputs(result.nodes).filter((n) => n.depth === 4).every((n) => n.pruned)).toBe(true);
    expect(inputs(result.nodes).filter((n) => n.depth === 2).some((n) => n.pruned)).toBe(false);
    expect(result).toMatchObject({ win: false, stopReason: "exhausted", chosenNodeId: null });
    expect(result.answer).toMatchObject({ validData: false, finishType: "give_answer", finalAnswer: "", trainMessages: null });
  });

  it("backs up two levels from the depth limit with the earlier revision's rule", async () => {
    const llm = scriptedLlm(() => call("search_for_t", { q: "again" }));
    const result = await runDfsdt(task, { llm, execute: echoExecutor() }, { maxDepth: 4, depthLimitBack: 2 });
    expect(llm.requests).toHaveLength(4);
    expect(inputs(result.nodes).map((n) => n.depth)).toEqual([2, 4, 2, 4]);
  });

  it("stops after 200 LLM calls and discards the last reply", async () => {
    const llm = scriptedLlm((_, n) => ({ content: `thinking ${n}` }));
    const result = await runDfsdt(task, { llm, execute: echoExecutor() });
    expect(llm.requests).toHaveLength(200);
    expect(result.answer.queryCount).toBe(200);
    expect(result.answer.totalTokens).toBe(200 * 15);
    expect(result.nodes).toHaveLength(200);
    expect(result.nodes.some((n) => n.text === "thinking 200")).toBe(false);
    expect(result.stopReason).toBe("budget");
    expect(Math.max(...result.nodes.map((n) => n.depth))).toBeLessThanOrEqual(12);
  });

  describe("when nothing was answered", () => {
    const script = [call("search_for_t", { q: "a" }), giveUp("first"), call("search_for_t", { q: "b" }), giveUp("second")];

    it("exports the give-up node the chooser picks", async () => {
      const seen: number[][] = [];
      const { result } = await run(script, {}, { chooseGiveUp: (c: GeneratedNode[]) => (seen.push(c.map((n) => n.expandNum)), 1) });
      expect(seen).toEqual([[2, 4]]);
      const chosen = result.nodes.find((n) => n.id === result.chosenNodeId)!;
      expect(chosen.expandNum).toBe(4);
      expect(result.answer).toMatchObject({ validData: true, finishType: "give_up", finalAnswer: chosen.text });
      expect(roles(result.answer.trainMessages!.at(-1)!).at(-1)).toBe("assistant");
      expect(result.answer.trainMessages!.at(-1)!.at(-1)).toMatchObject({ content: "second", function_call: { name: "Finish" } });
    });

    it("picks uniformly with the world's random source, or the first without one", async () => {
      const llm = scriptedLlm(script);
      const high = await runDfsdt(task, { llm, execute: echoExecutor(), random: () => 0.99 });
      expect(high.nodes.find((n) => n.id === high.chosenNodeId)!.expandNum).toBe(4);
      const { result } = await run(script);
      expect(result.nodes.find((n) => n.id === result.chosenNodeId)!.expandNum).toBe(2);
    });

    it("exports nothing when the chooser declines (valid_data false, finish_type still give_answer)", async () => {
      const { result } = await run(script, {}, { chooseGiveUp: () => null });
      expect(result.answer).toMatchObject({ validData: false, finishType: "give_answer", finalAnswer: "", trainMessages: null });
      expect(result.chosenNodeId).toBeNull();
    });
  });

  it("records a failed LLM call as a pruned Thought with code -1, or throws when asked to", async () => {
    const failing = [
      () => {
        throw new LlmError("rate limited", "rate_limit");
      },
      finish("ok"),
    ] as ScriptedReply[];
    const { result } = await run(failing);
    expect(result.nodes[1]).toMatchObject({ type: "Thought", text: "rate limited", observationCode: -1, pruned: true, expandNum: 1 });
    expect(result.answer).toMatchObject({ validData: true, queryCount: 2, totalTokens: 15 });
    await expect(run(failing, { llmErrors: "throw" })).rejects.toBeInstanceOf(LlmError);
  });

  it("stops before the next call once cancelled", async () => {
    const controller = new AbortController();
    const llm = scriptedLlm(() => (controller.abort(), call("search_for_t")));
    await expect(runDfsdt(task, { llm, execute: echoExecutor() }, {}, { signal: controller.signal })).rejects.toBeInstanceOf(RunCancelledError);
    expect(llm.requests).toHaveLength(1);
  });

  it("goes on from the same node after an empty reply", async () => {
    const { result, llm } = await run([{ content: "Let me think." }, {}, finish("done")]);
    expect(result.nodes.map((n) => n.type)).toEqual(["ActionInput", "Thought", "Action", "ActionInput"]);
    expect(result.nodes[1]!.expandNum).toBe(2);
    expect(llm.requests[2]!.messages.slice(2)).toEqual([
      { role: "assistant", content: "Let me think." },
      { role: "assistant", content: null },
    ]);
  });

  it("reports every node as it is made and every flag change, so the events rebuild the final tree", async () => {
    const events: EngineEvent[] = [];
    const { result } = await run(
      [call("search_for_t", { q: "a" }), call("detail_for_t", { id: 1 }), giveUp(), call("search_for_t", { q: "b" }, "Again."), finish("b")],
      {},
      { onEvent: (e: EngineEvent) => void events.push(structuredClone(e)) },
    );
    const rebuilt: GeneratedNode[] = [];
    for (const e of events) {
      if (e.type === "node") rebuilt.push(e.node);
      if (e.type === "update") Object.assign(rebuilt[e.id]!, e.changes);
    }
    expect(rebuilt.map((n) => n.id)).toEqual(result.nodes.map((_, i) => i));
    expect(rebuilt).toEqual(result.nodes);
    expect(events.filter((e) => e.type === "llm").map((e) => (e.type === "llm" ? [e.call, e.parentId] : []))).toEqual([
      [1, 0],
      [2, 2],
      [3, 4],
      [4, 2],
      [5, 9],
    ]);
  });
});
