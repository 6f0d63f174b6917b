// JSONL output as UTF-8 bytes: lines written as pieces, encoded straight into large buffers.
import type { LineOut } from "@/lib/core/export/formats";

const encoder = new TextEncoder();
/** The size of the buffers lines are written into (spare buffers given back must have it). */
export const LINE_BUFFER_BYTES = 4 << 20;
const CHUNK = LINE_BUFFER_BYTES;
const NONE = Buffer.alloc(0);

/**
 * Lines as UTF-8, each ended by "\n": their pieces are encoded one by one straight into large
 * buffers, far cheaper than joining them into strings first. A piece must not end inside a surrogate
 * pair (JSON text never holds a lone surrogate).
 */
export class Utf8Lines implements LineOut {
  private readonly chunks: Buffer[] = [];
  private buf = NONE;
  private used = 0;

  /** `spare`: buffers of LINE_BUFFER_BYTES whose bytes are no longer needed, used before new ones are made. */
  constructor(private readonly spare: ArrayBuffer[] = []) {}

  write(text: string): void {
    if (text.length === 1 && text.charCodeAt(0) < 0x80 && this.used < this.buf.length) {
      this.buf[this.used++] = text.charCodeAt(0);
      return;
    }
    // room for the worst case (3 bytes per UTF-16 unit): written in one call, without a view to make
    if (this.buf.length - this.used >= text.length * 3) {
      this.used += this.buf.write(text, this.used, "utf8");
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

  /** The bytes written so far (and starts afresh; a buffer is made when something is written). */
  take(): Buffer[] {
    if (this.used > 0) this.chunks.push(this.buf.subarray(0, this.used));
    this.buf = NONE;
    this.used = 0;
    return this.chunks.splice(0);
  }

  private next(need: number): void {
    if (this.used > 0) this.chunks.push(this.buf.subarray(0, this.used));
    const reuse = need <= CHUNK ? this.spare.pop() : undefined;
    this.buf = reuse ? Buffer.from(reuse) : Buffer.allocUnsafe(Math.max(need, CHUNK));
    this.used = 0;
  }
}
