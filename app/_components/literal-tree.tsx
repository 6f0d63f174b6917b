"use client";

// A collapsible view of JSON or a Python literal (as read by lib/core/format/literal): objects and
// lists fold, strings that hold JSON themselves open as structure, and values cut short say so.
// Everything is rendered as text.
import { useState } from "react";
import type { LiteralNode } from "@/lib/core/format/literal";

/** Children shown before a "show more" button: observations can hold long lists. */
const PAGE = 100;

function CutMark() {
  return <span className="ml-1 rounded bg-amber-100 px-1 font-sans text-[10px] text-amber-900">cut off here</span>;
}

function Scalar({ node }: { node: Exclude<LiteralNode, { type: "object" | "array" }> }) {
  if (node.type === "string") {
    return (
      <span className="whitespace-pre-wrap break-words text-emerald-800">
        &quot;{node.value}&quot;{node.cut && <CutMark />}
      </span>
    );
  }
  if (node.type === "number") return <span className="text-sky-800">{node.text}</span>;
  if (node.type === "boolean") return <span className="text-violet-800">{String(node.value)}</span>;
  return <span className="text-zinc-500">null</span>;
}

const summaryOf = (node: LiteralNode) =>
  node.type === "object" ? `{ ${node.entries.length} ${node.entries.length === 1 ? "key" : "keys"} }` : node.type === "array" ? `[ ${node.items.length} ${node.items.length === 1 ? "item" : "items"} ]` : "";

function Branch({ name, node, depth }: { name: string | null; node: LiteralNode; depth: number }) {
  const embedded = node.type === "string" ? node.embedded : undefined;
  const shown = embedded ?? node;
  const container = shown.type === "object" || shown.type === "array";
  const [open, setOpen] = useState(depth < 2 || embedded !== undefined);
  const [limit, setLimit] = useState(PAGE);
  const label = name !== null && <span className="text-zinc-900">{name}: </span>;
  if (!container) {
    return (
      <li className="pl-4">
        {label}
        <Scalar node={shown as Exclude<LiteralNode, { type: "object" | "array" }>} />
      </li>
    );
  }
  const children: [string | null, LiteralNode][] = shown.type === "object" ? shown.entries.map((e) => [e.key, e.value]) : shown.items.map((v, i) => [String(i), v]);
  return (
    <li>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="flex max-w-full items-baseline gap-1 rounded px-0.5 text-left hover:bg-zinc-100">
        <span aria-hidden className={`inline-block w-3 text-zinc-400 transition-transform ${open ? "rotate-90" : ""}`}>▸</span>
        {label}
        <span className="text-zinc-500">{summaryOf(shown)}</span>
        {embedded && (
          <span className="rounded bg-sky-50 px-1 font-sans text-[10px] text-sky-800 ring-1 ring-sky-200" title="This value is a string holding JSON or a Python literal, shown as structure">
            read from a string
          </span>
        )}
        {shown.cut && <CutMark />}
      </button>
      {open && (
        <ul className="ml-1.5 border-l border-zinc-200 pl-1.5">
          {children.slice(0, limit).map(([key, child], i) => (
            <Branch key={i} name={key} node={child} depth={depth + 1} />
          ))}
          {children.length > limit && (
            <li className="pl-4">
              <button type="button" onClick={() => setLimit(limit + PAGE)} className="text-sky-700 hover:underline">
                show {Math.min(PAGE, children.length - limit)} more of {children.length - limit}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

export function LiteralTree({ node, label }: { node: LiteralNode; label: string }) {
  return (
    <ul aria-label={label} className="max-h-[28rem] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs leading-relaxed">
      <Branch name={null} node={node} depth={0} />
    </ul>
  );
}
