"use client";

// The catalog's landing view: a search box whose text lives in the URL (?q=), showing matching
// tools and APIs, or the category list when the box is empty.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useDebouncedCallback } from "../../_lib/use-debounced-callback";
import { CategoryList } from "./category-list";
import { SearchResults } from "./search-results";

export function CatalogBrowser() {
  const router = useRouter();
  const pathname = usePathname();
  const q = (useSearchParams().get("q") ?? "").trim();
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  const [written, setWritten] = useState(q);
  // follow the URL when it changes from outside the box (back button, a link), but not when it
  // catches up with our own write while the user keeps typing
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== written) setText(q);
  }
  // typing replaces the URL (no history entry per keystroke) once the text settles
  const writeQuery = useDebouncedCallback((value: string) => {
    setWritten(value);
    if (value === q) return;
    router.replace(value ? `${pathname}?${new URLSearchParams({ q: value })}` : pathname, { scroll: false });
  }, 300);

  return (
    <div className="space-y-4">
      <form role="search" onSubmit={(e) => e.preventDefault()} className="max-w-xl">
        <label htmlFor="catalog-search" className="mb-1 block text-xs font-medium text-zinc-600">
          Search tools and APIs
        </label>
        <input
          id="catalog-search"
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            writeQuery(e.target.value.trim());
          }}
          placeholder="Name, function name or description — e.g. weather, tracking, stock quote"
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:border-emerald-600 focus:outline-none focus:ring-1 focus:ring-emerald-600"
        />
      </form>
      {q ? <SearchResults q={q} /> : <CategoryList />}
    </div>
  );
}
