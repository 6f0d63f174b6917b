// `arbor import <file-or-folder>… [--json]`: imports ToolBench / StableToolBench files; exits
// non-zero when any file failed (the others are imported).
import { runImportNow } from "@/lib/server/services/import-execution";
import { progressPrinter } from "../progress";
import { withDatabase } from "../with-database";

export async function importCommand(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const paths = args.filter((a) => !a.startsWith("--"));
  if (paths.length === 0) {
    console.error("Usage: arbor import <file-or-folder>... [--json]");
    return 2;
  }
  return withDatabase({ quiet: json }, async () => {
    const bar = progressPrinter("import");
    const { summary, runId } = await runImportNow(paths, (p) =>
      bar.update(p.filesDone, p.filesTotal, `· ${p.summary.trees} trees · ${p.summary.nodes} nodes · ${p.summary.errors.length} errors`),
    );
    const seconds = bar.finish();
    if (json) {
      const { files, instructions, trees, nodes, categories, tools, apis, errors, skipped, duplicateTrees, labelledTrees, kinds } = summary;
      console.log(JSON.stringify({ files, instructions, trees, nodes, categories, tools, apis, errors, skipped, duplicateTrees, labelledTrees, kinds, runId }, null, 2));
    } else {
      console.log(
        `Imported ${summary.files} files in ${seconds.toFixed(1)} s (run #${runId}): ${summary.instructions} new instructions, ` +
          `${summary.trees} new trees, ${summary.nodes} nodes, ${summary.categories} categories, ${summary.tools} tools, ${summary.apis} APIs` +
          (summary.duplicateTrees ? `; ${summary.duplicateTrees} trees were already imported` : "") +
          (summary.labelledTrees ? `; ${summary.labelledTrees} trees given judge labels` : ""),
      );
      for (const s of summary.skipped) console.log(`  skipped ${s.file}: ${s.reason}`);
      for (const e of summary.errors) console.error(`  error   ${e.file}: ${e.message}`);
    }
    return summary.errors.length > 0 ? 1 : 0;
  });
}
