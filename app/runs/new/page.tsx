import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "../../_components/page-header";
import { gatePage } from "../../_lib/page-gate";
import { GenerationRunForm } from "../_components/generation-run-form";
import { SolveRunForm } from "../_components/solve-run-form";

export const metadata: Metadata = { title: "New run" };
export const dynamic = "force-dynamic";

export default async function NewRunPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const gate = await gatePage("run");
  if (gate.denied) return gate.denied;
  const generate = (await searchParams).kind === "generate";
  const tab = (active: boolean) => `rounded-md px-3 py-1.5 text-sm ${active ? "bg-emerald-50 font-medium text-emerald-900" : "text-zinc-600 hover:bg-zinc-100"}`;
  return (
    <>
      <PageHeader
        title={generate ? "Generate instructions" : "Solve instructions"}
        crumbs={[{ label: "Runs", href: "/runs" }, { label: "New run" }]}
        description={
          generate
            ? "ToolBench's instruction generation: each LLM call sees a sample of APIs (one tool for I1, tools of one category for I2, of one collection for I3) and a few seed examples, and writes queries that need them; queries naming APIs it was not shown are dropped."
            : "DFSDT (ToolBench's depth-first search with backtracking) or ReACT over the instructions you pick. Each tool call goes through the executor chain until one answers."
        }
      />
      <nav aria-label="Run kind" className="mb-4 flex gap-1">
        <Link href="/runs/new?kind=solve" className={tab(!generate)} aria-current={!generate ? "page" : undefined}>
          Solve
        </Link>
        <Link href="/runs/new?kind=generate" className={tab(generate)} aria-current={generate ? "page" : undefined}>
          Generate
        </Link>
      </nav>
      {generate ? <GenerationRunForm /> : <SolveRunForm />}
    </>
  );
}
