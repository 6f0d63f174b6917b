// The instruction list's filters: parsed from the URL by the page and by GET /api/instructions, and
// written back to the URL by the page, so a filtered view can be shared as a link.
import { z } from "zod";

export const INSTRUCTION_PAGE_SIZE = 50;
export const MAX_INSTRUCTION_PAGE_SIZE = 200;

const positiveId = (what: string) => z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).positive(`${what} must be positive`).max(2_147_483_647);

export const instructionListFilter = z
  .object({
    /** Full-text search on the query (websearch syntax: "quoted phrases", -excluded, or). */
    q: z.string().max(200, "search text must be at most 200 characters").optional(),
    group: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "group must be a name such as G1").optional(),
    /** A category's standardized name, e.g. "Logistics" or "Health_and_Fitness". */
    category: z.string().max(200).optional(),
    tool: positiveId("tool").optional(),
    /** The file the instruction was imported from, exactly as stored. */
    source: z.string().max(1000).optional(),
    /** The generation run that produced the instruction. */
    run: positiveId("run").optional(),
    hasTree: z.enum(["yes", "no"], { error: 'hasTree must be "yes" or "no"' }).optional(),
    page: z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page must be at least 1").max(1_000_000).default(1),
    pageSize: z.coerce
      .number({ error: "pageSize must be a number" })
      .int("pageSize must be a whole number")
      .min(1, "pageSize must be at least 1")
      .max(MAX_INSTRUCTION_PAGE_SIZE, `pageSize must be at most ${MAX_INSTRUCTION_PAGE_SIZE}`)
      .default(INSTRUCTION_PAGE_SIZE),
  })
  .strict();

export type InstructionListFilter = z.output<typeof instructionListFilter>;
export type InstructionListFilterInput = z.input<typeof instructionListFilter>;

// A fixed key order keeps URLs (and so shared links) identical for identical views.
const KEY_ORDER = ["q", "group", "category", "tool", "source", "run", "hasTree", "page", "pageSize"] as const;

/** The query string for a filter, leaving out defaults; "" when nothing is set. */
export function toInstructionListSearch(filter: Partial<InstructionListFilter>): string {
  const params = new URLSearchParams();
  for (const key of KEY_ORDER) {
    const value = filter[key];
    if (value === undefined || value === "") continue;
    if (key === "page" && value === 1) continue;
    if (key === "pageSize" && value === INSTRUCTION_PAGE_SIZE) continue;
    params.set(key, String(value));
  }
  return params.toString();
}

/** True when any filter other than paging is set. */
export function hasInstructionFilters(filter: Partial<InstructionListFilter>): boolean {
  return KEY_ORDER.some((k) => k !== "page" && k !== "pageSize" && filter[k] !== undefined && filter[k] !== "");
}

/** Suggestions for the source-file filter. */
export const sourceSuggestInput = z
  .object({
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
