// Catalog inputs: the search box (names and descriptions of tools and APIs) and the tool picker
// used by the instruction filters.
import { z } from "zod";

export const catalogSearchInput = z
  .object({
    q: z.string({ error: "q (the search text) is required" }).min(1, "q (the search text) is required").max(200, "search text must be at most 200 characters"),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export type CatalogSearchInput = z.output<typeof catalogSearchInput>;

export const toolSuggestInput = z
  .object({
    q: z.string().max(100).optional(),
    /** Restrict to one category (its standardized name). */
    category: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export type ToolSuggestInput = z.output<typeof toolSuggestInput>;

export const idParam = z.coerce.number({ error: "id must be a number" }).int("id must be a whole number").positive("id must be positive").max(2_147_483_647);
