// Uploaded files are stored under the data folder (uploads/<id>/<their relative paths>) and imported
// from there by a worker, so the folder names that carry meaning (G1_answer, …) are kept.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { InvalidInputError } from "@/lib/core/errors";
import { safeRelativePath } from "@/lib/core/schemas/imports";
import { queueImport, uploadsDir } from "./import-runs";

export interface UploadedFile {
  relativePath: string;
  bytes: Uint8Array;
}

export const MAX_UPLOAD_FILES = 5000;

export async function importUploads(files: UploadedFile[], createdById?: number): Promise<number> {
  if (files.length === 0) throw new InvalidInputError("No files were uploaded");
  if (files.length > MAX_UPLOAD_FILES) {
    throw new InvalidInputError(`At most ${MAX_UPLOAD_FILES} files per upload; import larger corpora from a server folder or with \`arbor import\``);
  }
  const cleaned = files.map((f) => {
    const rel = safeRelativePath(f.relativePath);
    if (!rel) throw new InvalidInputError(`Refused the file name "${f.relativePath}": it must be a relative path inside the upload`);
    return { ...f, rel };
  });
  const dir = path.join(uploadsDir(), `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`);
  try {
    for (const f of cleaned) {
      const target = path.join(dir, f.rel);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.writeFile(target, f.bytes);
    }
    const top = [...new Set(cleaned.map((f) => f.rel.split("/")[0]))];
    const title = `Upload of ${cleaned.length} file${cleaned.length === 1 ? "" : "s"} (${top.slice(0, 3).join(", ")}${top.length > 3 ? ", …" : ""})`;
    return await queueImport({ uploadDir: dir }, title, createdById);
  } catch (err) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw err;
  }
}
