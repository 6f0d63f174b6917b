// The instruction list: one page of instructions for a filter, the total, and the filter options.
import type { InstructionListFilter } from "@/lib/core/schemas/instructions";
import {
  countInstructionsByGroup,
  listCategoryFacets,
  listGenerationRunFacets,
  listInstructions,
  suggestSourceFiles,
  type CategoryFacetRow,
  type CountRow,
  type InstructionListRow,
  type RunFacetRow,
  type SourceFileRow,
} from "../repositories/instructions";

export type { InstructionListRow, SourceFileRow };

export interface InstructionPage {
  items: InstructionListRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export async function listInstructionPage(filter: InstructionListFilter): Promise<InstructionPage> {
  const { rows, total } = await listInstructions({
    text: filter.q,
    group: filter.group,
    categoryStandardizedName: filter.category,
    toolId: filter.tool,
    sourceFile: filter.source,
    generationRunId: filter.run,
    hasTree: filter.hasTree === undefined ? undefined : filter.hasTree === "yes",
    offset: (filter.page - 1) * filter.pageSize,
    limit: filter.pageSize,
  });
  return { items: rows, total, page: filter.page, pageSize: filter.pageSize, pageCount: Math.max(1, Math.ceil(total / filter.pageSize)) };
}

export interface InstructionFacets {
  groups: CountRow[];
  categories: CategoryFacetRow[];
  runs: RunFacetRow[];
}

export async function getInstructionFacets(): Promise<InstructionFacets> {
  const [groups, categories, runs] = await Promise.all([countInstructionsByGroup(), listCategoryFacets(), listGenerationRunFacets()]);
  return { groups, categories, runs };
}

export async function listSourceSuggestions(input: { q?: string; limit: number }): Promise<SourceFileRow[]> {
  return suggestSourceFiles(input.q, input.limit);
}
