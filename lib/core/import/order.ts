// The order an import visits files in. Catalog files first, so instructions link to their APIs as
// they are written, and answer files last. (Order only saves work: the importer's final linking
// step makes the result the same whatever the order.)

export function importPriority(filePath: string): number {
  const p = filePath.replace(/\\/g, "/");
  if (/(^|\/)tools\/[^/]+\/[^/]+\.json$/.test(p)) return 0; // toolenv/tools/<Category>/<tool>.json
  if (/(^|\/)response_examples\//.test(p)) return 2;
  if (/(^|\/)\d+_[^/]*\.json$/.test(p)) return 4; // <qid>_<method>.json answer files
  if (/(^|\/)(tooleval_converted|model_predictions_converted)\//.test(p)) return 5;
  return 1; // instruction files, query-id lists
}

export function sortForImport(paths: readonly string[]): string[] {
  return [...paths].sort((a, b) => importPriority(a) - importPriority(b) || (a < b ? -1 : a > b ? 1 : 0));
}
