import Link from "next/link";
import { EmptyState } from "./_components/empty-state";

export default function NotFound() {
  return (
    <EmptyState
      title="Not found"
      action={
        <>
          <Link href="/catalog" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
            Browse the catalog
          </Link>
          <Link href="/instructions" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
            Browse instructions
          </Link>
        </>
      }
    >
      <p>Nothing exists at this address. It may have been removed, or the link may come from another Arbor database.</p>
    </EmptyState>
  );
}
