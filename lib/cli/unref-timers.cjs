// Preloaded into Prisma CLI processes: its WebAssembly engine leaves a long timer behind after
// `migrate deploy`, which keeps the process alive ~10 s after the work is done. Long timers are
// unref'd so the process exits as soon as nothing else is pending.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const t = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && t && typeof t.unref === "function") t.unref();
  return t;
};
