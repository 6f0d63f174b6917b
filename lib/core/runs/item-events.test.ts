import { describe, expect, it } from "vitest";
import { createRecordedWorld, runDfsdt } from "../generation";
import type { EngineEvent } from "../generation/types";
import { call, echoExecutor, finish, giveUp, scriptedLlm } from "@/lib/test/scripted-world";
import { foldItemEvents, recordingFromItem, toItemEvent, type ItemEvent } from "./item-events";

const task = {
  query: "q",
  functions: [{ name: "f_for_t", description: "", parameters: { type: "object" as const, properties: {}, required: [] } }, { name: "Finish", description: "", parameters: { type: "object" as const, properties: {}, required: [] } }],
  tools: [{ name: "t", description: "" }],
};

// an empty reply (no text, no call), a give-up and an answer
const script = () => scriptedLlm([call("f_for_t", { a: 1 }, "first"), {}, giveUp(), call("f_for_t", { a: 2 }), finish("done")]);

async function runRecorded(llm = script()) {
  const events: ItemEvent[] = [];
  const result = await runDfsdt(task, { llm, execute: echoExecutor() }, {}, { onEvent: (e: EngineEvent) => void events.push(toItemEvent(e)) });
  return { events, result };
}

describe("a solve item's events", () => {
  it("fold into the tree's nodes with their final flags", async () => {
    const { events, result } = await runRecorded();
    const folded = foldItemEvents(events);
    expect(folded.nodes).toEqual(result.nodes);
    expect(folded.calls).toBe(5);
    expect(folded.emptyCalls).toEqual(new Set([2]));
  });

  it("replay any stored prefix into the same events and tree, then go on live", async () => {
    const { events: all, result } = await runRecorded();
    const llmEvents = all.flatMap((e, i) => (e.kind === "llm" ? [i] : []));
    // a worker stores everything up to (not including) each live call's event: cut there
    for (const cut of llmEvents) {
      const stored = all.slice(0, cut);
      const recording = recordingFromItem(foldItemEvents(stored));
      const live = script();
      const skipped = recording.length;
      for (let i = 0; i < skipped; i++) await live({ messages: [], functions: [] }); // the live model is past the recorded calls
      const world = createRecordedWorld(recording, { llm: live, execute: echoExecutor() });
      const replayed: ItemEvent[] = [];
      const again = await runDfsdt(task, world, {}, { onEvent: (e) => void replayed.push(toItemEvent(e)) });
      expect(replayed.slice(0, stored.length)).toEqual(stored);
      expect(replayed).toEqual(all);
      expect(again.nodes).toEqual(result.nodes);
    }
  });
});
