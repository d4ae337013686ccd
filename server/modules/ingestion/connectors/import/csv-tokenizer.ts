/**
 * Incremental RFC 4180 CSV tokenizer: feed it decoded text chunks, it returns the complete records
 * seen so far. Memory is bounded by one record (capped at maxRecordChars), never the file.
 *
 * Why not csv-parse: after a malformed record it either stops the stream or resynchronises
 * several records late, and it does not report where a multi-line record STARTED. Imports must
 * keep going past bad lines and point users at the right line.
 *
 * Leniency: a bare quote inside an unquoted field is kept as a literal; text after a closing quote
 * is kept but flags the record. CRLF, LF and lone CR all end a record; a UTF-8 BOM is the caller's
 * job (parse-import strips it). A record longer than maxRecordChars (usually an unbalanced quote
 * swallowing the file) is reported and skipped up to the next line break, where parsing resumes.
 */
export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
  error?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

// Tokenizer states (plain numbers: const enums do not survive isolatedModules tooling everywhere).
const S = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteInQuoted: 3, Skip: 4 } as const;
type State = (typeof S)[keyof typeof S];

export class CsvTokenizer {
  private state: State = S.FieldStart;
  private fields: string[] = [];
  private acc = "";
  private size = 0;
  private line = 1;
  private recordLine = 1;
  private lastWasCR = false;
  private error: string | undefined;
  private readonly delim: number;

  constructor(
    delimiter = ",",
    private readonly maxRecordChars = 1024 * 1024,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
      throw new Error(`Invalid CSV delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delim = delimiter.charCodeAt(0);
  }

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = chunk.length;
    const delim = this.delim;
    let seg = 0;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      // An LF right after a CR is the second half of CRLF: already counted, already ended the record.
      if (this.lastWasCR) {
        this.lastWasCR = false;
        if (c === LF) {
          // Inside quotes the LF is field content (kept via seg); elsewhere it is dropped.
          if (this.state !== S.Quoted) seg = i + 1;
          continue;
        }
      }
      switch (this.state) {
        case S.Skip:
          if (c === LF || c === CR) {
            this.newline(c);
            this.reset();
          }
          seg = i + 1;
          break;
        case S.FieldStart:
          if (this.fields.length === 0 && this.acc === "" && c !== LF && c !== CR)
            this.recordLine = this.line;
          if (c === QUOTE) {
            this.state = S.Quoted;
            seg = i + 1;
          } else if (c === delim) {
            this.pushField("");
            seg = i + 1;
          } else if (c === LF || c === CR) {
            // A line with no characters is skipped; a record that ended in a delimiter gets its last empty field.
            if (this.fields.length > 0) this.endRecord("", out);
            this.newline(c);
            seg = i + 1;
          } else {
            this.state = S.Unquoted;
            seg = i;
          }
          break;
        case S.Unquoted:
          if (c === delim) {
            this.pushField(this.acc + chunk.slice(seg, i));
            this.state = S.FieldStart;
            seg = i + 1;
          } else if (c === LF || c === CR) {
            this.endRecord(this.acc + chunk.slice(seg, i), out);
            this.newline(c);
            seg = i + 1;
          }
          break;
        case S.Quoted:
          if (c === QUOTE) {
            this.acc += chunk.slice(seg, i);
            this.state = S.QuoteInQuoted;
            seg = i + 1;
          } else if (c === LF || c === CR) {
            this.newline(c);
            // A quoted field this long is almost always a stray quote eating the file: give up on
            // the record here and resume at the next line, so only one row is lost.
            if (this.size + this.acc.length + (i - seg) > this.maxRecordChars) {
              out.push(this.tooLong());
              this.reset();
              seg = i + 1;
            }
          }
          break;
        case S.QuoteInQuoted:
          if (c === QUOTE) {
            this.acc += '"';
            this.state = S.Quoted;
            seg = i + 1;
          } else if (c === delim) {
            this.pushField(this.acc);
            this.state = S.FieldStart;
            seg = i + 1;
          } else if (c === LF || c === CR) {
            this.endRecord(this.acc, out);
            this.newline(c);
            seg = i + 1;
          } else {
            this.error ??= `unexpected character ${JSON.stringify(chunk[i])} after a closing quote`;
            this.state = S.Unquoted;
            seg = i;
          }
          break;
      }
    }
    if (this.state === S.Unquoted || this.state === S.Quoted) this.acc += chunk.slice(seg);
    if (this.state !== S.Skip && this.size + this.acc.length > this.maxRecordChars) {
      out.push(this.tooLong());
      this.fields = [];
      this.acc = "";
      this.size = 0;
      this.state = S.Skip;
    }
    return out;
  }

  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === S.Quoted) {
      out.push({ line: this.recordLine, fields: [], error: "unterminated quoted field at end of file" });
    } else if (this.state === S.Unquoted || this.state === S.QuoteInQuoted) {
      this.endRecord(this.acc, out);
    } else if (this.state === S.FieldStart && this.fields.length > 0) {
      this.endRecord("", out);
    }
    this.reset();
    return out;
  }

  private tooLong(): CsvRecord {
    return {
      line: this.recordLine,
      fields: [],
      error: `record is longer than ${this.maxRecordChars} characters (unbalanced quote?); skipped to the next line`,
    };
  }

  private newline(c: number) {
    this.line++;
    this.lastWasCR = c === CR;
  }

  private pushField(value: string) {
    this.fields.push(value);
    this.size += value.length;
    this.acc = "";
  }

  private endRecord(last: string, out: CsvRecord[]) {
    this.fields.push(last);
    out.push(
      this.error
        ? { line: this.recordLine, fields: this.fields, error: this.error }
        : { line: this.recordLine, fields: this.fields },
    );
    this.reset();
  }

  private reset() {
    this.fields = [];
    this.acc = "";
    this.size = 0;
    this.error = undefined;
    this.state = S.FieldStart;
  }
}
