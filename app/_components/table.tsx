import type { ReactNode } from "react";

// The dense table look shared by catalog and instruction pages.

export function Table({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
      <table className="w-full border-collapse text-sm">
        {caption && <caption className="border-b border-zinc-200 px-3 py-2 text-left text-xs text-zinc-500">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function Th({ children, numeric, className = "" }: { children?: ReactNode; numeric?: boolean; className?: string }) {
  return (
    <th scope="col" className={`bg-zinc-50 px-3 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500 ${numeric ? "text-right" : "text-left"} ${className}`}>
      {children}
    </th>
  );
}

export function Td({ children, numeric, className = "" }: { children?: ReactNode; numeric?: boolean; className?: string }) {
  return <td className={`px-3 py-2 align-top ${numeric ? "text-right tabular-nums" : ""} ${className}`}>{children}</td>;
}
