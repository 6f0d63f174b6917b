// A second tree for a real instruction, made at test time from a real answer file (never stored in
// the project): the datasets hold one tree per query, and comparing needs two of one instruction.
// From G1 query 59's DFSDT tree it builds a ReACT (CoT@2) answer to the same query that makes the
// same calls except the Spanish hashtag search, and finishes with an answer of its own.
import fs from "node:fs";
import path from "node:path";
import { readDatasetJson } from "./datasets";

/* eslint-disable @typescript-eslint/no-explicit-any -- raw answer-file JSON is rebuilt freely here */

export const DFS_59 = "toolbench/answer/G1_answer/59_ChatGPT_DFS_woFilter_w2.json";

/** Where the derived file sits under its folder: the folders give the group (G1), the query id and the run name. */
export const DERIVED_COT_59 = "derived_cot/G1_instruction/59_CoT@2.json";

/** The derived tree's final answer. */
export const DERIVED_COT_59_ANSWER =
  "No images for technology and business came back. Hashtags for your project: #TechMeetsBusiness (English), #NegociosDigitales (Spanish), #EntrepriseConnectee (French).";

export function writeDerivedCot59(dir: string): string {
  const dfs = readDatasetJson<any>(DFS_59);
  const nodes: any[] = [];
  const walk = (n: any) => {
    nodes.push(n);
    for (const c of n.children) walk(c);
  };
  walk(dfs.tree.tree);
  // pre-order positions in the DFSDT tree (a single path): 1–2 images, 3–4 search, 5–6 search_b in
  // Spanish (left out), 7–8 search_b in French, 9–10 Finish
  const finish = JSON.stringify({ return_type: "give_answer", final_answer: DERIVED_COT_59_ANSWER }, null, 2);
  const chain = [1, 2, 3, 4, 7, 8, 9, 10].map((i, depth) => {
    const { children: _children, ...node } = nodes[i];
    return { ...node, depth: depth + 1, child_count: i === 10 ? 0 : 1, ...(i === 10 ? { description: finish } : {}) };
  });
  const ag = dfs.answer_generation;
  const file = {
    win: true,
    try_count: 1,
    trys: [{ chain, win: true }],
    compare_candidates: [],
    forward_args: { single_chain_max_step: 12, pass_at: 2, answer: 1 },
    answer_generation: {
      valid_data: true,
      final_answer: finish,
      function: ag.function,
      query_count: 4,
      total_tokens: 5120,
      train_messages: [],
      chain: [],
      query: ag.query,
    },
  };
  const out = path.join(dir, DERIVED_COT_59);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(file, null, 2));
  return out;
}
