// A tree's pass-rate verdict as a badge: the majority label, and whether it passed (with its votes).
import { Badge, type Tone } from "../../_components/badge";

const TONES: Record<string, Tone> = { Solved: "emerald", Unsolved: "rose", Unsure: "amber" };

export interface PassVerdictLike {
  label: string;
  passed: boolean;
  passVotes: number;
  judgements: number;
  score?: number;
}

export function PassLabelBadge({ verdict }: { verdict: PassVerdictLike }) {
  const title = `Pass-rate judge: ${verdict.label}, ${verdict.passed ? "passed" : "failed"} (${verdict.passVotes} of ${verdict.judgements} judgements passed${
    verdict.score === undefined ? "" : `, score ${verdict.score.toFixed(2)}`
  })`;
  return (
    <Badge tone={TONES[verdict.label] ?? "zinc"} title={title}>
      <span>{verdict.label}</span>
      <span className="sr-only">, {verdict.passed ? "passed" : "failed"}</span>
      <span aria-hidden className="font-normal opacity-70">
        {verdict.passVotes}/{verdict.judgements}
      </span>
    </Badge>
  );
}
