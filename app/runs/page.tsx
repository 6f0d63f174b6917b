import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/core/auth/permissions";
import { PageHeader } from "../_components/page-header";
import { gatePage } from "../_lib/page-gate";
import { RunList } from "./_components/run-list";

export const metadata: Metadata = { title: "Runs" };
export const dynamic = "force-dynamic";

export default async function RunsPage() {
  const gate = await gatePage("read");
  if (gate.denied) return gate.denied;
  const canRun = can(gate.user.role, "run");
  return (
    <>
      <PageHeader
        title="Runs"
        description="Instruction generation and solving runs (and imports), as workers carry them out. A run's page shows its progress and the tree being searched."
        actions={
          canRun && (
            <>
              <Link href="/evaluations/new" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
                Evaluate trees
              </Link>
              <Link href="/runs/new?kind=generate" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
                Generate instructions
              </Link>
              <Link href="/runs/new?kind=solve" className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800">
                Solve instructions
              </Link>
            </>
          )
        }
      />
      <RunList />
    </>
  );
}
