// Every in-app URL built in one place, so pages link to each other consistently.
import { toInstructionListSearch, type InstructionListFilter } from "@/lib/core/schemas/instructions";

export const categoryHref = (categoryStandardizedName: string) => `/catalog/${encodeURIComponent(categoryStandardizedName)}`;

export const toolHref = (categoryStandardizedName: string, toolStandardizedName: string) =>
  `${categoryHref(categoryStandardizedName)}/${encodeURIComponent(toolStandardizedName)}`;

export const apiHref = (apiId: number) => `/catalog/apis/${apiId}`;

export const instructionHref = (id: number) => `/instructions/${id}`;

export function instructionsHref(filter: Partial<InstructionListFilter> = {}): string {
  const search = toInstructionListSearch(filter);
  return search ? `/instructions?${search}` : "/instructions";
}

/** A dynamic route segment as text (Next may hand it over percent-encoded). */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
