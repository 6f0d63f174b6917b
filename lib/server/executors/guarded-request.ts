// One outbound HTTP request under the address policy: the host is resolved first and every address
// it resolves to is checked (the connection then uses only checked addresses, so a DNS answer cannot
// change in between), redirects are followed by hand through the same check, the whole exchange has
// a deadline, and the body is read up to a size cap.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { AddressPolicy } from "./address-policy";

export interface GuardedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
}

export interface GuardedResponse {
  status: number;
  contentType: string;
  body: string;
  /** The body was longer than the cap and was cut. */
  truncated: boolean;
}

export class RequestRefusedError extends Error {
  override name = "RequestRefusedError";
}
export class RequestTimeoutError extends Error {
  override name = "RequestTimeoutError";
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

function checkedLookup(policy: AddressPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.map((a) => policy.refusal(hostname, a.address)).find((r) => r !== null);
      if (bad) return callback(Object.assign(new RequestRefusedError(bad), { code: "EREFUSEDADDR" }), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
}

function once(req: GuardedRequest, url: URL, policy: AddressPolicy, deadline: number): Promise<GuardedResponse & { location?: string }> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(host)) {
      const bad = policy.refusal(host, host);
      if (bad) return reject(new RequestRefusedError(bad));
    }
    const lib = url.protocol === "https:" ? https : http;
    const r = lib.request(url, { method: req.method, headers: req.headers, lookup: checkedLookup(policy) as never, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      res.on("data", (c: Buffer) => {
        if (truncated) return;
        if (size + c.length > req.maxBytes) {
          chunks.push(c.subarray(0, req.maxBytes - size));
          truncated = true;
          res.destroy();
          finish();
          return;
        }
        size += c.length;
        chunks.push(c);
      });
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          body: Buffer.concat(chunks).toString("utf8"),
          truncated,
          location: typeof res.headers.location === "string" ? res.headers.location : undefined,
        });
      };
      res.on("end", finish);
      res.on("error", (e) => (truncated ? finish() : fail(e)));
    });
    const fail = (e: unknown) => {
      clearTimeout(timer);
      reject(e);
    };
    const timer = setTimeout(() => r.destroy(new RequestTimeoutError(`no answer within ${req.timeoutMs} ms`)), Math.max(0, deadline - Date.now()));
    r.on("error", fail);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

export async function guardedRequest(req: GuardedRequest, policy: AddressPolicy): Promise<GuardedResponse> {
  const deadline = Date.now() + req.timeoutMs;
  let url = new URL(req.url);
  let current = req;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new RequestRefusedError(`only http and https URLs can be called, not ${url.protocol}`);
    const res = await once(current, url, policy, deadline);
    if (res.status < 300 || res.status >= 400 || !res.location) return res;
    if (hop >= (req.maxRedirects ?? 3)) throw new RequestRefusedError(`more than ${req.maxRedirects ?? 3} redirects`);
    const next = new URL(res.location, url);
    // credentials go to the host they were meant for only
    if (next.host !== url.host) current = { ...current, headers: Object.fromEntries(Object.entries(current.headers).filter(([k]) => !/^(x-rapidapi-key|authorization)$/i.test(k))) };
    url = next;
    // a 303, or a 301/302 after a POST, is followed with a GET (as browsers do)
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && current.method !== "GET")) current = { ...current, method: "GET", body: undefined };
  }
}
