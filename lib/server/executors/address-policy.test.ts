import { describe, expect, it } from "vitest";
import { createAddressPolicy, isRefusedRange } from "./address-policy";

describe("the address policy", () => {
  it("refuses private, loopback, link-local and reserved addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isRefusedRange(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "151.101.1.69", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isRefusedRange(a), a).toBe(false);
  });

  it("lets an admin allow hosts, addresses and ranges", () => {
    const policy = createAddressPolicy(["api.internal", "10.0.0.0/8", "192.168.1.7"]);
    expect(policy.refusal("api.internal", "172.16.0.9")).toBeNull();
    expect(policy.refusal("x", "10.9.9.9")).toBeNull();
    expect(policy.refusal("x", "192.168.1.7")).toBeNull();
    expect(policy.refusal("x", "192.168.1.8")).toMatch(/x resolves to 192\.168\.1\.8, a private, loopback or reserved address/);
    expect(policy.refusal("example.com", "93.184.216.34")).toBeNull();
    expect(createAddressPolicy([]).refusal("localhost", "127.0.0.1")).not.toBeNull();
  });
});
