// Display formatting shared by pages. A fixed locale keeps server and browser output identical.

const integer = new Intl.NumberFormat("en-US");

export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1 tool" / "3 tools". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * The last segments of a file path, for narrow columns: ToolBench reuses file names across folders
 * (test_instruction/G1_instruction.json, gpt-3.5-turbo_CoT/G1_instruction.json), so one is not enough.
 */
export function shortPath(path: string, segments = 2): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts.slice(-segments).join("/") || path;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
