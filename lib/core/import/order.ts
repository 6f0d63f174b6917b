// The order an import visits files in. Catalog files first, so instructions link to their APIs as
// they are written, then answer files, and ToolEval's result files last, so their labels find the
// trees they judged. (For the rest, order only saves work: the importer's final linking step makes
// the result the same whatever the order.)

export function importPriority(filePath: string): number {
  const p = filePath.replace(/\\/g, "/");
  if (/(^|\/)tools\/[^/]+\/[^/]+\.json$/.test(p)) return 0; // toolenv/tools/<Category>/<tool>.json
  if (/(^|\/)response_examples\//.test(p)) return 2;
  if (/(^|\/)\d+_[^/]*\.json$/.test(p)) return 4; // <qid>_<method>.json answer files
  if (/(^|\/)(pass_rate_results|preference_results)\//.test(p) || /(^|\/)G[1-3]_(instruction|category|tool)_[^/]+\.json$/i.test(p)) return 6;
  if (/(^|\/)(tooleval_converted|model_predictions_converted)\//.test(p)) return 5;
  return 1; // instruction files, query-id lists
}

export function sortForImport(paths: readonly string[]): string[] {
  return [...paths].sort((a, b) => importPriority(a) - importPriority(b) || (a < b ? -1 : a > b ? 1 : 0));
}
