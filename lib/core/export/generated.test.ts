// Trees Arbor grows itself: the conversations rebuilt from the stored nodes are the ones the engine
// recorded as it searched (its own diversity wording included).
import { describe, expect, it } from "vitest";
import { BRANCHING_SCRIPT, generatedExportTree } from "@/lib/test/generated-export-tree";
import { TreeConversations } from "./conversation";

describe("conversations of generated trees", () => {
  it("match the engine's train_messages through give-ups, thought-only replies and hallucinated names", async () => {
    const { result, tree } = await generatedExportTree(BRANCHING_SCRIPT);
    expect(tree.chosenNodeIdx).not.toBeNull();
    const rebuilt = new TreeConversations(tree).trainMessages(tree.chosenNodeIdx!);
    expect(rebuilt).toEqual(result.answer.trainMessages);
    expect(rebuilt.flat().some((m) => m.role === "user" && "valid" in m)).toBe(true);
  });
});
