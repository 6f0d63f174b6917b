// URLs of the comparison page.
import { compareSearch } from "@/lib/core/schemas/compare";

/** Two trees of one instruction side by side; without b the page offers the instruction's other trees. */
export const compareHref = (a: number, b?: number) => `/compare?${compareSearch({ a, b })}`;
