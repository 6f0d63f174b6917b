// A synthetic ToolBench-shaped corpus for benchmarks: real DFSDT and CoT answer files, repeated with
// a distinct query (so every file is its own instruction) under G1/G2/G3 answer folders. The real
// files' sizes (7 to 83 nodes) give a ToolBench-like mix (~37 nodes per tree on average).
import fs from "node:fs";
import path from "node:path";

/* eslint-disable @typescript-eslint/no-explicit-any -- answer files are reshaped as raw JSON */

export interface CorpusInfo {
  dir: string;
  files: number;
  bytes: number;
  templates: number;
}

function answerTemplates(datasets: string): { name: string; data: any }[] {
  const out: { name: string; data: any }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^\d+_.*(DFS_woFilter_w2|CoT@\d+)\.json$/.test(e.name)) out.push({ name: e.name, data: JSON.parse(fs.readFileSync(p, "utf8")) });
    }
  };
  walk(datasets);
  if (out.length === 0) throw new Error(`No answer files under ${datasets}`);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Replaces the query everywhere it appears (answer_generation.query and the user messages). */
function withQuery(data: any, oldQuery: string, newQuery: string): string {
  const text = JSON.stringify(data);
  const escapedOld = JSON.stringify(oldQuery).slice(1, -1);
  const escapedNew = JSON.stringify(newQuery).slice(1, -1);
  return text.split(escapedOld).join(escapedNew);
}

export function writeSyntheticCorpus(datasets: string, dir: string, files: number, onProgress?: (done: number) => void): CorpusInfo {
  const templates = answerTemplates(datasets);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const g of ["G1", "G2", "G3"]) fs.mkdirSync(path.join(dir, `${g}_answer`), { recursive: true });
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const t = templates[i % templates.length]!;
    const query: string = t.data.answer_generation.query;
    const group = ["G1", "G2", "G3"][i % 3]!;
    const qid = 1_000_000 + i;
    const method = /CoT@\d+/.exec(t.name)?.[0] ?? "ChatGPT_DFS_woFilter_w2";
    const text = withQuery(t.data, query, `${query} [synthetic variant ${qid}]`);
    fs.writeFileSync(path.join(dir, `${group}_answer`, `${qid}_${method}.json`), text);
    bytes += text.length;
    if (onProgress && i % 500 === 0) onProgress(i);
  }
  return { dir, files, bytes, templates: templates.length };
}
