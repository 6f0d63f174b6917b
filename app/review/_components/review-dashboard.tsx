"use client";

import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { reviewQueries, type ReviewDashboardJson } from "@/lib/ui/queries/review";
import { BarChartCard, type ChartRow, type ChartSeries } from "../../_components/overview/bar-chart-card";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { formatCount } from "../../_lib/format";

const STATUS_SERIES: ChartSeries[] = [
  { key: "approved", label: "approved", color: "#059669" },
  { key: "rejected", label: "rejected", color: "#e11d48" },
  { key: "needs_fix", label: "needs fix", color: "#d97706" },
  { key: "in_review", label: "in review", color: "#0284c7" },
  { key: "unreviewed", label: "unreviewed", color: "#d4d4d8" },
];

function byStatus<T extends { status: string; trees: number }>(rows: T[], labelOf: (r: T) => string): ChartRow[] {
  const out = new Map<string, ChartRow>();
  for (const r of rows) {
    const label = labelOf(r);
    const row = out.get(label) ?? { label, values: Object.fromEntries(STATUS_SERIES.map((s) => [s.key, 0])) };
    row.values[r.status] = (row.values[r.status] ?? 0) + r.trees;
    out.set(label, row);
  }
  return [...out.values()];
}

const kappaText = (k: number | null) => (k === null ? "—" : k.toFixed(2));

function ProgressChart({ perDay }: { perDay: ReviewDashboardJson["perDay"] }) {
  return (
    <section aria-labelledby="progress-heading" className="rounded-lg border border-zinc-200 bg-white p-4 lg:col-span-2">
      <h2 id="progress-heading" className="text-sm font-semibold">Review progress, last 30 days</h2>
      <p className="mt-0.5 text-xs text-zinc-500">Reviews saved per day, and trees reviewed for the first time.</p>
      <div aria-hidden className="mt-3">
        <LineChart responsive data={perDay} style={{ width: "100%", height: 200 }} margin={{ top: 4, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="day" tick={{ fontSize: 10, fill: "#71717a" }} tickFormatter={(d: string) => d.slice(5)} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#71717a" }} width={40} />
          <Tooltip contentStyle={{ fontSize: 12, borderRadius: 6 }} />
          <Line dataKey="reviews" name="reviews" stroke="#059669" dot={false} isAnimationActive={false} />
          <Line dataKey="treesFirstReviewed" name="trees first reviewed" stroke="#0284c7" dot={false} isAnimationActive={false} />
        </LineChart>
      </div>
      <p className="mt-2 text-xs text-zinc-600">
        {formatCount(perDay.reduce((n, d) => n + d.reviews, 0))} reviews, {formatCount(perDay.reduce((n, d) => n + d.treesFirstReviewed, 0))} trees reviewed for the first time in 30 days.
      </p>
    </section>
  );
}

function CodesChart({ codes }: { codes: ReviewDashboardJson["codes"] }) {
  return (
    <section aria-labelledby="codes-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
      <h2 id="codes-heading" className="text-sm font-semibold">Observation codes</h2>
      <p className="mt-0.5 text-xs text-zinc-500">How calls ended, over every node.</p>
      <div aria-hidden className="mt-3">
        <BarChart responsive data={codes.map((c) => ({ label: String(c.code), nodes: c.nodes }))} style={{ width: "100%", height: 160 }} margin={{ top: 4, right: 4, bottom: 0, left: -12 }}>
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} width={44} />
          <Tooltip contentStyle={{ fontSize: 12 }} formatter={(v) => formatCount(Number(v))} />
          <Bar dataKey="nodes" fill="#6366f1" isAnimationActive={false} />
        </BarChart>
      </div>
      <table className="mt-2 w-full text-xs">
        <tbody>
          {codes.map((c) => (
            <tr key={c.code} className="border-t border-zinc-100">
              <th scope="row" className="py-1 text-left font-normal">
                <span className="font-mono">{c.code}</span> {c.label}
              </th>
              <td className="py-1 text-right tabular-nums">{formatCount(c.nodes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Reviewers({ d }: { d: ReviewDashboardJson }) {
  return (
    <section aria-labelledby="reviewers-heading" className="rounded-lg border border-zinc-200 bg-white p-4 lg:col-span-2">
      <h2 id="reviewers-heading" className="text-sm font-semibold">Reviewers</h2>
      <p className="mt-0.5 text-xs text-zinc-500">
        Throughput over 30 days. Agreement beyond chance: Fleiss&apos; κ {kappaText(d.agreement.fleiss.kappa)} over {formatCount(d.agreement.fleiss.items)} trees with{" "}
        {d.agreement.fleiss.raters || "several"} reviews each; Cohen&apos;s κ per pair below.
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-zinc-500">
              <th className="py-1 font-medium">Reviewer</th>
              <th className="py-1 text-right font-medium">Reviews</th>
              <th className="py-1 text-right font-medium">Approvals</th>
            </tr>
          </thead>
          <tbody>
            {d.reviewers.length === 0 && (
              <tr>
                <td colSpan={3} className="py-2 text-zinc-500">No reviews in 30 days.</td>
              </tr>
            )}
            {d.reviewers.map((r) => (
              <tr key={r.reviewerId} className="border-t border-zinc-100">
                <td className="py-1">{r.reviewer}</td>
                <td className="py-1 text-right tabular-nums">{formatCount(r.reviews)}</td>
                <td className="py-1 text-right tabular-nums">{formatCount(r.approvals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table aria-label="Agreement between reviewers" className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-zinc-500">
              <th className="py-1 font-medium">Pair</th>
              <th className="py-1 text-right font-medium">Shared trees</th>
              <th className="py-1 text-right font-medium">Cohen&apos;s κ</th>
            </tr>
          </thead>
          <tbody>
            {d.agreement.pairs.length === 0 && (
              <tr>
                <td colSpan={3} className="py-2 text-zinc-500">No tree has two reviewers yet (set reviewers per tree above 1 in the review settings).</td>
              </tr>
            )}
            {d.agreement.pairs.map((p) => (
              <tr key={`${p.a}-${p.b}`} className="border-t border-zinc-100">
                <td className="py-1">
                  {p.a} · {p.b}
                </td>
                <td className="py-1 text-right tabular-nums">{formatCount(p.items)}</td>
                <td className="py-1 text-right tabular-nums">{kappaText(p.kappa)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ReviewDashboardView() {
  const q = useQuery(reviewQueries.dashboard());
  if (q.isPending) return <LoadingRows label="Loading the review dashboard" rows={6} />;
  if (q.isError) return <ErrorNotice title="Could not load the review dashboard" error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <ProgressChart perDay={d.perDay} />
      <CodesChart codes={d.codes} />
      <BarChartCard title="Verdicts by group" rows={byStatus(d.byGroup, (r) => r.group)} series={STATUS_SERIES} stacked />
      <div className="lg:col-span-2">
        <BarChartCard title="Verdicts by category" description="The 12 categories with the most trees." rows={byStatus(d.byCategory, (r) => r.category)} series={STATUS_SERIES} stacked />
      </div>
      <Reviewers d={d} />
    </div>
  );
}
