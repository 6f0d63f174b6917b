// Replays a released ToolBench answer file through Arbor's engine: the replies and observations the
// file records are served by a scripted LLM and executor, the engine rebuilds the tree with its own
// logic (search order, depth limit, Finish and hallucination handling, flags, visit order, export
// choice), and the result is compared with the file node by node.
import { normalizeConversation } from "@/lib/core/toolbench/messages";
import type { OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import { isObject, type JsonObject } from "@/lib/core/toolbench/json-shape";
import type { ParsedTree } from "@/lib/core/toolbench/types";
import { toCotAnswerFile, toDfsAnswerFile } from "./answer-file";
import { runDfsdt, type DfsdtLimits } from "./dfsdt";
import { runReact } from "./react";
import { createRecordedWorld } from "./recording";
import { recordingFromCotTree, recordingFromDfsTree, type FileRecording } from "./recording-from-file";
import { compareConversations, compareTrees, type ReplayDiff } from "./replay-compare";
import type { SolveTask } from "./types";

export type { ReplayDiff } from "./replay-compare";

export interface ReplayResult {
  equal: boolean;
  /** Nodes in the file's tree. */
  nodes: number;
  diffs: ReplayDiff[];
  /** The engine setting that reproduced the file (or was compared last): for DFSDT, how far a depth-limited leaf backs up. */
  depthLimitBack?: 1 | 2;
}

interface Recorded {
  tree: ParsedTree;
  task: SolveTask;
  forward: JsonObject;
  train: unknown[];
  path: string;
}

const num = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

/** The tools named in the functions' descriptions (the replayed LLM does not read the prompt, but the engine builds one). */
function toolsOf(functions: readonly OpenAiFunction[]): { name: string; description: string }[] {
  const names = new Set<string>();
  for (const f of functions) {
    const m = /^This is the subfunction for tool "([^"]*)"/.exec(f.description ?? "");
    if (m) names.add(m[1]!);
  }
  return [...names].map((name) => ({ name, description: "" }));
}

function problemDiffs(file: FileRecording): ReplayDiff[] {
  return file.problems.map((problem) => ({ idx: null, field: "recording", expected: "a tree readable as a sequence of calls", actual: problem }));
}

/** Runs the engine over the file's calls; a failure to consume them is itself a difference. */
async function rebuildAndCompare(r: Recorded, rebuild: () => Promise<{ json: Record<string, unknown>; train: unknown[] }>): Promise<ReplayDiff[]> {
  let rebuilt;
  try {
    rebuilt = await rebuild();
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [{ idx: null, field: "run", expected: "the engine consumes the recorded calls", actual: message }];
  }
  const reparsed = parseToolBenchFile(JSON.stringify(rebuilt.json), r.path) as { trees: ParsedTree[] };
  return [...compareTrees(r.tree, reparsed.trees[0]!), ...compareConversations(r.train, rebuilt.train)];
}

async function replayDfs(r: Recorded, depthLimitBack: 1 | 2): Promise<ReplayDiff[]> {
  const file = recordingFromDfsTree(r.tree.nodes, r.tree.queryCount);
  const chosen = r.tree.chosenNodeIdx === null ? undefined : r.tree.nodes[r.tree.chosenNodeIdx];
  const limits: Partial<DfsdtLimits> = {
    beam: num(r.forward.tree_beam_size, 2),
    maxDepth: num(r.forward.single_chain_max_step, 12),
    maxLlmCalls: num(r.forward.max_query_count, 200),
    answers: num(r.forward.answer, 1),
    // Recorded observations were cut already; serving them uncut keeps any limit the run used.
    maxObservationLength: Infinity,
    depthLimitBack,
  };
  const diffs = await rebuildAndCompare(r, async () => {
    const result = await runDfsdt(r.task, createRecordedWorld(file.recording), limits, {
      // The file's export: the give-up node it chose (matched by visit order), or none at all.
      chooseGiveUp: (candidates) => (r.tree.validData && chosen ? candidates.findIndex((c) => c.expandNum === chosen.expandNum) : null),
    });
    return { json: toDfsAnswerFile(result), train: result.answer.trainMessages ?? [] };
  });
  return [...problemDiffs(file), ...diffs];
}

async function replayCot(r: Recorded): Promise<ReplayDiff[]> {
  const conversation = r.train.length > 0 ? normalizeConversation(r.train[r.train.length - 1]) : [];
  const file = recordingFromCotTree(r.tree.nodes, r.tree.queryCount, conversation);
  const diffs = await rebuildAndCompare(r, async () => {
    const result = await runReact(r.task, createRecordedWorld(file.recording), {
      tries: num(r.forward.pass_at, 1),
      maxDepth: num(r.forward.single_chain_max_step, 12),
      answers: num(r.forward.answer, 1),
      maxObservationLength: Infinity,
    });
    return { json: toCotAnswerFile(result), train: result.answer.trainMessages };
  });
  return [...problemDiffs(file), ...diffs];
}

/** Replays one DFSDT (`*_DFS_woFilter_w2.json`) or CoT (`*_CoT@N.json`) answer file. */
export async function replayAnswerFile(text: string, path: string): Promise<ReplayResult> {
  const parsed = parseToolBenchFile(text, path);
  if (parsed.kind !== "dfs_answer" && parsed.kind !== "cot_answer") throw new Error(`${path} is not a DFSDT or CoT answer file (it reads as ${parsed.kind})`);
  const tree = parsed.trees[0]!;
  if (tree.method !== "dfsdt" && tree.method !== "react") {
    // DFS_w2 ranks siblings with extra LLM comparisons whose replies answer files do not keep.
    throw new Error(`${path} was made with ${tree.methodLabel}; replay covers DFSDT (DFS_woFilter) and CoT files`);
  }
  const raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as JsonObject;
  const ag = isObject(raw.answer_generation) ? raw.answer_generation : {};
  const functions = tree.functions as unknown as OpenAiFunction[];
  const r: Recorded = {
    tree,
    task: { query: tree.query, functions, tools: toolsOf(functions) },
    forward: isObject(raw.forward_args) ? raw.forward_args : {},
    train: Array.isArray(ag.train_messages) ? ag.train_messages : [],
    path,
  };
  if (parsed.kind === "cot_answer") {
    const diffs = await replayCot(r);
    return { equal: diffs.length === 0, nodes: tree.nodes.length, diffs };
  }
  // ToolBench's current rule first; files from the earlier revision need the other (see DfsdtLimits).
  let diffs = await replayDfs(r, 1);
  let depthLimitBack: 1 | 2 = 1;
  if (diffs.length > 0) {
    const earlier = await replayDfs(r, 2);
    if (earlier.length === 0) [diffs, depthLimitBack] = [earlier, 2];
  }
  return { equal: diffs.length === 0, nodes: tree.nodes.length, diffs, depthLimitBack };
}
