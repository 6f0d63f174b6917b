"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Verdict } from "@/lib/core/review/tree-state";
import { evaluationQueries } from "@/lib/ui/queries/evaluations";
import { reviewQueries, type ReviewContextJson } from "@/lib/ui/queries/review";
import { Badge } from "../../_components/badge";
import { ErrorNotice, LoadingRows } from "../../_components/query-status";
import { PreLabel, suggestedVerdict } from "../../evaluations/_components/pre-label";
import { saveReviewAction } from "../actions";
import { NodeComments } from "./node-comments";
import { ReviewHistory } from "./review-history";
import { isTypingTarget } from "./typing";

const VERDICTS: { verdict: Verdict; label: string; key: string; className: string }[] = [
  { verdict: "approve", label: "Approve", key: "a", className: "bg-emerald-700 text-white hover:bg-emerald-800" },
  { verdict: "reject", label: "Reject", key: "r", className: "bg-rose-700 text-white hover:bg-rose-800" },
  { verdict: "needs_fix", label: "Needs fix", key: "f", className: "bg-amber-500 text-white hover:bg-amber-600" },
];

export interface ReviewPanelProps {
  treeId: number;
  /** the node selected in the viewer (its path can become the training path) */
  selectedNodeIdx: number | null;
  /** called after a verdict is saved (queue mode moves on) */
  onSaved?: (verdict: Verdict) => void;
}

/**
 * Verdict, reasons, comment and training path for one tree, with keyboard shortcuts: a / r / f
 * verdicts, l accept the judge's pre-label, 1–9 reasons, c comment, ? help (j / k belong to queue mode).
 */
export function ReviewPanel({ treeId, selectedNodeIdx, onSaved }: ReviewPanelProps) {
  const context = useQuery(reviewQueries.context(treeId));
  const [message, setMessage] = useState<Message>();
  if (context.isPending) return <LoadingRows label="Loading the review" rows={4} />;
  if (context.isError) return <ErrorNotice title="Could not load the review" error={context.error} onRetry={() => context.refetch()} />;
  // a fresh editor per tree and per saved review: it starts from the reviewer's current review (the
  // message of the last save lives here, so that the editor made for the saved review still shows it)
  return <ReviewEditor key={`${treeId}:${context.data.myReview?.id ?? "new"}`} treeId={treeId} data={context.data} selectedNodeIdx={selectedNodeIdx} onSaved={onSaved} message={message} setMessage={setMessage} />;
}

type Message = { ok: boolean; text: string } | undefined;

function ReviewEditor({ treeId, data, selectedNodeIdx, onSaved, message, setMessage }: ReviewPanelProps & { data: ReviewContextJson; message: Message; setMessage: (m: Message) => void }) {
  const queryClient = useQueryClient();
  const mine = data.myReview;
  const [reasons, setReasons] = useState<string[]>(mine?.reasons ?? []);
  const [comment, setComment] = useState(mine?.comment ?? "");
  const [chosen, setChosen] = useState<number | null>(mine?.chosenNodeIdx ?? null);
  const [saving, setSaving] = useState(false);
  const [help, setHelp] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const evaluation = useQuery(evaluationQueries.tree(treeId)).data;
  const preLabel = suggestedVerdict(evaluation);

  const save = useCallback(
    async (verdict: Verdict) => {
      if (saving) return;
      setSaving(true);
      const r = await saveReviewAction({
        treeId,
        verdict,
        reasons,
        comment: comment || undefined,
        chosenNodeIdx: chosen,
        expectedReviewId: data.myReview?.id ?? null,
        baseVersion: data.tree.version,
      });
      setSaving(false);
      if (!r.ok) {
        setMessage({ ok: false, text: r.error.message });
        return;
      }
      const others = r.value.concurrent.map((c) => `${c.reviewer} (${c.verdict.replace("_", " ")})`).join(", ");
      setMessage({ ok: true, text: `Saved: ${verdict.replace("_", " ")}.${others ? ` Also reviewed meanwhile by ${others}.` : ""}` });
      await queryClient.invalidateQueries({ queryKey: reviewQueries.all() });
      onSaved?.(verdict);
    },
    [data, saving, treeId, reasons, comment, chosen, queryClient, onSaved, setMessage],
  );

  const active = data.reasons;
  const toggleReason = useCallback((label: string) => setReasons((rs) => (rs.includes(label) ? rs.filter((x) => x !== label) : [...rs, label])), []);

  useEffect(() => {
    if (!data.canReview) return;
    const onKey = (e: KeyboardEvent) => {
      // keys the tree canvas already handled (its own navigation) are not review shortcuts
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      const v = VERDICTS.find((x) => x.key === e.key);
      if (v) {
        e.preventDefault();
        void save(v.verdict);
      } else if (/^[1-9]$/.test(e.key) && active[Number(e.key) - 1]) {
        e.preventDefault();
        toggleReason(active[Number(e.key) - 1]!.label);
      } else if (e.key === "l") {
        e.preventDefault();
        if (preLabel) void save(preLabel);
        else setMessage({ ok: false, text: "There is no pre-label to accept (the judge found the tree Unsure, or has not judged it)." });
      } else if (e.key === "c") {
        e.preventDefault();
        commentRef.current?.focus();
      } else if (e.key === "?") {
        e.preventDefault();
        setHelp((h) => !h);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [data.canReview, active, save, toggleReason, preLabel, setMessage]);

  const tree = data.tree;
  const selectedIsLeaf = selectedNodeIdx !== null && tree.finishedLeaves.some((l) => l.idx === selectedNodeIdx);
  const pathLeaf = chosen ?? tree.toolbenchNodeIdx;

  return (
    <section aria-labelledby="review-heading" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 text-sm">
      <div className="flex items-center justify-between">
        <h2 id="review-heading" className="font-semibold">Review</h2>
        <Badge tone={tree.reviewStatus === "approved" ? "emerald" : tree.reviewStatus === "rejected" ? "rose" : tree.reviewStatus === "needs_fix" ? "amber" : "zinc"}>
          {tree.reviewStatus.replace("_", " ")}
        </Badge>
      </div>
      <PreLabel evaluation={evaluation} canAccept={data.canReview} saving={saving} onAccept={(v) => void save(v)} />
      {data.canReview ? (
        <>
          <div>
            <p className="text-xs text-zinc-500">Training path</p>
            <p data-testid="training-path">
              {pathLeaf === null ? "none" : `ends at node ${pathLeaf}`} {chosen === null ? (tree.toolbenchNodeIdx === null ? "" : "(ToolBench's)") : "(your choice)"}
            </p>
            <div className="mt-1 flex flex-wrap gap-2">
              <button type="button" disabled={!selectedIsLeaf || selectedNodeIdx === pathLeaf} onClick={() => setChosen(selectedNodeIdx)} className="rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-50 disabled:opacity-40" title={selectedIsLeaf ? "" : "Select a Finish node (an answer or a give-up) in the tree"}>
                Use the selected path
              </button>
              {chosen !== null && (
                <button type="button" onClick={() => setChosen(null)} className="rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-50">
                  Back to ToolBench&apos;s path
                </button>
              )}
            </div>
          </div>
          <fieldset>
            <legend className="text-xs text-zinc-500">Reasons</legend>
            <div className="mt-1 flex flex-wrap gap-1">
              {active.map((r, i) => (
                <button key={r.id} type="button" aria-pressed={reasons.includes(r.label)} onClick={() => toggleReason(r.label)} className={`rounded border px-1.5 py-0.5 text-xs ${reasons.includes(r.label) ? "border-emerald-600 bg-emerald-50 text-emerald-900" : "border-zinc-300 text-zinc-700"}`}>
                  {i < 9 && <kbd className="mr-1 font-mono text-zinc-400">{i + 1}</kbd>}
                  {r.label}
                </button>
              ))}
            </div>
          </fieldset>
          <label className="block">
            <span className="text-xs text-zinc-500">Comment on the tree</span>
            <textarea ref={commentRef} value={comment} onChange={(e) => setComment(e.target.value)} rows={2} className="mt-1 block w-full rounded-md border border-zinc-300 px-2 py-1" />
          </label>
          <div className="flex gap-2">
            {VERDICTS.map((v) => (
              <button key={v.verdict} type="button" disabled={saving} onClick={() => save(v.verdict)} className={`rounded-md px-3 py-1.5 font-medium disabled:opacity-50 ${v.className}`}>
                {v.label} <kbd className="ml-1 rounded bg-white/20 px-1 font-mono text-xs">{v.key}</kbd>
              </button>
            ))}
          </div>
          {message && (
            <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "text-rose-700"}>
              {message.text}
            </p>
          )}
          {help && <ShortcutHelp onClose={() => setHelp(false)} />}
        </>
      ) : (
        <p className="text-zinc-600">Your role can read reviews but not make them.</p>
      )}
      <NodeComments treeId={treeId} nodeIdx={selectedNodeIdx} comments={data.comments} canComment={data.canComment} />
      <ReviewHistory history={data.history} />
    </section>
  );
}

function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const keys: [string, string][] = [
    ["a / r / f", "approve / reject / needs fix (saves)"],
    ["l", "accept the judge's pre-label: approve if Solved, reject if Unsolved"],
    ["1 – 9", "toggle a reason"],
    ["c", "write a comment"],
    ["j / k", "next / previous tree (queue mode)"],
    ["arrows", "move between nodes"],
    ["?", "show or hide these keys"],
  ];
  return (
    <div role="dialog" aria-label="Keyboard shortcuts" className="rounded-md border border-zinc-300 bg-zinc-50 p-3">
      <table className="w-full text-xs">
        <tbody>
          {keys.map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="py-0.5 pr-3 text-left font-mono font-normal">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose} className="mt-2 text-xs underline">Close</button>
    </div>
  );
}
