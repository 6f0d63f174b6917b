"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { catalogQueries } from "@/lib/ui/queries/catalog";
import { EmptyState } from "../../_components/empty-state";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { Table, Td, Th } from "../../_components/table";
import { formatCount, plural } from "../../_lib/format";
import { categoryHref, toolHref } from "../../_lib/links";
import { ApiNameLink } from "./catalog-links";

const shownOf = (shown: number, total: number) => (total > shown ? ` (showing the first ${formatCount(shown)})` : "");

export function SearchResults({ q }: { q: string }) {
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery(catalogQueries.search(q));
  if (isPending) return <LoadingRows label="Searching the catalog" />;
  if (error) return <ErrorNotice title="The search failed" error={error} onRetry={() => void refetch()} />;
  if (data.tools.total === 0 && data.apis.total === 0) {
    return (
      <EmptyState title={`Nothing in the catalog matches “${q}”`}>
        <p>Search matches tool and API names, function names and descriptions. Try a shorter word, or browse the categories by clearing the search box.</p>
      </EmptyState>
    );
  }
  return (
    <div className={`space-y-5 transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`} aria-busy={isPlaceholderData}>
      <section aria-labelledby="tool-results">
        <h2 id="tool-results" className="mb-2 text-sm font-semibold text-zinc-900">
          Tools <span className="font-normal text-zinc-500">— {plural(data.tools.total, "match", "matches")}{shownOf(data.tools.rows.length, data.tools.total)}</span>
        </h2>
        {data.tools.rows.length > 0 && (
          <Table>
            <thead>
              <tr>
                <Th>Tool</Th>
                <Th>Category</Th>
                <Th>Description</Th>
                <Th numeric>APIs</Th>
              </tr>
            </thead>
            <tbody>
              {data.tools.rows.map((t) => (
                <tr key={t.id} className="border-t border-zinc-100 hover:bg-zinc-50">
                  <Td>
                    <Link href={toolHref(t.categoryStandardizedName, t.standardizedName)} className="font-medium text-emerald-800 hover:underline">
                      {t.name}
                    </Link>
                  </Td>
                  <Td>
                    <Link href={categoryHref(t.categoryStandardizedName)} className="text-zinc-600 hover:underline">
                      {t.categoryName}
                    </Link>
                  </Td>
                  <Td className="max-w-xl text-zinc-600">
                    <span className="line-clamp-2">{t.description}</span>
                  </Td>
                  <Td numeric>{formatCount(t.apiCount)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="api-results">
        <h2 id="api-results" className="mb-2 text-sm font-semibold text-zinc-900">
          APIs <span className="font-normal text-zinc-500">— {plural(data.apis.total, "match", "matches")}{shownOf(data.apis.rows.length, data.apis.total)}</span>
        </h2>
        {data.apis.rows.length > 0 && (
          <Table>
            <thead>
              <tr>
                <Th>API</Th>
                <Th>Tool</Th>
                <Th>Description</Th>
              </tr>
            </thead>
            <tbody>
              {data.apis.rows.map((a) => (
                <tr key={a.id} className="border-t border-zinc-100 hover:bg-zinc-50">
                  <Td>
                    <ApiNameLink id={a.id} method={a.method} name={a.name} />
                    <div className="mt-0.5 break-all font-mono text-xs text-zinc-500">{a.functionName}</div>
                  </Td>
                  <Td>
                    <Link href={toolHref(a.categoryStandardizedName, a.toolStandardizedName)} className="text-zinc-700 hover:underline">
                      {a.toolName}
                    </Link>
                    <div className="text-xs text-zinc-500">{a.categoryName}</div>
                  </Td>
                  <Td className="max-w-xl text-zinc-600">
                    <span className="line-clamp-2">{a.description}</span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
