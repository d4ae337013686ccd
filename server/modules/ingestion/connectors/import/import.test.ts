import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CsvTokenizer } from "./csv-tokenizer";
import { type ImportOptions, type ImportProgress, type ImportRow, parseImport } from "./parse-import";
import { sniffColumns } from "./sniff";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../test/fixtures/connectors/import/${name}`, import.meta.url));
const now = () => new Date("2024-04-01T00:00:00Z");

/** Feeds the bytes in tiny chunks so every split point (mid-CRLF, mid-quote, mid-UTF-8) is exercised. */
function chunked(buf: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

async function collect(stream: Readable, options: Omit<ImportOptions, "now">) {
  const rows: ImportRow[] = [];
  for await (const row of parseImport(stream, { now, ...options })) rows.push(row);
  return rows;
}

const csvMapping = {
  text: "text",
  externalId: "id",
  createdAt: "date",
  authorHandle: "author",
  likes: "likes",
  language: "lang",
  url: "url",
};

describe("CsvTokenizer", () => {
  it("handles quotes, escaped quotes, empty fields, CR, LF, CRLF", () => {
    const t = new CsvTokenizer();
    const recs = [...t.push('a,"b,""c""",\r\n"x\ny",z\rlast,'), ...t.end()];
    expect(recs).toEqual([
      { line: 1, fields: ["a", 'b,"c"', ""] },
      { line: 2, fields: ["x\ny", "z"] },
      { line: 4, fields: ["last", ""] },
    ]);
  });

  it("flags junk after a closing quote and recovers from an unbalanced quote", () => {
    const t = new CsvTokenizer(",", 20);
    const recs = [...t.push('1,"ok"x\n2,"never closed\n3,more text that is long\n4,fine\n'), ...t.end()];
    expect(recs[0]).toMatchObject({ line: 1, error: expect.stringMatching(/after a closing quote/) });
    expect(recs[1]).toMatchObject({ line: 2, error: expect.stringMatching(/longer than 20 characters/) });
    expect(recs.at(-1)).toEqual({ line: 4, fields: ["4", "fine"] });
  });

  it("reports an unterminated quote at EOF", () => {
    const t = new CsvTokenizer();
    expect([...t.push('a\n"b\nc'), ...t.end()].at(-1)).toMatchObject({
      line: 2,
      error: expect.stringMatching(/unterminated/),
    });
  });
});

describe("parseImport CSV", () => {
  it.each([1, 3, 7, 4096])("maps rows, reports bad lines by start line (chunk size %i)", async (size) => {
    const progress: ImportProgress[] = [];
    const buf = fixture("sample.csv");
    const rows = await collect(chunked(buf, size), {
      format: "csv",
      mapping: csvMapping,
      totalBytes: buf.length,
      progressEveryBytes: 50,
      onProgress: (p) => progress.push(p),
    });
    expect(rows.map((r) => [r.line, r.post ? "ok" : "err"])).toEqual([
      [2, "ok"],
      [3, "ok"],
      [6, "err"],
      [7, "err"],
      [8, "err"],
      [9, "ok"],
      [10, "ok"],
    ]);
    const [a, b, , , , f] = rows;
    expect(a!.post).toMatchObject({
      channel: "import",
      externalId: "1",
      text: "Great coffee, really",
      createdAt: "2024-03-01T10:00:00.000Z",
      author: { handle: "@ana" },
      engagement: { likes: 12 },
      language: "en",
      url: "https://x.example/1",
    });
    expect(a!.post!.raw).toMatchObject({ id: "1", author: "@ana" });
    expect(b!.post).toMatchObject({
      text: 'Multi\nline "quoted"\ntext',
      createdAt: "2024-03-01T09:30:00.000Z",
      language: "pt",
    });
    expect(b!.post!.engagement).toEqual({ likes: 1200 });
    expect(b!.post!.url).toBeUndefined();
    expect(rows[2]!.error).toMatch(/createdAt: unrecognised date "not-a-date"/);
    expect(rows[3]!.error).toBe("expected 7 columns, got 8");
    expect(rows[4]!.error).toMatch(/text is empty/);
    expect(f!.post!.text).toBe("مرحبا 👋 e\u0301 <script>x</script>");
    expect(progress.at(-1)).toMatchObject({
      bytesRead: buf.length,
      totalBytes: buf.length,
      fraction: 1,
      rows: 4,
      errors: 3,
    });
    if (size < 50) expect(progress.length).toBeGreaterThan(3);
  });

  it("hashes content into an externalId when none is mapped (stable across runs)", async () => {
    const csv = Buffer.from("text\nhello\nhello\nworld\n");
    const run = async () =>
      (await collect(Readable.from([csv]), { format: "csv", mapping: { text: "text" } })).map(
        (r) => r.post!.externalId,
      );
    const ids = await run();
    expect(ids[0]).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(await run()).toEqual(ids);
  });

  it("stops with one error when the mapping names a missing column", async () => {
    const rows = await collect(Readable.from([Buffer.from("a,b\n1,2\n")]), {
      format: "csv",
      mapping: { text: "body" },
    });
    expect(rows).toEqual([{ line: 1, error: expect.stringMatching(/"body" not in the header \(a, b\)/) }]);
  });

  it("supports headerless files, other delimiters and NUL bytes", async () => {
    const rows = await collect(Readable.from([Buffer.from("x;he\u0000llo\ny;w\u0000\n")]), {
      format: "csv",
      header: false,
      delimiter: ";",
      mapping: { text: "2", externalId: "1" },
    });
    expect(rows.map((r) => r.post?.text)).toEqual(["hello", "w"]);
  });

  it("keeps going after a runaway quoted field", async () => {
    const body = `text\n"${"x".repeat(5000)}\nstill here\n`;
    const rows = await collect(Readable.from([Buffer.from(body)]), {
      format: "csv",
      mapping: { text: "text" },
      maxRecordBytes: 1000,
    });
    expect(rows[0]).toMatchObject({ line: 2, error: expect.stringMatching(/longer than 1000/) });
    expect(rows.at(-1)!.post?.text).toBe("still here");
  });
});

describe("parseImport JSONL", () => {
  const mapping = {
    text: "text",
    externalId: "id",
    createdAt: "created_at",
    authorHandle: "user.screen_name",
    authorFollowers: "user.followers",
    language: "lang",
  };

  it.each([1, 5, 4096])("maps objects and reports bad lines (chunk size %i)", async (size) => {
    const rows = await collect(chunked(fixture("sample.jsonl"), size), { format: "jsonl", mapping });
    expect(rows.map((r) => [r.line, r.post?.externalId ?? r.error])).toEqual([
      [1, "a1"],
      [3, "a2"],
      [4, expect.stringMatching(/^invalid JSON/)],
      [5, "expected a JSON object"],
      [6, expect.stringMatching(/text is empty/)],
      [7, "a5"],
      [8, "a6"],
      [9, "invalid UTF-8"],
      [10, "a8"],
    ]);
    expect(rows[0]!.post).toMatchObject({
      author: { handle: "ana", followers: 10 },
      createdAt: "2024-03-01T10:00:00.000Z",
    });
    expect(rows[1]!.post!.createdAt).toBe("2024-03-01T10:00:00.000Z");
    expect(rows[5]!.post!.text).toBe("שלום עולם");
    expect(rows[6]!.post!.createdAt).toBe("2024-04-01T00:00:00.000Z");
  });

  it("skips over-long lines without buffering them", async () => {
    const big = `{"id":"big","text":"${"y".repeat(200_000)}"}\n{"id":"small","text":"ok"}\n`;
    const rows = await collect(chunked(Buffer.from(big), 1000), {
      format: "jsonl",
      mapping: { text: "text" },
      maxRecordBytes: 10_000,
    });
    expect(rows[0]).toEqual({ line: 1, error: "line is longer than 10000 bytes; skipped" });
    expect(rows[1]!.post!.text).toBe("ok");
  });

  it("honours an abort signal", async () => {
    const ac = new AbortController();
    ac.abort(new Error("cancelled"));
    await expect(
      collect(Readable.from([Buffer.from('{"text":"x"}\n')]), {
        format: "jsonl",
        mapping: { text: "text" },
        signal: ac.signal,
      }),
    ).rejects.toThrow("cancelled");
  });
});

describe("sniffColumns", () => {
  it("detects CSV delimiter, columns and a mapping", () => {
    const r = sniffColumns(fixture("sample.csv"));
    expect(r).toMatchObject({
      format: "csv",
      delimiter: ",",
      columns: ["id", "date", "author", "text", "likes", "lang", "url"],
    });
    expect(r.suggestedMapping).toEqual({
      text: "text",
      externalId: "id",
      url: "url",
      authorHandle: "author",
      createdAt: "date",
      language: "lang",
      likes: "likes",
    });
    expect(sniffColumns("Tweet ID;Created At;Full Text\n1;2024-01-01;hi\n2;2024-01-02;yo\n")).toMatchObject({
      delimiter: ";",
      suggestedMapping: { externalId: "Tweet ID", createdAt: "Created At", text: "Full Text" },
    });
    expect(sniffColumns("a\tb\tc\n1\t2\t3\n").delimiter).toBe("\t");
  });

  it("detects JSONL keys including one level of nesting", () => {
    const r = sniffColumns(fixture("sample.jsonl").subarray(0, 150));
    expect(r.format).toBe("jsonl");
    expect(r.columns).toEqual(["id", "created_at", "user.screen_name", "user.followers", "text", "lang"]);
    expect(r.suggestedMapping).toMatchObject({
      text: "text",
      externalId: "id",
      createdAt: "created_at",
      language: "lang",
      authorFollowers: "user.followers",
    });
  });
});
