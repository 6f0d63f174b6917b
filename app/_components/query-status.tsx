"use client";

/** Placeholder rows while a client query loads; announced to screen readers. */
export function LoadingRows({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-5 animate-pulse rounded bg-zinc-100" style={{ width: `${90 - ((i * 13) % 35)}%` }} />
      ))}
    </div>
  );
}

export function ErrorNotice({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : "Unknown error";
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900">
      <p className="font-medium">{title}</p>
      <p className="mt-1 break-words">{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-2 rounded-md border border-rose-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-rose-100">
          Try again
        </button>
      )}
    </div>
  );
}
