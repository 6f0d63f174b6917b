// ToolEval's converted answers: {qid: {query, available_tools, answer: {method, total_steps,
// final_answer, answer_details}}}. answer_details is a chain of {role, message, next} where ToolEval
// has already cut every message to its first 100 characters (`str(message)[:100]`), so the trees
// Arbor builds from it are marked `truncated`: enough to browse and judge, not to train on.
import { runFolderName, type FileContext } from "./file-context";
import { parseFinishArguments } from "./finish";
import { asArray, asObject, asString, fail, index, isObject, key, type Json, type JsonObject } from "./json-shape";
import { readReprDict } from "./python-repr";
import { treeStats } from "./tree-paths";
import type { ParsedFile, ParsedNode, ParsedTree, TreeMethod } from "./types";

function methodOf(label: string): TreeMethod {
  if (/DFS_woFilter/i.test(label)) return "dfsdt";
  if (/DFS/i.test(label)) return "dfs";
  if (/CoT|ReAct/i.test(label)) return "react";
  return "other";
}

function finishCode(args: string): number | undefined {
  // The observation is not kept, but the Finish arguments say how the attempt ended.
  if (/"return_type"\s*:\s*"give_answer"/.test(args)) return 3;
  if (/"return_type"\s*:\s*"give_up_and_restart"/.test(args)) return 4;
  return undefined;
}

function buildNodes(details: Json[], path: string): ParsedNode[] {
  const nodes: ParsedNode[] = [
    { idx: 0, parentIdx: null, position: 0, depth: 0, type: "ActionInput", text: "", pruned: false, finished: false, isTerminal: false, expandNum: 0, childCount: 0 },
  ];
  const add = (parent: ParsedNode, node: Omit<ParsedNode, "idx" | "parentIdx" | "position" | "depth" | "childCount">): ParsedNode => {
    const n: ParsedNode = { ...node, idx: nodes.length, parentIdx: parent.idx, position: parent.childCount, depth: parent.depth + 1, childCount: 0 };
    parent.childCount++;
    nodes.push(n);
    return n;
  };
  const visit = (item: Json, at: string, parent: ParsedNode) => {
    const o = asObject(item, at);
    const role = asString(o.role, key(at, "role"));
    const message = typeof o.message === "string" ? o.message : o.message === undefined || o.message === null ? "" : JSON.stringify(o.message);
    let next = parent;
    const base = { pruned: false, finished: false, isTerminal: false, expandNum: 0 };
    if (role === "tool") {
      const repr = readReprDict(message);
      const name = repr?.values.name ?? "";
      if (!name) fail("a tool step without a function name", key(at, "message"));
      const args = repr?.values.arguments ?? "";
      const action = add(parent, { ...base, type: "Action", text: name, functionName: name, meta: { truncated: true } });
      const observation = repr && "response" in repr.values ? repr.values.response : undefined;
      next = add(action, {
        ...base,
        type: "ActionInput",
        text: args,
        functionName: name,
        observation: observation === "" && name === "Finish" ? undefined : observation,
        observationCode: name === "Finish" ? finishCode(args) : undefined,
        meta: { truncated: true, message },
      });
    } else if (role === "assistant") {
      next = add(parent, { ...base, type: "Thought", text: message, meta: { truncated: message.length >= 100 } });
    } else if (role !== "system" && role !== "user") {
      fail(`unknown role "${role}" (expected system, user, assistant or tool)`, key(at, "role"));
    }
    const children = o.next === undefined || o.next === null ? [] : asArray(o.next, key(at, "next"));
    children.forEach((c, i) => visit(c, index(key(at, "next"), i), next));
  };
  details.forEach((d, i) => visit(d, index(path, i), nodes[0]!));
  return nodes;
}

/** The leaf ending in a Finish(give_answer), in pre-order. */
function answerLeaf(nodes: ParsedNode[]): ParsedNode | undefined {
  return nodes.find((n) => n.childCount === 0 && n.functionName === "Finish" && n.observationCode === 3);
}

export function parseToolEvalConverted(o: JsonObject, ctx: FileContext): ParsedFile {
  const trees: ParsedTree[] = Object.keys(o).map((qid) => {
    const at = key("$", qid);
    const entry = asObject(o[qid], at);
    const query = asString(entry.query, key(at, "query"));
    const answer = asObject(entry.answer, key(at, "answer"));
    const methodLabel = asString(answer.method, key(key(at, "answer"), "method"));
    const details = asArray(answer.answer_details, key(key(at, "answer"), "answer_details"));
    const nodes = buildNodes(details, key(key(at, "answer"), "answer_details"));
    const finalAnswerRaw = typeof answer.final_answer === "string" ? answer.final_answer : "";
    const finish = parseFinishArguments(finalAnswerRaw);
    const validData = finish.returnType === "give_answer";
    const leaf = validData ? answerLeaf(nodes) : undefined;
    const tools = entry.available_tools === undefined || entry.available_tools === null ? [] : asArray(entry.available_tools, key(at, "available_tools"));
    return {
      group: ctx.group,
      externalId: qid,
      query,
      method: methodOf(methodLabel),
      methodLabel,
      model: runFolderName(ctx),
      validData,
      finishType: finish.returnType === "give_answer" ? "give_answer" : finish.returnType === "give_up_and_restart" ? "give_up" : null,
      finalAnswerRaw,
      finalAnswer: validData && finish.finalAnswer !== undefined ? finish.finalAnswer : null,
      queryCount: 0,
      totalTokens: 0,
      nodes,
      chosenNodeIdx: leaf?.idx ?? null,
      functions: tools,
      truncated: true,
      sourceKind: "tooleval_converted",
      sourceKey: qid,
      stats: treeStats(nodes),
    };
  });
  return { kind: "tooleval_converted", trees };
}

/** Whether an object looks like a converted-answers file (judged by its first entry; all are checked when parsed). */
export function looksLikeToolEvalConverted(o: JsonObject): boolean {
  const first = Object.values(o)[0];
  return isObject(first) && "query" in first && isObject(first.answer) && "answer_details" in first.answer;
}
