// Who may do what. Roles: admin (everything), reviewer (review and comment, and read), viewer (read).
export const ROLES = ["admin", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "read" // browse the catalog, instructions, trees, runs
  | "review" // verdicts, training paths, the review queue
  | "comment" // comments on nodes
  | "import" // import files (server folders and uploads)
  | "run" // start / cancel generation, solving and judging runs
  | "export" // export data
  | "bulk_review" // bulk verdicts over a filtered set
  | "manage_users"
  | "manage_settings"; // LLM endpoints, keys, review reasons

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["read", "review", "comment", "import", "run", "export", "bulk_review", "manage_users", "manage_settings"],
  reviewer: ["read", "review", "comment"],
  viewer: ["read"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Unknown roles get nothing beyond reading: fail closed. */
export function roleOf(value: unknown): Role {
  return isRole(value) ? value : "viewer";
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin — everything, including users and settings",
  reviewer: "Reviewer — review and comment",
  viewer: "Viewer — read only",
};

const PERMISSION_LABELS: Record<Permission, string> = {
  read: "read",
  review: "review trees",
  comment: "comment",
  import: "import data",
  run: "start runs",
  export: "export data",
  bulk_review: "review in bulk",
  manage_users: "manage users",
  manage_settings: "change settings",
};

export function forbiddenMessage(role: Role, permission: Permission): string {
  return `Your role (${role}) does not allow you to ${PERMISSION_LABELS[permission]}.`;
}
