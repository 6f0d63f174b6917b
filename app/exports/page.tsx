import type { Metadata } from "next";
import { PageHeader } from "../_components/page-header";
import { gatePage } from "../_lib/page-gate";
import { ExportWorkbench } from "./_components/export-workbench";

export const metadata: Metadata = { title: "Exports" };
export const dynamic = "force-dynamic";

export default async function ExportsPage() {
  const gate = await gatePage("export");
  if (gate.denied) return gate.denied;
  return (
    <>
      <PageHeader
        title="Exports"
        description={
          <>
            Training data from reviewed trees: pick a format and which trees (approved ones by default, or any tree list filter or saved view). Each export is kept
            as a snapshot — its filter, format, count and content hash — that can be downloaded again. The same exports run from the terminal with{" "}
            <code className="font-mono text-xs">npm run arbor -- export --format &lt;format&gt; --out &lt;file&gt;</code>.
          </>
        }
      />
      <ExportWorkbench />
    </>
  );
}
