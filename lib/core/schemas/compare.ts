// The comparison page's query (?a=<treeId>&b=<treeId>), shared by the page and GET /api/compare.
import { z } from "zod";

const treeId = (what: string) =>
  z.coerce.number({ error: `${what} must be a tree id` }).int(`${what} must be a whole number`).positive(`${what} must be positive`).max(2_147_483_647, `${what} is too large`);

export const compareQuery = z
  .object({
    a: treeId("a"),
    /** Left out to choose the second tree on the page. */
    b: treeId("b").optional(),
  })
  .strict();

export type CompareQuery = z.output<typeof compareQuery>;

export const compareSearch = (q: { a: number; b?: number }) => (q.b === undefined ? `a=${q.a}` : `a=${q.a}&b=${q.b}`);
