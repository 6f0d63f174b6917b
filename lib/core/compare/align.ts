// Two trees' training paths aligned call by call: a global alignment (Needleman–Wunsch) over
// (function, canonical arguments), so a call both paths make lines up even when one path makes
// extra calls before it. Each row is the same call, a different call at the same place, or a call
// only one path makes.

/** What the alignment compares: a call's function and its canonical arguments. */
export interface AlignableCall {
  functionName: string;
  /** Canonical JSON of the arguments (keys sorted), or the text as written when it is not JSON. */
  argsKey: string;
}

export type AlignedRow<T> =
  | { kind: "same"; a: T; b: T }
  | { kind: "different"; a: T; b: T }
  | { kind: "only_a"; a: T }
  | { kind: "only_b"; b: T };

/** Scores: a repeated call is worth most; the same function with other arguments still lines up. */
export const ALIGN_SCORES = { same: 3, sameFunction: 1, otherFunction: -1, gap: -1 } as const;

function pairScore(a: AlignableCall, b: AlignableCall): number {
  if (a.functionName !== b.functionName) return ALIGN_SCORES.otherFunction;
  return a.argsKey === b.argsKey ? ALIGN_SCORES.same : ALIGN_SCORES.sameFunction;
}

const isSame = (a: AlignableCall, b: AlignableCall) => a.functionName === b.functionName && a.argsKey === b.argsKey;

/**
 * The best-scoring global alignment of `a` and `b`. Ties prefer pairing two calls, then a call only
 * in `a`, so the result is deterministic.
 */
export function alignCalls<T extends AlignableCall>(a: readonly T[], b: readonly T[]): AlignedRow<T>[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  // 0 = diagonal, 1 = up (a only), 2 = left (b only)
  const move = new Uint8Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    score[i * width] = i * ALIGN_SCORES.gap;
    move[i * width] = 1;
  }
  for (let j = 1; j <= m; j++) {
    score[j] = j * ALIGN_SCORES.gap;
    move[j] = 2;
  }
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const diagonal = score[(i - 1) * width + j - 1]! + pairScore(a[i - 1]!, b[j - 1]!);
      const up = score[(i - 1) * width + j]! + ALIGN_SCORES.gap;
      const left = score[i * width + j - 1]! + ALIGN_SCORES.gap;
      let best = diagonal;
      let how = 0;
      if (up > best) {
        best = up;
        how = 1;
      }
      if (left > best) {
        best = left;
        how = 2;
      }
      score[i * width + j] = best;
      move[i * width + j] = how;
    }
  }
  const rows: AlignedRow<T>[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const how = move[i * width + j];
    if (how === 0 && i > 0 && j > 0) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      rows.push(isSame(x, y) ? { kind: "same", a: x, b: y } : { kind: "different", a: x, b: y });
      i--;
      j--;
    } else if (how === 1 || j === 0) {
      rows.push({ kind: "only_a", a: a[i - 1]! });
      i--;
    } else {
      rows.push({ kind: "only_b", b: b[j - 1]! });
      j--;
    }
  }
  return rows.reverse();
}

export interface AlignmentSummary {
  same: number;
  different: number;
  onlyA: number;
  onlyB: number;
}

export function summarizeAlignment(rows: readonly AlignedRow<unknown>[]): AlignmentSummary {
  const s: AlignmentSummary = { same: 0, different: 0, onlyA: 0, onlyB: 0 };
  for (const r of rows) {
    if (r.kind === "same") s.same++;
    else if (r.kind === "different") s.different++;
    else if (r.kind === "only_a") s.onlyA++;
    else s.onlyB++;
  }
  return s;
}
