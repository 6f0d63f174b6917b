// Shared by route handlers and pages: URL query strings in, zod-checked values out, with messages a
// person can act on ("page: must be at least 1").
import type { z } from "zod";

/** The first value of each key; empty values are dropped so `?group=` means "no group filter". */
export function searchParamsToObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in out) continue;
    const trimmed = value.trim();
    if (trimmed !== "") out[key] = trimmed;
  }
  return out;
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      if (issue.code === "unrecognized_keys") return `unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseSearchParams<S extends z.ZodType>(schema: S, params: URLSearchParams): ParseResult<z.output<S>> {
  const parsed = schema.safeParse(searchParamsToObject(params));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: describeZodError(parsed.error) };
}

/** Escapes LIKE/ILIKE wildcards so user text matches literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
