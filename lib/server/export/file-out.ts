// A file written in order, one write at a time (each done before the next starts), hashed (sha256) and
// counted as it goes.
import { createHash } from "node:crypto";
import fs from "node:fs";

export class HashingFileOut {
  private readonly stream: fs.WriteStream;
  private readonly hash = createHash("sha256");
  private failure: Error | undefined;
  bytes = 0;

  constructor(readonly path: string) {
    this.stream = fs.createWriteStream(path, { flags: "wx" });
    this.stream.on("error", (e) => {
      this.failure = e;
    });
  }

  async write(chunk: Buffer | Uint8Array | string): Promise<void> {
    if (this.failure) throw this.failure;
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    if (buf.length === 0) return;
    this.hash.update(buf);
    this.bytes += buf.length;
    // resolved once the bytes are in the file: the caller may then use the buffer again
    await new Promise<void>((resolve, reject) => this.stream.write(buf, (err) => (err ? reject(err) : resolve())));
    if (this.failure) throw this.failure;
  }

  /** Flushes and closes the file; the content's sha256 in hex. */
  async close(): Promise<{ bytes: number; sha256: string }> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (this.failure) throw this.failure;
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  /** Closes and deletes the file (an export that failed leaves nothing behind). */
  async discard(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.stream.closed) return resolve();
      this.stream.once("close", () => resolve());
      this.stream.destroy();
    });
    await fs.promises.rm(this.path, { force: true });
  }
}
