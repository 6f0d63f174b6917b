// `arbor stats [--json]`: counts of what the database holds.
import { getStats } from "@/lib/server/services/stats";
import { withDatabase } from "../with-database";

export async function statsCommand(args: string[]): Promise<number> {
  const json = args.includes("--json");
  return withDatabase({ quiet: json }, async () => {
    const s = await getStats();
    if (json) {
      console.log(JSON.stringify(s, null, 2));
      return 0;
    }
    const kv = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(", ") || "none";
    console.log(`Catalog:      ${s.categories} categories, ${s.tools} tools, ${s.apis} APIs`);
    console.log(`Instructions: ${s.instructions.total} (${kv(s.instructions.byGroup)})`);
    console.log(`Trees:        ${s.trees.total}, ${s.trees.valid} valid (by method: ${kv(s.trees.byMethod)}; by finish type: ${kv(s.trees.byFinishType)})`);
    console.log(`Nodes:        ${s.nodes}`);
    if (Object.keys(s.instructionSets).length) console.log(`Query sets:   ${kv(s.instructionSets)}`);
    return 0;
  });
}
