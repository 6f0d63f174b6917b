import Link from "next/link";
import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
      <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
      {children && <div className="mx-auto mt-2 max-w-xl text-sm text-zinc-600">{children}</div>}
      {action && <div className="mt-4 flex justify-center gap-2">{action}</div>}
    </div>
  );
}

/** How to get data in: the CLI command and the Import page. */
export function ImportHint({ what = "ToolBench data" }: { what?: string }) {
  return (
    <p>
      Import {what} from a folder with <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">npm run arbor -- import &lt;folder&gt;</code>{" "}
      or upload files on the{" "}
      <Link href="/import" className="font-medium text-emerald-700 underline underline-offset-2 hover:text-emerald-900">
        Import page
      </Link>
      .
    </p>
  );
}
