// Which addresses real HTTP calls may reach. API URLs come from imported catalogs and arguments from
// a model, so a call could be aimed at the machine itself or the private network: private, loopback,
// link-local (cloud metadata), CGNAT, multicast and reserved ranges are refused unless an admin
// allow-lists the host or the range.
import net from "node:net";

const REFUSED_V4: [string, number][] = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
  ["224.0.0.0", 4], ["240.0.0.0", 4],
];
const REFUSED_V6: [string, number][] = [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8], ["2001:db8::", 32]];

const refused = new net.BlockList();
for (const [a, p] of REFUSED_V4) refused.addSubnet(a, p, "ipv4");
for (const [a, p] of REFUSED_V6) refused.addSubnet(a, p, "ipv6");

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) as the IPv4 address it carries. */
function unmap(address: string): { address: string; family: "ipv4" | "ipv6" } {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return { address: m[1]!, family: "ipv4" };
  return { address, family: net.isIPv6(address) ? "ipv6" : "ipv4" };
}

export function isRefusedRange(address: string): boolean {
  const a = unmap(address);
  return refused.check(a.address, a.family);
}

export interface AddressPolicy {
  /** Null when the host may be reached at this address, else why not. */
  refusal(host: string, address: string): string | null;
}

/** The policy with an admin's allow-list: host names, IP addresses or CIDR ranges. */
export function createAddressPolicy(allowList: readonly string[]): AddressPolicy {
  const hosts = new Set<string>();
  const allowed = new net.BlockList();
  for (const raw of allowList) {
    const entry = raw.trim().toLowerCase();
    const [ip, bits] = entry.split("/");
    const family = net.isIPv4(ip ?? "") ? "ipv4" : net.isIPv6(ip ?? "") ? "ipv6" : null;
    if (family && bits !== undefined) allowed.addSubnet(ip!, Number(bits), family);
    else if (family) allowed.addAddress(ip!, family);
    else hosts.add(entry);
  }
  return {
    refusal(host, address) {
      if (hosts.has(host.toLowerCase())) return null;
      const a = unmap(address);
      if (!net.isIP(a.address)) return `${address} is not an IP address`;
      if (allowed.check(a.address, a.family)) return null;
      if (refused.check(a.address, a.family)) return `${host} resolves to ${address}, a private, loopback or reserved address (an admin can allow-list it)`;
      return null;
    },
  };
}
