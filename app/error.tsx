"use client";

// Shown when a server page fails to render (e.g. the database is unreachable).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-5 py-4 text-sm text-rose-900">
      <h1 className="text-base font-semibold">This page could not be loaded</h1>
      <p className="mt-1">Reading the data failed. Check that the database is running (`npm start` starts one), then try again.</p>
      {error.digest && <p className="mt-1 font-mono text-xs text-rose-700">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-3 rounded-md border border-rose-300 bg-white px-3 py-1.5 text-xs font-medium hover:bg-rose-100">
        Try again
      </button>
    </div>
  );
}
