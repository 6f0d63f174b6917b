// `arbor embed-catalog [--endpoint ID|env] [--model M] [--json]`: embeds the catalog's API documents
// with an embedding model of an OpenAI-compatible endpoint (default: the one saved on the Settings
// page), for retrieval by embeddings. APIs whose document has a current embedding are not sent again.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { runEmbedCatalogNow } from "@/lib/server/services/embeddings";
import { progressPrinter } from "../progress";
import { withDatabase } from "../with-database";

export async function embedCatalogCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { endpoint: { type: "string" }, model: { type: "string" }, json: { type: "boolean", default: false } } });
  let endpointId: number | null | undefined;
  if (values.endpoint !== undefined) {
    endpointId = values.endpoint === "env" ? null : Number(values.endpoint);
    if (endpointId !== null && (!Number.isInteger(endpointId) || endpointId < 1)) {
      console.error("--endpoint is an endpoint id from the Settings page, or env for the ARBOR_LLM_* environment");
      return 2;
    }
  }
  return withDatabase({ quiet: values.json }, async () => {
    const bar = values.json ? undefined : progressPrinter("embed");
    try {
      const r = await runEmbedCatalogNow({ endpointId, model: values.model }, (p) => bar?.update(p.done, p.total, `· ${p.embedded} embedded`));
      bar?.finish();
      if (values.json) console.log(JSON.stringify(r, null, 2));
      else console.log(`${r.embedded} APIs embedded with ${r.model}, ${r.unchanged} already current (${r.total} in the catalog); ${r.tokens} tokens`);
      return 0;
    } catch (e) {
      bar?.finish();
      if (e instanceof ZodError) {
        console.error(e.issues.map((i) => i.message).join("; "));
        return 2;
      }
      throw e;
    }
  });
}
