// A synthetic ToolBench-shaped corpus for benchmarks, laid out like ToolBench's data release:
// instruction/G{1,2,3}_query.json (each instruction with its api_list) and answer/G{1,2,3}_answer/
// with one answer file per instruction. Answers are the real DFSDT and CoT files, repeated with a
// distinct query each; their sizes (7 to 83 nodes) give a ToolBench-like mix. With `varied`, each
// answer also gets its own group, model, run folder, categories, words and error codes
// (corpus-variety.ts), so that list filters select realistic fractions of the corpus.
import fs from "node:fs";
import path from "node:path";
import { applyVariety, codeHolders, placeApi, seededRandom, varietyPicker, vocabularyOf, type TreeVariety } from "./corpus-variety";

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

const TYPES: Record<string, string> = { integer: "NUMBER", number: "NUMBER", boolean: "BOOLEAN" };

/** The api_list ToolBench's instruction file would hold for an answer's functions ("<api>_for_<tool>"). */
function apiListOf(functions: any[]): any[] {
  return functions
    .map((f) => (f?.type === "function" ? f.function : f))
    .filter((f) => f?.name && f.name !== "Finish" && f.name.includes("_for_"))
    .map((f) => {
      const at = f.name.lastIndexOf("_for_");
      const props = f.parameters?.properties ?? {};
      const param = (name: string) => ({
        name,
        type: TYPES[props[name]?.type] ?? "STRING",
        description: props[name]?.description ?? "",
        default: props[name]?.example_value ?? "",
      });
      return {
        category_name: "Data",
        tool_name: f.name.slice(at + 5),
        api_name: f.name.slice(0, at),
        api_description: String(f.description ?? ""),
        required_parameters: (f.parameters?.required ?? []).map(param),
        optional_parameters: (f.parameters?.optional ?? []).map(param),
        method: "GET",
      };
    });
}

/** The words varied corpora draw from (exported so a benchmark can search for common and rare ones). */
export function corpusVocabulary(datasets: string): string[] {
  return vocabularyOf(answerTemplates(datasets).flatMap((t) => [t.data.answer_generation.query ?? "", String(t.data.answer_generation.final_answer ?? "")]));
}

export interface CorpusOptions {
  /** Vary each answer (see corpus-variety.ts) and file answers by run: answer/<run>/G1_answer/… */
  varied?: boolean;
}

export function writeSyntheticCorpus(datasets: string, dir: string, files: number, onProgress?: (done: number) => void, options: CorpusOptions = {}): CorpusInfo {
  const templates = answerTemplates(datasets);
  const pick = options.varied ? varietyPicker(corpusVocabulary(datasets)) : undefined;
  const holders = new Map(templates.map((t) => [t, pick ? codeHolders(t.data) : []]));
  fs.rmSync(dir, { recursive: true, force: true });
  const answerDir = (group: string, v?: TreeVariety) => path.join(dir, "answer", ...(v ? [v.batch] : []), `${group}_answer`);
  const made = new Set<string>();
  fs.mkdirSync(path.join(dir, "instruction"), { recursive: true });
  // instruction files are written as they grow (126k instructions would not fit in one string)
  const queryFiles = Object.fromEntries(["G1", "G2", "G3"].map((g) => [g, fs.openSync(path.join(dir, "instruction", `${g}_query.json`), "w")]));
  const written: Record<string, number> = { G1: 0, G2: 0, G3: 0 };
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const t = templates[i % templates.length]!;
    const query: string = t.data.answer_generation.query;
    const v = pick?.(i);
    const group = v?.group ?? ["G1", "G2", "G3"][i % 3]!;
    const qid = 1_000_000 + i;
    const cot = /CoT@\d+/.exec(t.name)?.[0];
    const method = v ? `${v.model}_${cot ?? "DFS_woFilter_w2"}` : (cot ?? "ChatGPT_DFS_woFilter_w2");
    const variant = v ? `${query} Also about ${v.queryWords.join(" ")} (variant ${qid})` : `${query} [synthetic variant ${qid}]`;
    const undo = v ? applyVariety(t.data, holders.get(t)!, v, seededRandom(qid)) : () => undefined;
    const text = withQuery(t.data, query, variant);
    undo();
    const folder = answerDir(group, v);
    if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
    fs.writeFileSync(path.join(folder, `${qid}_${method}.json`), text);
    bytes += text.length;
    const apiList = apiListOf(t.data.answer_generation.function ?? []);
    if (v) apiList.forEach((api) => placeApi(api, v));
    const entry = JSON.stringify({ api_list: apiList, query: variant, "relevant APIs": apiList.slice(0, 2).map((a) => [a.tool_name, a.api_name]), query_id: qid });
    fs.writeSync(queryFiles[group]!, `${written[group]! === 0 ? "[\n" : ",\n"}${entry}`);
    written[group]!++;
    bytes += entry.length;
    if (onProgress && i % 500 === 0) onProgress(i);
  }
  for (const [g, fd] of Object.entries(queryFiles)) {
    fs.writeSync(fd, written[g] === 0 ? "[]\n" : "\n]\n");
    fs.closeSync(fd);
  }
  return { dir, files, bytes, templates: templates.length };
}
