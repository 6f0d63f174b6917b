import { Badge, type Tone } from "../../_components/badge";

const TONE: Record<string, Tone> = { queued: "zinc", running: "sky", succeeded: "emerald", failed: "rose", cancelled: "amber" };

export function RunStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "zinc"}>{status}</Badge>;
}
