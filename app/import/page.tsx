import type { Metadata } from "next";
import { PageHeader } from "../_components/page-header";
import { ImportWorkbench } from "./_components/import-workbench";
import { gatePage } from "../_lib/page-gate";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const gate = await gatePage("import");
  if (gate.denied) return gate.denied;
  return (
    <>
      <PageHeader
        title="Import"
        description={
          <>
            ToolBench and StableToolBench files of every kind: instruction files (<code className="font-mono text-xs">G*_query.json</code>,{" "}
            <code className="font-mono text-xs">solvable_queries</code>), toolenv tool files and response examples, DFSDT and CoT answer files, and ToolEval
            converted answers. Arbor recognizes each file by its content; folder names such as <code className="font-mono text-xs">G1_answer</code> tell the
            group, so upload whole folders when you can. Importing the same files again adds nothing.
          </>
        }
      />
      <ImportWorkbench />
    </>
  );
}
