// Inputs of generation and solve runs, shared by the forms and the server actions, and the configs
// stored on the Run row (what the worker reads back).
import { z } from "zod";
import { RETRIEVAL_METHODS } from "../retrieval/embeddings";

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const EXECUTOR_KINDS = ["cache", "real", "simulated", "examples"] as const;
export type ExecutorKind = (typeof EXECUTOR_KINDS)[number];

export const EXECUTOR_LABELS: Record<ExecutorKind, string> = {
  cache: "Cache — recorded answers for the same arguments",
  real: "Real HTTP — call the API's URL",
  simulated: "Simulated — an LLM plays the API (answers are cached)",
  examples: "Examples — the stored example response or schema (offline)",
};

const title = z.string().trim().max(200, "the title can be at most 200 characters").optional();
const costCap = z.coerce.number().positive("the cost cap must be more than 0").max(1_000_000).nullable().optional();
const model = z.string().trim().min(1).max(200).optional();

/** The LLM a run uses: a configured endpoint, or (null) the one set in the environment. */
const llmChoice = {
  endpointId: id.nullable(),
  /** Overrides the endpoint's model. */
  model,
  temperature: z.coerce.number().min(0).max(2).optional(),
};

/** Which instructions a solve run takes (the instruction list's filters, or explicit ids). */
export const solveInstructionFilter = z
  .object({
    ids: z.array(id).max(10_000).optional(),
    q: z.string().max(200).optional(),
    group: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "group must be a name such as G1").optional(),
    category: z.string().max(200).optional(),
    tool: id.optional(),
    source: z.string().max(1000).optional(),
    run: id.optional(),
    hasTree: z.enum(["yes", "no"]).optional(),
    limit: z.coerce.number().int().min(1, "solve at least 1 instruction").max(100_000).default(100),
  })
  .strict();
export type SolveInstructionFilter = z.output<typeof solveInstructionFilter>;

export const solveLimits = z
  .object({
    /** DFSDT: children per node (ToolBench's tree_beam_size). */
    beam: z.coerce.number().int().min(1).max(5).default(2),
    maxDepth: z.coerce.number().int().min(1).max(40).default(12),
    maxLlmCalls: z.coerce.number().int().min(1).max(1000).default(200),
    /** ReACT: tries (CoT@N). */
    tries: z.coerce.number().int().min(1).max(10).default(1),
    maxObservationLength: z.coerce.number().int().min(16).max(100_000).default(1024),
  })
  .strict();
export type SolveLimits = z.output<typeof solveLimits>;

export const startSolveRunInput = z
  .object({
    title,
    ...llmChoice,
    method: z.enum(["dfsdt", "react"]),
    filter: solveInstructionFilter,
    limits: solveLimits.default(solveLimits.parse({})),
    executors: z
      .array(z.enum(EXECUTOR_KINDS))
      .min(1, "choose at least one executor")
      .max(EXECUTOR_KINDS.length)
      .refine((xs) => new Set(xs).size === xs.length, "each executor can appear once in the chain"),
    /**
     * The APIs offered to the model: the instruction's own list, or the catalog APIs retrieval ranks
     * highest for the query (ToolBench's "DFSDT-Retriever" setting, top 5), by `retrieval`.
     */
    apis: z.enum(["instruction", "retrieved"]).default("instruction"),
    retrieval: z.enum(RETRIEVAL_METHODS).default("bm25"),
    retrievedApis: z.coerce.number().int().min(1, "retrieve at least 1 API").max(20, "retrieve at most 20 APIs").default(5),
    /** The LLM that plays APIs for the simulated executor (default: the run's). */
    simulatorEndpointId: id.nullable().optional(),
    costCapUsd: costCap,
    /** Instructions solved at once by each worker process. */
    parallelism: z.coerce.number().int().min(1).max(64).default(4),
    seed: z.string().trim().max(100).optional(),
  })
  .strict();
export type StartSolveRunInput = z.input<typeof startSolveRunInput>;
export type SolveRunConfig = z.output<typeof startSolveRunInput> & { seed: string };

export const seedExample = z.object({
  query: z.string().trim().min(1).max(4000),
  relevantApis: z.array(z.tuple([z.string().min(1).max(300), z.string().min(1).max(300)])).min(1).max(10),
});

export const startGenerationRunInput = z
  .object({
    title,
    ...llmChoice,
    strategy: z.enum(["I1", "I2", "I3"]),
    /** Instructions to ask for in all (some are dropped by the filter). */
    count: z.coerce.number().int().min(1, "ask for at least 1 instruction").max(100_000),
    /** Instructions asked for per LLM call (ToolBench asks for 10). */
    perCall: z.coerce.number().int().min(1).max(20).default(10),
    /** Seed examples shown per prompt, drawn from `seedExamples` (or Arbor's own). */
    seedsPerPrompt: z.coerce.number().int().min(0).max(8).default(3),
    seedExamples: z.array(seedExample).max(100).optional(),
    /** Standardized category names to sample from (all when empty). */
    categories: z.array(z.string().min(1).max(200)).max(100).optional(),
    costCapUsd: costCap,
    parallelism: z.coerce.number().int().min(1).max(64).default(4),
    seed: z.string().trim().max(100).optional(),
  })
  .strict();
export type StartGenerationRunInput = z.input<typeof startGenerationRunInput>;
export type GenerationRunConfig = z.output<typeof startGenerationRunInput> & { seed: string };

export const retryRunInput = z.object({
  runId: id,
  /** A new cost cap (null removes it); unchanged when absent. */
  costCapUsd: costCap,
});

export const runIdInput = id;

export const runListFilter = z
  .object({
    kind: z.enum(["generate_instructions", "solve", "evaluate", "import", "export", "embed_catalog"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
