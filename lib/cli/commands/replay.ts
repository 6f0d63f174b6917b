// `arbor replay <answer-file|folder>... [--json]`: rebuilds each DFSDT / CoT answer file with Arbor's
// engine from the replies and observations it records, and reports whether the tree came out the
// same. Exit code 1 when any file differs (or cannot be replayed).
import fs from "node:fs";
import path from "node:path";
import { replayAnswerFile, type ReplayResult } from "@/lib/core/generation/replay";

const USAGE = "Usage: arbor replay <answer-file|folder>... [--json]";
const ANSWER_FILE = /_(DFS_\w+|CoT@\d+)\.json$/;

function answerFilesUnder(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target];
  const out: string[] = [];
  for (const e of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(target, e.name);
    if (e.isDirectory()) out.push(...answerFilesUnder(p));
    else if (ANSWER_FILE.test(e.name)) out.push(p);
  }
  return out;
}

const show = (v: unknown) => {
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? "undefined";
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

function describe(file: string, r: ReplayResult): string {
  if (r.equal) return `${file}: equal (${r.nodes} nodes${r.depthLimitBack === 2 ? ", earlier ToolBench revision" : ""})`;
  const first = r.diffs
    .slice(0, 3)
    .map((d) => `${d.idx === null ? "" : `node ${d.idx} `}${d.field}: expected ${show(d.expected)}, got ${show(d.actual)}`)
    .join("; ");
  return `${file}: ${r.diffs.length} diffs (${r.nodes} nodes): ${first}`;
}

export async function replayCommand(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const targets = args.filter((a) => a !== "--json");
  if (targets.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const results: { file: string; result?: ReplayResult; error?: string }[] = [];
  for (const target of targets) {
    let files: string[];
    try {
      files = answerFilesUnder(target);
    } catch (error) {
      results.push({ file: target, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const file of files) {
      try {
        results.push({ file, result: await replayAnswerFile(fs.readFileSync(file, "utf8"), file) });
      } catch (error) {
        results.push({ file, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  if (json) {
    const payload = results.map((r) => (r.result ? { file: r.file, equal: r.result.equal, nodes: r.result.nodes, diffs: r.result.diffs } : { file: r.file, error: r.error }));
    console.log(JSON.stringify(payload.length === 1 && "equal" in payload[0]! ? { equal: payload[0].equal, nodes: payload[0].nodes, diffs: payload[0].diffs } : payload, null, 2));
  } else {
    for (const r of results) console.log(r.result ? describe(r.file, r.result) : `${r.file}: cannot replay: ${r.error}`);
    if (results.length > 1) console.log(`${results.filter((r) => r.result?.equal).length} of ${results.length} files equal`);
  }
  return results.length > 0 && results.every((r) => r.result?.equal) ? 0 : 1;
}
