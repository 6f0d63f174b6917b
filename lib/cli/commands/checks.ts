// `arbor checks --recompute [--json]`: computes the per-step checks of every stored tree again and
// writes what changed (trees stored before the checks existed carry none).
import { recomputeChecks } from "@/lib/server/services/tree-checks";
import { withDatabase } from "../with-database";

export async function checksCommand(args: string[]): Promise<number> {
  if (!args.includes("--recompute")) {
    console.error("Usage: arbor checks --recompute [--json]");
    return 2;
  }
  const json = args.includes("--json");
  return withDatabase({ quiet: json }, async () => {
    const started = Date.now();
    const result = await recomputeChecks((p) => {
      if (!json) process.stderr.write(`checks: ${p.trees} trees read, ${p.changed} changed\n`);
    });
    const seconds = (Date.now() - started) / 1000;
    if (json) console.log(JSON.stringify({ ...result, seconds }, null, 2));
    else console.log(`Checked ${result.trees} trees in ${seconds.toFixed(1)} s: ${result.changed} had different checks stored and were updated.`);
    return 0;
  });
}
