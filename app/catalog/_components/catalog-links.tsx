import Link from "next/link";
import { formatCount } from "../../_lib/format";
import { apiHref, instructionsHref } from "../../_lib/links";
import { Badge } from "../../_components/badge";

/** A count of instructions that opens the instruction list filtered to them (plain 0 when none). */
export function InstructionCountLink({ count, filter, label }: { count: number; filter: Parameters<typeof instructionsHref>[0]; label: string }) {
  if (count === 0) return <span className="text-zinc-400">0</span>;
  return (
    <Link href={instructionsHref(filter)} className="text-emerald-800 hover:underline" aria-label={`${count} instructions ${label}`}>
      {formatCount(count)}
    </Link>
  );
}

/** An API's method badge and name, linking to its page. */
export function ApiNameLink({ id, method, name }: { id: number; method: string; name: string }) {
  return (
    <div className="flex items-center gap-2">
      <Badge mono>{method}</Badge>
      <Link href={apiHref(id)} className="break-all font-medium text-emerald-800 hover:underline">
        {name}
      </Link>
    </div>
  );
}
