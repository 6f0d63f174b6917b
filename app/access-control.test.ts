// Every page, route handler and server action checks who is asking. This test reads the sources, so a
// new endpoint that forgets the check fails here (the checks themselves are exercised in the browser
// and database tests).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(import.meta.dirname);

function files(name: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === name) out.push(path.relative(APP, p).split(path.sep).join("/"));
    }
  };
  walk(APP);
  return out.sort();
}

// Open to everyone, on purpose.
const PUBLIC_PAGES = new Set(["sign-in/page.tsx", "setup/page.tsx"]);
const PUBLIC_ROUTES = new Set(["api/health/route.ts"]);
// Actions whose services check the user themselves (lib/server/services/users.ts calls requireUser),
// or that are the way in (sign-in, first-run setup).
const ACTIONS_CHECKED_IN_SERVICES = new Set(["admin/users/actions.ts", "sign-in/actions.ts", "setup/actions.ts"]);

const read = (rel: string) => fs.readFileSync(path.join(APP, rel), "utf8");

describe("access control", () => {
  it("every page is gated", () => {
    const pages = files("page.tsx").filter((p) => !PUBLIC_PAGES.has(p));
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) expect(read(p), p).toMatch(/await gatePage\(/);
  });

  it("every route handler checks the user (respond() does, or requireUser)", () => {
    const routes = files("route.ts").filter((r) => !PUBLIC_ROUTES.has(r));
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) {
      const src = read(r);
      const handlers = src.match(/export async function (GET|POST|PUT|PATCH|DELETE)\b/g) ?? [];
      expect(handlers.length, r).toBeGreaterThan(0);
      const checks = (src.match(/\brespond\(|\brequireUser\(/g) ?? []).length;
      expect(checks, `${r}: ${handlers.length} handlers, ${checks} checks`).toBeGreaterThanOrEqual(handlers.length);
    }
  });

  it("every server action checks the user", () => {
    for (const a of files("actions.ts")) {
      if (ACTIONS_CHECKED_IN_SERVICES.has(a)) continue;
      const src = read(a);
      const actions = src.match(/export async function \w+/g) ?? [];
      const checks = (src.match(/\brequireUser\(/g) ?? []).length;
      expect(checks, `${a}: ${actions.length} actions, ${checks} checks`).toBeGreaterThanOrEqual(actions.length);
    }
  });
});
