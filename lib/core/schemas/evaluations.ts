// Inputs of evaluation runs (ToolEval's pass rate and preference), shared by the form and the server
// action, and the config stored on the Run row (what the worker reads back).
import { z } from "zod";
import { TREE_METHODS } from "./trees";

const id = z.coerce.number().int().positive().max(2_147_483_647);
const group = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "group must be a name such as G1");

/** ToolEval judges each answer 4 times for the pass rate, 2 rounds for preference. */
export const DEFAULT_PASS_JUDGEMENTS = 4;
export const DEFAULT_PREFERENCE_ROUNDS = 2;

/** Which trees a pass-rate run judges: the trees of a solve (or import) run, or a filter. */
export const evaluationTreeFilter = z
  .object({
    ids: z.array(id).max(10_000).optional(),
    run: id.optional(),
    group: group.optional(),
    method: z.enum(TREE_METHODS).optional(),
    model: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1, "judge at least 1 tree").max(100_000).default(100),
  })
  .strict();
export type EvaluationTreeFilter = z.output<typeof evaluationTreeFilter>;

/** One side of a comparison: a run's trees, or a method (and model) across runs and imports. */
export const comparisonSide = z
  .object({
    run: id.optional(),
    method: z.enum(TREE_METHODS).optional(),
    model: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((s) => s.run !== undefined || s.method !== undefined || s.model !== undefined, "choose a run, a method or a model");
export type ComparisonSide = z.output<typeof comparisonSide>;

const common = {
  title: z.string().trim().max(200, "the title can be at most 200 characters").optional(),
  /** The judge: a configured endpoint, or (null) the one set in the environment. */
  endpointId: id.nullable(),
  model: z.string().trim().min(1).max(200).optional(),
  costCapUsd: z.coerce.number().positive("the cost cap must be more than 0").max(1_000_000).nullable().optional(),
  parallelism: z.coerce.number().int().min(1).max(64).default(4),
  seed: z.string().trim().max(100).optional(),
};

export const startEvaluationRunInput = z.discriminatedUnion("mode", [
  z
    .object({
      mode: z.literal("pass_rate"),
      ...common,
      filter: evaluationTreeFilter,
      /** Judgements per tree, decided by majority. */
      judgements: z.coerce.number().int().min(1).max(15).default(DEFAULT_PASS_JUDGEMENTS),
      /** ToolEval asks whether an unsolved query was solvable (off: StableToolBench's SoPR). */
      checkSolvable: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      mode: z.literal("preference"),
      ...common,
      candidate: comparisonSide,
      reference: comparisonSide,
      group: group.optional(),
      limit: z.coerce.number().int().min(1, "compare at least 1 pair").max(100_000).default(100),
      rounds: z.coerce.number().int().min(1).max(10).default(DEFAULT_PREFERENCE_ROUNDS),
    })
    .strict(),
]);
export type StartEvaluationRunInput = z.input<typeof startEvaluationRunInput>;
export type EvaluationRunConfig = z.output<typeof startEvaluationRunInput> & { seed: string };

export const PASS_LABELS = ["Solved", "Unsolved", "Unsure"] as const;
export type PassLabelName = (typeof PASS_LABELS)[number];

/** Which imported results a report is of: their kind and the name the import gave them. */
export const importedResultsQuery = z
  .object({
    kind: z.enum(["pass_rate", "preference"]),
    model: z.string().trim().min(1, "name the imported results").max(400),
  })
  .strict();
