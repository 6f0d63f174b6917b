// A terminal progress line: redrawn in place on a TTY, printed every 10% otherwise (CI logs).
export function progressPrinter(label: string) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  let lastDraw = 0;
  const started = Date.now();
  return {
    update(done: number, total: number, detail: string) {
      const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const width = 24;
        const filled = Math.round((pct / 100) * width);
        process.stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}% ${done}/${total} ${detail}\x1b[K`);
      } else {
        const decile = Math.floor(pct / 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          process.stderr.write(`${label} ${pct}% ${done}/${total} ${detail}\n`);
        }
      }
    },
    finish() {
      if (tty) process.stderr.write("\n");
      return (Date.now() - started) / 1000;
    },
  };
}
