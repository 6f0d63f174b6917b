import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "../_components/page-header";
import { LoadingRows } from "../_components/query-status";
import { CatalogBrowser } from "./_components/catalog-browser";
import { gatePage } from "../_lib/page-gate";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage() {
  const gate = await gatePage();
  if (gate.denied) return gate.denied;
  return (
    <div>
      <PageHeader title="Catalog" description="RapidAPI tools by category, with every API's parameters and response schema." />
      <Suspense fallback={<LoadingRows label="Loading the catalog" />}>
        <CatalogBrowser />
      </Suspense>
    </div>
  );
}
