// One batch of an instruction-generation run, the ToolBench way: sample APIs for the strategy (I1 one
// tool, I2 tools of a category, I3 tools of a collection), show seed examples and the APIs'
// documentation, ask for queries, keep those whose related APIs were all sampled. The batch's
// samples come from the run's seed and the batch number, so a retried batch asks the same question.
import { createHash } from "node:crypto";
import {
  buildInstructionPrompt,
  createRng,
  DEFAULT_SEEDS,
  filterGeneratedQueries,
  parseGeneratedQueries,
  sampleApis,
  sampleSeeds,
  type InstructionGroup,
} from "@/lib/core/generation";
import type { GenerationRunConfig } from "@/lib/core/schemas/runs";
import type { LlmEndpointConfig } from "../llm/llm-client";
import { writeGeneratedBatch, type SamplingApi } from "../repositories/generated-instructions";
import type { ClaimedItem } from "../repositories/run-items";
import { ClaimLostError, ItemEventLog, throwIfStopped, type ItemSignals } from "./item-event-log";
import { openLlmClient } from "./llm-endpoints";
import { ItemError } from "./solve-item";

export interface GenerationSetup {
  runId: number;
  config: GenerationRunConfig;
  generator: LlmEndpointConfig;
  /** The catalog to sample from, read once per run and worker. */
  catalog: () => Promise<SamplingApi[]>;
}

const GROUPS: Record<GenerationRunConfig["strategy"], InstructionGroup> = { I1: "G1", I2: "G2", I3: "G3" };

export const batchKey = (index: number) => `batch:${index}`;

/** How many queries batch `index` asks for: `perCall`, the last one the rest. */
export function batchSize(config: Pick<GenerationRunConfig, "count" | "perCall">, index: number): number {
  return Math.max(0, Math.min(config.perCall, config.count - index * config.perCall));
}

export async function generateBatch(item: ClaimedItem, setup: GenerationSetup, signals: ItemSignals): Promise<{ inserted: number }> {
  const index = Number(/^batch:(\d+)$/.exec(item.key)?.[1] ?? NaN);
  if (!Number.isInteger(index)) throw new ItemError(`"${item.key}" is not a generation batch`);
  const { config } = setup;
  const rng = createRng(`${config.seed}\u0000${index}`);
  const catalog = await setup.catalog();
  const group = GROUPS[config.strategy];
  let sample;
  try {
    sample = sampleApis(group, catalog, rng);
  } catch (e) {
    throw new ItemError(e instanceof Error ? e.message : String(e));
  }
  const pool = config.seedExamples?.length ? { single: config.seedExamples, multi: config.seedExamples } : DEFAULT_SEEDS;
  const seeds = sampleSeeds(group, rng, config.seedsPerPrompt, pool);
  const asked = batchSize(config, index);
  const messages = buildInstructionPrompt({ group, apis: sample.apis, seeds, count: asked });

  const log = new ItemEventLog(item, 0);
  await log.flush(); // renews the claim and stops here on a cancel or the cost cap
  throwIfStopped(signals);
  const reply = await openLlmClient(setup.generator, log.onLlmCall).chat(messages);
  const parsed = parseGeneratedQueries(reply.text);
  const filtered = filterGeneratedQueries(parsed.queries, sample.apis);
  const sampled = sample.apis as SamplingApi[];
  const written = await writeGeneratedBatch(
    item,
    setup.runId,
    filtered.kept.map((q) => ({ group: config.strategy, query: q.query, queryHash: createHash("sha256").update(q.query.trim()).digest("hex"), sampled, relevantApis: q.relevantApis })),
    log.takeUsage(),
    { asked, parsed: parsed.queries.length, kept: filtered.counts.kept, dropped: filtered.counts.dropped, unknownApi: filtered.counts.unknown_api, unreadable: parsed.problems.length },
  );
  if (!written) throw new ClaimLostError();
  return { inserted: written.inserted };
}
