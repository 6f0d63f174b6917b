// Inputs of the Import page and API: server-side paths, or uploaded files named by relative paths.
import { z } from "zod";

export const MAX_IMPORT_PATHS = 50;

export const pathImportInput = z.object({
  paths: z
    .array(z.string().trim().min(1, "a path cannot be empty").max(4096))
    .min(1, "give at least one file or folder path")
    .max(MAX_IMPORT_PATHS, `at most ${MAX_IMPORT_PATHS} paths at once`),
});
export type PathImportInput = z.infer<typeof pathImportInput>;

/**
 * An uploaded file's relative path ("datasets/toolbench/answer/G1_answer/57_….json"), checked so it
 * stays inside the upload folder. Returns the cleaned path or undefined when it is unsafe.
 */
export function safeRelativePath(raw: string): string | undefined {
  const parts = raw.replace(/\\/g, "/").split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.length > 32) return undefined;
  if (parts.some((p) => p === ".." || p.includes("\u0000") || p.length > 255)) return undefined;
  if (/^[A-Za-z]:$/.test(parts[0]!)) return undefined; // a Windows drive
  return parts.join("/");
}

export const runIdParam = z.coerce.number().int().positive().max(2_147_483_647);
