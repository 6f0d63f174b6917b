// Catalog use cases: browse categories → tools → APIs, API details, search, and the tool picker.
import { NotFoundError } from "@/lib/core/errors";
import type { CatalogSearchInput, ToolSuggestInput } from "@/lib/core/schemas/catalog";
import { readApiParameters, type ApiParameterView } from "@/lib/core/toolbench/api-parameters";
import {
  findApiById,
  findCategoryByStandardizedName,
  findToolByNames,
  listApisOfTool,
  listCategoriesWithCounts,
  listToolsInCategory,
  type ApiDetailRow,
  type ApiListRow,
  type CategoryRow,
  type ToolDetailRow,
  type ToolRow,
} from "../repositories/catalog";
import {
  findToolSuggestionById,
  searchApis,
  searchTools,
  suggestTools,
  type ApiHit,
  type Hits,
  type ToolHit,
  type ToolSuggestion,
} from "../repositories/catalog-search";

export type { ApiHit, CategoryRow, ToolHit, ToolRow, ToolSuggestion };

export async function listCategories(): Promise<CategoryRow[]> {
  return listCategoriesWithCounts();
}

export interface CategoryPage {
  category: Omit<CategoryRow, "instructionCount">;
  tools: ToolRow[];
}

export async function getCategoryPage(standardizedName: string): Promise<CategoryPage> {
  const category = await findCategoryByStandardizedName(standardizedName);
  if (!category) throw new NotFoundError(`No category "${standardizedName}" in the catalog`);
  return { category, tools: await listToolsInCategory(category.id) };
}

export interface ToolPage {
  tool: ToolDetailRow;
  apis: ApiListRow[];
}

export async function getToolPage(categoryStandardizedName: string, toolStandardizedName: string): Promise<ToolPage> {
  const tool = await findToolByNames(categoryStandardizedName, toolStandardizedName);
  if (!tool) throw new NotFoundError(`No tool "${toolStandardizedName}" in category "${categoryStandardizedName}"`);
  return { tool, apis: await listApisOfTool(tool.id) };
}

export interface ApiDetail extends Omit<ApiDetailRow, "requiredParameters" | "optionalParameters"> {
  parameters: ApiParameterView[];
}

export async function getApiDetail(id: number): Promise<ApiDetail> {
  const api = await findApiById(id);
  if (!api) throw new NotFoundError(`No API with id ${id} in the catalog`);
  const { requiredParameters, optionalParameters, ...rest } = api;
  return {
    ...rest,
    parameters: [...readApiParameters(requiredParameters, true), ...readApiParameters(optionalParameters, false)],
  };
}

export interface CatalogSearchResult {
  q: string;
  tools: Hits<ToolHit>;
  apis: Hits<ApiHit>;
}

export async function searchCatalog(input: CatalogSearchInput): Promise<CatalogSearchResult> {
  const [tools, apis] = await Promise.all([searchTools(input.q, input.limit), searchApis(input.q, input.limit)]);
  return { q: input.q, tools, apis };
}

export async function listToolSuggestions(input: ToolSuggestInput): Promise<ToolSuggestion[]> {
  return suggestTools({ text: input.q, categoryStandardizedName: input.category, limit: input.limit });
}

export async function getToolSuggestion(id: number): Promise<ToolSuggestion> {
  const tool = await findToolSuggestionById(id);
  if (!tool) throw new NotFoundError(`No tool with id ${id}`);
  return tool;
}
