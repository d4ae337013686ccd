/**
 * Splits a byte stream into lines without ever holding more than one line (capped at maxBytes).
 * Works on Buffers so multi-byte UTF-8 characters split across chunks are never cut, and so the
 * caller can decode each line strictly (invalid UTF-8 becomes a per-line error, not mojibake).
 */
export interface RawLine {
  line: number;
  bytes: Buffer;
  /** Set when the line exceeded maxBytes; `bytes` is then empty. */
  tooLong?: boolean;
}

export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private line = 1;
  private skipping = false;

  constructor(private readonly maxBytes = 1024 * 1024) {}

  push(chunk: Buffer): RawLine[] {
    const out: RawLine[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!this.skipping) {
        this.parts.push(chunk.subarray(start, end));
        this.size += end - start;
        if (this.size > this.maxBytes) {
          out.push({ line: this.line, bytes: Buffer.alloc(0), tooLong: true });
          this.parts = [];
          this.size = 0;
          this.skipping = true;
        }
      }
      if (nl === -1) break;
      if (!this.skipping) out.push({ line: this.line, bytes: this.take() });
      this.skipping = false;
      this.line++;
      start = nl + 1;
    }
    // Copy the carried tail: a subarray would pin the whole (possibly large) source chunk.
    if (this.parts.length > 0) {
      const tail = Buffer.concat(this.parts, this.size);
      this.parts = [tail];
    }
    return out;
  }

  end(): RawLine[] {
    if (this.skipping || this.size === 0) return [];
    return [{ line: this.line, bytes: this.take() }];
  }

  private take(): Buffer {
    const buf = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    // CRLF files: the CR belongs to the line ending, not the content.
    return buf.length > 0 && buf[buf.length - 1] === 13 ? buf.subarray(0, -1) : buf;
  }
}
