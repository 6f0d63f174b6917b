// `arbor import-cache <folder> [--json]`: imports StableToolBench's tool response cache into the
// executor cache (the same as the Settings page's form, for large folders and scripts).
import { importToolResponseCache } from "@/lib/server/services/cache-import";
import { withDatabase } from "../with-database";

export async function importCacheCommand(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const [folder] = args.filter((a) => !a.startsWith("--"));
  if (!folder) {
    console.error("Usage: arbor import-cache <tool_response_cache folder> [--json]");
    return 2;
  }
  return withDatabase({ quiet: json }, async () => {
    const summary = await importToolResponseCache(folder, (files) => files % 500 === 0 && !json && process.stderr.write(`  ${files} files…\n`));
    if (json) console.log(JSON.stringify(summary, null, 2));
    else {
      console.log(`Read ${summary.entries} cached answers from ${summary.files} files: ${summary.stored} new, ${summary.unlinked} for functions not in the catalog.`);
      for (const p of summary.problems) console.error(`  ${p.file}: ${p.message}`);
    }
    return 0;
  });
}
