// JSONL output as UTF-8 bytes: lines written as pieces, encoded straight into large buffers.
import type { LineOut } from "@/lib/core/export/formats";

const encoder = new TextEncoder();
const CHUNK = 4 << 20;

/**
 * Lines as UTF-8, each ended by "\n": their pieces are encoded one by one straight into large
 * buffers, far cheaper than joining them into strings first. A piece must not end inside a surrogate
 * pair (JSON text never holds a lone surrogate).
 */
export class Utf8Lines implements LineOut {
  private readonly chunks: Buffer[] = [];
  private buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  write(text: string): void {
    if (text.length === 1 && text.charCodeAt(0) < 0x80 && this.used < this.buf.length) {
      this.buf[this.used++] = text.charCodeAt(0);
      return;
    }
    let rest = text;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, this.buf.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      // full (encodeInto never splits a character): the rest goes into a new buffer
      rest = rest.slice(read);
      this.next(rest.length * 3);
    }
  }

  endLine(): void {
    if (this.used === this.buf.length) this.next(0);
    this.buf[this.used++] = 0x0a;
  }

  /** The bytes written so far (and starts afresh). */
  take(): Buffer[] {
    if (this.used > 0) this.chunks.push(this.buf.subarray(0, this.used));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
    return this.chunks.splice(0);
  }

  private next(need: number): void {
    this.chunks.push(this.buf.subarray(0, this.used));
    this.buf = Buffer.allocUnsafe(Math.max(need, CHUNK));
    this.used = 0;
  }
}
