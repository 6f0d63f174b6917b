"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { can, type Permission, type Role } from "@/lib/core/auth/permissions";
import { signOutAction } from "../sign-in/actions";

const links: { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "Overview", permission: "read" },
  { href: "/catalog", label: "Catalog", permission: "read" },
  { href: "/instructions", label: "Instructions", permission: "read" },
  { href: "/trees", label: "Trees", permission: "read" },
  { href: "/review", label: "Review", permission: "read" },
  { href: "/runs", label: "Runs", permission: "read" },
  { href: "/evaluations", label: "Evaluations", permission: "read" },
  { href: "/import", label: "Import", permission: "import" },
  { href: "/exports", label: "Exports", permission: "export" },
  { href: "/settings", label: "Settings", permission: "manage_settings" },
  { href: "/admin/users", label: "Users", permission: "manage_users" },
];

export interface NavUser {
  name: string;
  email: string;
  role: Role;
}

export function NavBar({ user }: { user: NavUser | null }) {
  const pathname = usePathname();
  return (
    <header className="border-b border-zinc-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-emerald-800">
          <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5 fill-none stroke-current" strokeWidth={2}>
            <path d="M12 21V11M12 11L6 5M12 11l6-6M6 5v4M18 5v4" strokeLinecap="round" />
          </svg>
          Arbor
        </Link>
        <ul className="flex flex-1 gap-1 text-sm">
          {links.filter((l) => user && can(user.role, l.permission)).map((l) => {
            const active = l.href === "/" ? pathname === "/" : pathname.startsWith(l.href);
            return (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={active ? "page" : undefined}
                  className={`rounded-md px-3 py-1.5 ${active ? "bg-emerald-50 font-medium text-emerald-900" : "text-zinc-600 hover:bg-zinc-100"}`}
                >
                  {l.label}
                </Link>
              </li>
            );
          })}
        </ul>
        {user && (
          <div className="flex items-center gap-3 text-sm">
            <span className="text-zinc-600" title={user.email}>
              {user.name} <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">{user.role}</span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100">
                Sign out
              </button>
            </form>
          </div>
        )}
      </nav>
    </header>
  );
}
