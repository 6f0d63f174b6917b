// Judging one item of an evaluation run: a tree's pass rate (several judgements, decided by
// majority) or a pair's preference. The judge is an OpenAI-compatible endpoint asked for JSON.
// Before every judge call the item's claim is renewed, the tokens and cost so far are added to the
// run, and a cancel or the cost cap stops the item; the judgements are written with the item's
// success in one transaction, so an interrupted item is simply judged again.
import { RunCancelledError } from "@/lib/core/generation/errors";
import { createRng } from "@/lib/core/generation/rng";
import { answerFromPath, type EvaluatedAnswer } from "@/lib/core/evaluation/answer";
import { decideTree, judgePassRate, type EvaluationTask, type PassRateJudge } from "@/lib/core/evaluation/pass-rate";
import { judgePreference, type PreferenceJudge } from "@/lib/core/evaluation/preference";
import {
  answerStatusPrompt,
  betterAnswerPrompt,
  JudgeReplyError,
  pathStatusPrompt,
  readAnswerStatus,
  readBetterAnswer,
  readTaskStatus,
  taskSolvablePrompt,
  type JudgeMessage,
} from "@/lib/core/evaluation/prompts";
import type { EvaluationRunConfig } from "@/lib/core/schemas/evaluations";
import type { LlmEndpointConfig } from "../llm/llm-client";
import { loadTreeForJudging, writePassRateResult, writePreferenceResult, type JudgementRecord, type TreeForJudging } from "../repositories/evaluations";
import { appendItemEvents, NO_USAGE_DELTA, type UsageDelta } from "../repositories/run-events";
import type { ClaimedItem } from "../repositories/run-items";
import { ClaimLostError, stopReason, throwIfStopped, type ItemSignals } from "./item-event-log";
import { openLlmClient } from "./llm-endpoints";
import { ItemError } from "./solve-item";

export interface EvaluationSetup {
  runId: number;
  config: EvaluationRunConfig;
  judge: LlmEndpointConfig;
}

/** Unreadable judge replies are asked again this many times in all (ToolEval retries 3 times). */
const REPLY_ATTEMPTS = 3;

/** The judge with a meter: tokens and cost since the last flush, and cost since `resetCost`. */
function openJudge(item: ClaimedItem, setup: EvaluationSetup, signals: ItemSignals) {
  let pending: UsageDelta = { ...NO_USAGE_DELTA };
  let cost = 0;
  const client = openLlmClient(setup.judge, (r) => {
    pending = {
      llmCalls: pending.llmCalls + 1,
      promptTokens: pending.promptTokens + r.usage.promptTokens,
      completionTokens: pending.completionTokens + r.usage.completionTokens,
      costUsd: pending.costUsd + r.costUsd,
    };
    cost += r.costUsd;
  });

  /** Renews the claim, adds what was spent to the run, and stops when the run should stop. */
  async function checkpoint(): Promise<void> {
    throwIfStopped(signals);
    const usage = pending;
    pending = { ...NO_USAGE_DELTA };
    const signal = await appendItemEvents(item, 0, [], usage);
    if (!signal) throw new ClaimLostError();
    const reason = stopReason(signal);
    if (reason) throw Object.assign(new RunCancelledError(), { message: reason });
  }

  async function ask<T>(messages: JudgeMessage[], read: (text: string) => T): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await checkpoint();
      const { text } = await client.chat(messages, { json: true });
      try {
        return read(text);
      } catch (e) {
        if (!(e instanceof JudgeReplyError) || attempt >= REPLY_ATTEMPTS) throw e;
      }
    }
  }

  const judge: PassRateJudge & PreferenceJudge = {
    checkAnswer: (task, finalAnswer) => ask(answerStatusPrompt(task, finalAnswer), readAnswerStatus),
    checkPath: (task, answer) => ask(pathStatusPrompt(task, answer), readAnswerStatus),
    checkSolvable: (task) => ask(taskSolvablePrompt(task), readTaskStatus),
    selectBetter: (query, answers) => ask(betterAnswerPrompt(query, answers), readBetterAnswer),
  };
  return {
    judge,
    model: setup.judge.model,
    takeCost: () => {
      const c = cost;
      cost = 0;
      return c;
    },
    takeUsage: () => {
      const u = pending;
      pending = { ...NO_USAGE_DELTA };
      return u;
    },
  };
}

async function loadTree(treeId: number): Promise<TreeForJudging> {
  const tree = await loadTreeForJudging(treeId);
  if (!tree) throw new ItemError(`tree #${treeId} no longer exists`);
  return tree;
}

const answerOf = (t: TreeForJudging): EvaluatedAnswer => answerFromPath(t.nodes, t.chosenNodeIdx, t.methodLabel);
/** The task as ToolEval's converted answers give it: the query and the APIs offered (Finish is not one). */
const taskOf = (t: TreeForJudging): EvaluationTask => ({
  query: t.query,
  availableTools: t.functions.filter((f) => !(f && typeof f === "object" && (f as { name?: unknown }).name === "Finish")),
});
const coinFor = (setup: EvaluationSetup, item: ClaimedItem, round: number) => {
  const rng = createRng(`${setup.config.seed}\u0000${item.key}\u0000${round}`);
  return () => rng.next() < 0.5;
};

/** Judges the item and writes the result. Throws ClaimLostError, RunCancelledError, WorkerStoppingError, LlmError, JudgeReplyError or ItemError. */
export async function evaluateItem(item: ClaimedItem, setup: EvaluationSetup, signals: ItemSignals): Promise<void> {
  const meter = openJudge(item, setup, signals);
  const pair = /^pair:(\d+):(\d+)$/.exec(item.key);
  const single = /^tree:(\d+)$/.exec(item.key);
  const config = setup.config;

  if (config.mode === "pass_rate" && single) {
    const tree = await loadTree(Number(single[1]));
    const answer = answerOf(tree);
    const judgements: JudgementRecord[] = [];
    for (let i = 0; i < config.judgements; i++) {
      const j = await judgePassRate(taskOf(tree), answer, meter.judge, { checkSolvable: config.checkSolvable, coin: coinFor(setup, item, i) });
      judgements.push({ ...j, model: meter.model, costUsd: meter.takeCost(), details: { round: i + 1 } });
    }
    const ok = await writePassRateResult(item, tree.id, judgements, decideTree(judgements), meter.takeUsage());
    if (!ok) throw new ClaimLostError();
    return;
  }
  if (config.mode === "preference" && pair) {
    const [candidate, reference] = await Promise.all([loadTree(Number(pair[1])), loadTree(Number(pair[2]))]);
    const result = await judgePreference(
      candidate.query,
      { answer: answerOf(candidate), passed: candidate.passed, label: candidate.label },
      { answer: answerOf(reference), passed: reference.passed, label: reference.label },
      meter.judge,
      { rounds: config.rounds, coin: coinFor(setup, item, 0) },
    );
    const ok = await writePreferenceResult(item, { candidateTreeId: candidate.id, referenceTreeId: reference.id }, result, { model: meter.model, costUsd: meter.takeCost() }, meter.takeUsage());
    if (!ok) throw new ClaimLostError();
    return;
  }
  throw new ItemError(`item "${item.key}" does not fit a ${config.mode} run`);
}
