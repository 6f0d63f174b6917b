// What an import reads: files and folders expanded into .json files, in the order to import them.
import fs from "node:fs";
import path from "node:path";
import { sortForImport } from "@/lib/core/import/order";

export interface ImportInput {
  /** where the file is on this machine */
  absolutePath: string;
  /** how it is named in Arbor (sourceFile); its folders tell the group, query id and model */
  displayPath: string;
}

/**
 * Files and folders → the .json files under them (hidden folders skipped), named relative to the
 * argument's parent folder (so a folder's own name is kept), or to `relativeTo` when given.
 */
export function expandInputs(inputs: string[], opts: { relativeTo?: string } = {}): { files: ImportInput[]; missing: string[] } {
  const files: ImportInput[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    if (!fs.existsSync(abs)) {
      missing.push(input);
      continue;
    }
    const base = opts.relativeTo ? path.resolve(opts.relativeTo) : path.dirname(abs);
    const walk = (p: string) => {
      const st = fs.statSync(p);
      if (st.isDirectory()) {
        for (const e of fs.readdirSync(p).sort()) if (!e.startsWith(".") && e !== "node_modules") walk(path.join(p, e));
      } else if (p.toLowerCase().endsWith(".json") || p === abs) {
        files.push({ absolutePath: p, displayPath: path.relative(base, p).split(path.sep).join("/") });
      }
    };
    walk(abs);
  }
  const order = new Map(sortForImport(files.map((f) => f.displayPath)).map((d, i) => [d, i]));
  files.sort((a, b) => order.get(a.displayPath)! - order.get(b.displayPath)!);
  return { files, missing };
}
