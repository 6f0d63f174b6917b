import type { Metadata } from "next";
import { compareQuery } from "@/lib/core/schemas/compare";
import { parseSearchParams } from "@/lib/core/schemas/search-params";
import { EmptyState } from "../_components/empty-state";
import { PageHeader } from "../_components/page-header";
import { gatePage } from "../_lib/page-gate";
import { CompareView } from "./_components/compare-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Compare trees" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ComparePage({ searchParams }: Props) {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") params.set(k, v);
  const parsed = parseSearchParams(compareQuery, params);
  if (!parsed.ok) {
    return (
      <div>
        <PageHeader title="Compare trees" />
        <EmptyState title="Nothing to compare">
          <p>Open a comparison from an instruction with two or more trees, or from a tree. ({parsed.message})</p>
        </EmptyState>
      </div>
    );
  }
  return <CompareView a={parsed.value.a} b={parsed.value.b} />;
}
