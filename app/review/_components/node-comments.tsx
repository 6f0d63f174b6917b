"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { reviewQueries, type ReviewContextJson } from "@/lib/ui/queries/review";
import { addCommentAction } from "../actions";

/** Comments on the selected node (all comments of the tree when none is selected). */
export function NodeComments({ treeId, nodeIdx, comments, canComment }: { treeId: number; nodeIdx: number | null; comments: ReviewContextJson["comments"]; canComment: boolean }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const shown = nodeIdx === null ? comments : comments.filter((c) => c.nodeIdx === nodeIdx);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (nodeIdx === null) return;
    const r = await addCommentAction({ treeId, nodeIdx, body });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setBody("");
    setError(undefined);
    await queryClient.invalidateQueries({ queryKey: reviewQueries.context(treeId).queryKey });
  };

  return (
    <div aria-label="Node comments" role="group">
      <p className="text-xs text-zinc-500">{nodeIdx === null ? `Comments (${comments.length})` : `Comments on node ${nodeIdx} (${shown.length})`}</p>
      <ul className="mt-1 space-y-1">
        {shown.map((c) => (
          <li key={c.id} className="rounded bg-zinc-50 px-2 py-1">
            <span className="text-xs text-zinc-500">
              {c.author} · node {c.nodeIdx} · {new Date(c.createdAt).toLocaleString("en-GB")}
            </span>
            <p className="whitespace-pre-wrap break-words">{c.body}</p>
          </li>
        ))}
      </ul>
      {canComment && nodeIdx !== null && (
        <form onSubmit={submit} className="mt-1 flex gap-2">
          <input value={body} onChange={(e) => setBody(e.target.value)} aria-label={`Comment on node ${nodeIdx}`} placeholder="Comment on this node" maxLength={4000} className="flex-1 rounded-md border border-zinc-300 px-2 py-1" />
          <button type="submit" disabled={!body.trim()} className="rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-50 disabled:opacity-40">
            Add
          </button>
        </form>
      )}
      {error && <p role="alert" className="text-rose-700">{error}</p>}
    </div>
  );
}
