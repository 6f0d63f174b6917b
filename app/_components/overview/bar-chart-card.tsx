"use client";

// A small bar chart with its numbers in a table underneath: the chart for seeing proportions, the
// table for exact counts (and for screen readers, which skip the SVG).
import Link from "next/link";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "../../_lib/format";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface ChartRow {
  label: string;
  href?: string;
  values: Record<string, number>;
}

interface BarChartCardProps {
  title: string;
  description?: ReactNode;
  rows: ChartRow[];
  series: ChartSeries[];
  stacked?: boolean;
}

export function BarChartCard({ title, description, rows, series, stacked }: BarChartCardProps) {
  const data = rows.map((r) => ({ label: r.label, ...r.values }));
  const headingId = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id={headingId} className="text-sm font-semibold text-zinc-900">
        {title}
      </h2>
      {description && <p className="mt-0.5 text-xs text-zinc-500">{description}</p>}
      {rows.length === 0 ? (
        <p className="mt-4 text-sm text-zinc-500">Nothing to show yet.</p>
      ) : (
        <>
          <div aria-hidden className="mt-3">
            <BarChart responsive data={data} style={{ width: "100%", height: 180 }} margin={{ top: 4, right: 4, bottom: 0, left: -12 }}>
              <CartesianGrid vertical={false} stroke="#e4e4e7" />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#52525b" }} tickLine={false} axisLine={{ stroke: "#d4d4d8" }} interval={0} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={false} width={48} />
              <Tooltip cursor={{ fill: "#f4f4f5" }} formatter={(v) => formatCount(Number(v))} contentStyle={{ fontSize: 12, borderRadius: 6 }} />
              {series.length > 1 && <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />}
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "stack" : undefined} maxBarSize={40} isAnimationActive={false} />
              ))}
            </BarChart>
          </div>
          <table className="mt-3 w-full text-xs">
            <thead>
              <tr className="text-left text-zinc-500">
                <th scope="col" className="py-1 font-medium">
                  {title.split(" by ")[1] ?? "Value"}
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="py-1 text-right font-medium">
                    <span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-sm" style={{ backgroundColor: s.color }} />
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label} className="border-t border-zinc-100">
                  <th scope="row" className="py-1 text-left font-mono font-normal text-zinc-800">
                    {r.href ? (
                      <Link href={r.href} className="text-emerald-800 hover:underline">
                        {r.label}
                      </Link>
                    ) : (
                      r.label
                    )}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="py-1 text-right tabular-nums text-zinc-800">
                      {formatCount(r.values[s.key] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
