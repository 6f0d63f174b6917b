// Variety for the list benchmark's corpus. The import benchmark repeats a dozen real answer files,
// so every tree looks like one of them; a list filter over such a corpus is either "all" or "a
// twelfth". Here each synthetic answer gets its own group, model, run, categories and tool variants,
// words in its query and final answer, validity, finish type, error codes and LLM-call count, drawn
// from skewed distributions (a few common values, a long tail), as ToolBench's own data is.
/* eslint-disable @typescript-eslint/no-explicit-any -- answer files are reshaped as raw JSON */

/** A small deterministic PRNG (mulberry32): the same seed gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index k of n with probability ∝ 1/(k+1)^s: rank 0 is common, the tail is rare. */
export function zipfPicker(n: number, s = 1): (random: () => number) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative.push((sum += 1 / (k + 1) ** s));
  return (random) => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function weighted<T>(entries: [T, number][]): (random: () => number) => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return (random) => {
    let x = random() * total;
    for (const [value, w] of entries) if ((x -= w) < 0) return value;
    return entries[entries.length - 1]![0];
  };
}

// RapidAPI's 49 categories, as ToolBench names them.
export const CATEGORIES = [
  "Data", "Sports", "Finance", "Entertainment", "Tools", "Travel", "Business", "Communication", "eCommerce", "Social", "Media",
  "Food", "Location", "Music", "Movies", "Gaming", "Education", "Weather", "Health_and_Fitness", "News_Media", "Email",
  "Translation", "Financial", "Commerce", "Science", "Search", "Text_Analysis", "Logistics", "Mapping", "Business_Software",
  "Video_Images", "Visual_Recognition", "Artificial_Intelligence_Machine_Learning", "Advertising", "Jobs", "Events", "SMS",
  "Payments", "Transportation", "Medical", "Monitoring", "Energy", "Devices", "Cryptography", "Cybersecurity", "Database",
  "Storage", "Reward", "Other",
];

export const MODELS: [string, number][] = [["ChatGPT", 55], ["GPT4", 20], ["ToolLLaMA-2-7b-v2", 15], ["Claude-2", 7], ["Vicuna-7b", 3]];
export const GROUPS: [string, number][] = [["G1", 45], ["G2", 35], ["G3", 20]];
/** Answer folders, each imported as one run: most from the ToolBench release, the rest from 20 solve runs of falling size. */
export const SOLVE_RUNS = 20;
/** Copies of each template tool (ToolBench has 3.4k tools; the templates call a few dozen). */
const TOOL_VARIANTS = 100;

export interface TreeVariety {
  group: string;
  model: string;
  /** "toolbench" or "solve-01" … "solve-20": the answer folder, imported as one run */
  batch: string;
  toolVariant: number;
  queryWords: string[];
  answerWords: string[];
  invalid: boolean;
  noFinishType: boolean;
  hallucinations: number;
  apiErrors: number;
  llmCallFactor: number;
}

/** Words for queries and final answers: every word of four letters or more in the templates. */
export function vocabularyOf(texts: string[]): string[] {
  const words = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().match(/[a-z]{4,}/g) ?? []) words.add(w);
  return [...words].sort();
}

export function varietyPicker(vocabulary: string[]): (i: number) => TreeVariety {
  const group = weighted(GROUPS);
  const model = weighted(MODELS);
  const word = zipfPicker(vocabulary.length, 1.05);
  const run = zipfPicker(SOLVE_RUNS, 1);
  const variant = zipfPicker(TOOL_VARIANTS, 0.8);
  // and a long tail: two words run together ("weatherticket"), one of vocabulary² rare "words"
  const compound = zipfPicker(vocabulary.length ** 2, 1);
  const words = (random: () => number, n: number) => {
    const tail = compound(random);
    return [...Array.from({ length: n }, () => vocabulary[word(random)]!), vocabulary[Math.floor(tail / vocabulary.length)]! + vocabulary[tail % vocabulary.length]!];
  };
  return (i) => {
    const random = seededRandom(0x5eed + i * 7919);
    const errorRoll = random();
    return {
      group: group(random),
      model: model(random),
      batch: random() < 0.6 ? "toolbench" : `solve-${String(run(random) + 1).padStart(2, "0")}`,
      toolVariant: variant(random),
      queryWords: words(random, 3),
      answerWords: words(random, 4),
      invalid: random() < 0.1,
      noFinishType: random() < 0.02,
      hallucinations: random() < 0.08 ? 1 + Math.floor(random() * 2) : 0,
      apiErrors: errorRoll < 0.3 ? 1 + Math.floor(random() * 3) : 0,
      llmCallFactor: 0.5 + random() * 1.5,
    };
  };
}

/** Observation-code holders in an answer: DFS tree nodes and CoT chain steps. */
export function codeHolders(data: any): any[] {
  const out: any[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== "object") return;
    if ("observation_code" in n) out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(data?.tree?.tree);
  for (const t of data?.trys ?? []) for (const c of t?.chain ?? []) if (c && typeof c === "object" && "observation_code" in c) out.push(c);
  return out;
}

const API_ERROR_CODES = [2, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * Applies a variety to an answer in place and returns the function that undoes it (templates are
 * large; copying one per file would cost more than writing it).
 */
export function applyVariety(data: any, holders: any[], v: TreeVariety, random: () => number): () => void {
  const ag = data.answer_generation;
  const saved = { valid: ag.valid_data, finish: ag.finish_type, hasFinish: "finish_type" in ag, answer: ag.final_answer, calls: ag.query_count };
  const codes = holders.map((h) => h.observation_code);
  const sameType = (old: unknown, value: number | boolean) => (typeof old === "string" ? (typeof value === "boolean" ? (value ? "True" : "False") : String(value)) : value);
  if (v.invalid) ag.valid_data = sameType(ag.valid_data, false);
  if (v.noFinishType) delete ag.finish_type;
  if (typeof ag.final_answer === "string") {
    try {
      const finish = JSON.parse(ag.final_answer);
      if (finish?.return_type === "give_answer" && typeof finish.final_answer === "string") {
        finish.final_answer = `${finish.final_answer} Also noted: ${v.answerWords.join(", ")}.`;
        ag.final_answer = JSON.stringify(finish, null, 2);
      }
    } catch {
      // some finish arguments are not JSON: keep them as they are
    }
  }
  const calls = Number(ag.query_count);
  if (Number.isFinite(calls)) ag.query_count = sameType(ag.query_count, Math.max(1, Math.round(calls * v.llmCallFactor)));
  const ok = holders.filter((h) => Number(h.observation_code) === 0);
  const mark = (n: number, code: () => number) => {
    for (let k = 0; k < n && ok.length > 0; k++) {
      const [h] = ok.splice(Math.floor(random() * ok.length), 1);
      h.observation_code = sameType(h.observation_code, code());
    }
  };
  mark(v.hallucinations, () => 1);
  mark(v.apiErrors, () => API_ERROR_CODES[Math.floor(random() * API_ERROR_CODES.length)]!);
  return () => {
    ag.valid_data = saved.valid;
    if (saved.hasFinish) ag.finish_type = saved.finish;
    ag.final_answer = saved.answer;
    ag.query_count = saved.calls;
    holders.forEach((h, k) => (h.observation_code = codes[k]));
  };
}

const categoryRank = zipfPicker(CATEGORIES.length, 1);

function hashOf(text: string): number {
  let h = 2166136261;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return h >>> 0;
}

/** The api_list entry's tool as this variety renames it, in the category that tool always has. */
export function placeApi(api: { category_name: string; tool_name: string }, v: TreeVariety): void {
  if (v.toolVariant > 0) api.tool_name = `${api.tool_name} ${v.toolVariant}`;
  api.category_name = CATEGORIES[categoryRank(seededRandom(hashOf(api.tool_name)))]!;
}
