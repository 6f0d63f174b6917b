import Link from "next/link";
import type { Totals } from "@/lib/server/services/overview";
import { formatCount } from "../../_lib/format";

interface Tile {
  label: string;
  value: number;
  href: string;
  note?: string;
}

export function StatTiles({ totals }: { totals: Totals }) {
  const tiles: Tile[] = [
    { label: "Categories", value: totals.categories, href: "/catalog" },
    { label: "Tools", value: totals.tools, href: "/catalog" },
    { label: "APIs", value: totals.apis, href: "/catalog" },
    { label: "Instructions", value: totals.instructions, href: "/instructions", note: `${formatCount(totals.instructionsWithTrees)} with trees` },
    { label: "Trees", value: totals.trees, href: "/instructions?hasTree=yes", note: `${formatCount(totals.validTrees)} valid` },
    { label: "Nodes", value: totals.nodes, href: "/instructions?hasTree=yes", note: totals.trees > 0 ? `${formatCount(Math.round(totals.nodes / totals.trees))} per tree on average` : undefined },
  ];
  return (
    <section aria-label="Totals">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {tiles.map((t) => (
          <li key={t.label}>
            <Link href={t.href} className="group block h-full rounded-lg border border-zinc-200 bg-white px-4 py-3 hover:border-emerald-300 hover:shadow-sm">
              <span className="block text-xs font-medium uppercase tracking-wide text-zinc-500 group-hover:text-emerald-800">{t.label}</span>
              <span className="mt-1 block text-2xl font-semibold tabular-nums text-zinc-900">{formatCount(t.value)}</span>
              {t.note && <span className="block text-xs text-zinc-500">{t.note}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
