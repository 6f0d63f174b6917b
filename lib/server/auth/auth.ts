// Sign-in with Better Auth (email + password; the admin plugin manages users and roles). Used as a
// library from server actions and server components only — no auth HTTP endpoints are exposed, so
// Next's own server-action origin checks guard every sign-in and user change.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { ROLES } from "@/lib/core/auth/permissions";
import { authClient } from "../repositories/users";
import { env } from "../env";

/** The cookie-signing secret: ARBOR_AUTH_SECRET, else one generated once into the data folder. */
function authSecret(): string {
  const e = env();
  if (e.ARBOR_AUTH_SECRET) return e.ARBOR_AUTH_SECRET;
  const file = path.join(e.dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(e.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}

// Better Auth's own permission statements (users, sessions) per role; Arbor's permissions are in
// lib/core/auth/permissions.ts.
const ac = createAccessControl(defaultStatements);
const roles = {
  admin: ac.newRole(adminAc.statements),
  reviewer: ac.newRole({ user: [], session: [] }),
  viewer: ac.newRole({ user: [], session: [] }),
} satisfies Record<(typeof ROLES)[number], unknown>;

function createAuth() {
  const e = env();
  return betterAuth({
    appName: "Arbor",
    baseURL: e.ARBOR_BASE_URL ?? `http://localhost:${e.PORT}`,
    secret: authSecret(),
    database: prismaAdapter(authClient(), { provider: "postgresql" }),
    advanced: { database: { generateId: "serial" }, cookiePrefix: "arbor" },
    // Accounts are created by an admin (or the first-run setup), never by public sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, autoSignIn: false },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    plugins: [admin({ ac, roles, defaultRole: "viewer", adminRoles: ["admin"] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as unknown as { __arborAuth?: Auth };

export function auth(): Auth {
  holder.__arborAuth ??= createAuth();
  return holder.__arborAuth;
}
