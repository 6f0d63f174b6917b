// ToolBench's naming rules, reproduced exactly: they decide file names, function names and how
// names from different files are matched.

const NOT_KEPT = /[^\u4e00-\u9fa5^a-zA-Z0-9_]/g; // ToolBench keeps CJK, ASCII letters/digits, "_" and (quirk) "^"

/** ToolBench's `standardize`: non-kept characters → "_", runs of "_" collapsed, lowercased, trimmed of "_", "get_" before a leading digit. */
export function standardize(name: string): string {
  let s = name.replace(NOT_KEPT, "_").replace(/_{2,}/g, "_").toLowerCase();
  s = s.replace(/^_+/, "").replace(/_+$/, "");
  if (s.length > 0 && s[0]! >= "0" && s[0]! <= "9") s = `get_${s}`;
  return s;
}

const RESERVED = new Set(["from", "class", "return", "false", "true", "id", "and"]);

/** ToolBench's `change_name`: Python keywords and "id" become `is_<name>`. */
export function changeName(name: string): string {
  return RESERVED.has(name) ? `is_${name}` : name;
}

/** The name of an API's function as the model sees it: `<api>_for_<tool>`, last 64 characters. */
export function functionNameFor(apiName: string, standardizedToolName: string): string {
  const full = `${changeName(standardize(apiName))}_for_${standardizedToolName}`;
  return full.slice(-64);
}

/** ToolBench's category directory name: spaces, commas and "/" become "_" (then one "__" pass). */
export function standardizeCategory(category: string): string {
  let s = category.replace(/[ ,/]/g, "_");
  s = s.replace(/__/g, "_");
  return s;
}
