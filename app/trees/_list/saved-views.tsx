"use client";

// The user's saved views of the list: each is a link to its URL query; the current query can be
// saved under a name (saving under an existing name replaces that view).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { treeListQueries } from "@/lib/ui/queries/tree-list";
import { deleteTreeViewAction, saveTreeViewAction } from "./actions";

type Notice = { tone: "ok" | "error"; text: string } | null;

export function SavedViews({ viewQuery, hrefFor }: { viewQuery: string; hrefFor: (query: string) => string }) {
  const views = useQuery(treeListQueries.views());
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, startTransition] = useTransition();
  const refresh = () => queryClient.invalidateQueries({ queryKey: treeListQueries.views().queryKey });

  const save = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const r = await saveTreeViewAction({ name, query: viewQuery });
      if (r.ok) {
        setName("");
        setNotice({ tone: "ok", text: `${r.value.created ? "Saved" : "Updated"} the view “${r.value.name}”.` });
        await refresh();
      } else {
        setNotice({ tone: "error", text: r.error.message });
      }
    });
  };

  const remove = (id: number, viewName: string) => {
    startTransition(async () => {
      const r = await deleteTreeViewAction({ id });
      setNotice(r.ok ? { tone: "ok", text: `Deleted the view “${viewName}”.` } : { tone: "error", text: r.error.message });
      await refresh();
    });
  };

  return (
    <section aria-labelledby="saved-views-heading" className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-zinc-200 bg-white px-3 py-2">
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2 text-sm">
        <h2 id="saved-views-heading" className="text-xs font-medium uppercase tracking-wide text-zinc-500">
          Saved views
        </h2>
        {views.isPending && <span className="text-xs text-zinc-400">Loading…</span>}
        {views.isError && <span className="text-xs text-rose-700">Your views could not be loaded: {views.error.message}</span>}
        {views.data?.length === 0 && <span className="text-xs text-zinc-500">None yet: set filters, then save them under a name.</span>}
        {views.data && views.data.length > 0 && (
          <ul className="flex flex-wrap gap-2">
            {views.data.map((v) => {
              const current = v.query === viewQuery;
              return (
                <li key={v.id} className={`flex items-center rounded-full border text-sm ${current ? "border-emerald-400 bg-emerald-50" : "border-zinc-300 bg-white"}`}>
                  <Link href={hrefFor(v.query)} aria-current={current ? "page" : undefined} title={v.query || "all trees"} className="rounded-l-full py-0.5 pl-3 pr-1 text-zinc-800 hover:underline">
                    {v.name}
                  </Link>
                  <button type="button" disabled={pending} onClick={() => remove(v.id, v.name)} aria-label={`Delete view ${v.name}`} className="rounded-r-full px-2 py-0.5 text-zinc-500 hover:bg-rose-50 hover:text-rose-700">
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <form onSubmit={save} className="flex items-center gap-2">
        <label htmlFor="view-name" className="sr-only">
          View name
        </label>
        <input
          id="view-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          placeholder="Name this view"
          className="w-44 rounded-md border border-zinc-300 px-2.5 py-1 text-sm shadow-sm focus:border-emerald-600 focus:outline-none focus:ring-1 focus:ring-emerald-600"
        />
        <button type="submit" disabled={pending || name.trim() === ""} className="rounded-md bg-emerald-700 px-3 py-1 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50">
          Save view
        </button>
      </form>
      {notice && (
        <p role={notice.tone === "error" ? "alert" : "status"} className={`w-full text-xs ${notice.tone === "error" ? "text-rose-700" : "text-emerald-800"}`}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
