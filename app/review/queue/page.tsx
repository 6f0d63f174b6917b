import type { Metadata } from "next";
import { queueFilter } from "@/lib/core/schemas/reviews";
import { searchParamsToObject } from "@/lib/core/schemas/search-params";
import { PageHeader } from "../../_components/page-header";
import { gatePage } from "../../_lib/page-gate";
import { ReviewQueue } from "./review-queue";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const gate = await gatePage("review");
  if (gate.denied) return gate.denied;
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") params.set(k, v);
  const parsed = queueFilter.safeParse(searchParamsToObject(params));
  const filter = parsed.success ? parsed.data : {};
  const label = Object.entries(filter).map(([k, v]) => `${k} ${v}`).join(", ") || "all trees";
  return (
    <>
      <PageHeader title="Review queue" crumbs={[{ label: "Review", href: "/review" }, { label: `Queue: ${label}` }]} />
      <ReviewQueue filter={filter} />
    </>
  );
}
