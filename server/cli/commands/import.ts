import { createReadStream, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { loadConfig } from "../../config/env";
import type { ColumnMapping } from "../../modules/ingestion/connectors/import/mapping";
import { sniffColumns } from "../../modules/ingestion/connectors/import/sniff";
import { importFile } from "../../modules/ingestion/useCases/importFile";
import { startRuntime } from "../../runtime";

function parseMapping(spec: string): ColumnMapping {
  const mapping: Record<string, string | string[]> = {};
  for (const pair of spec.split(",")) {
    const [field, column] = pair.split("=").map((s) => s.trim());
    if (!field || !column)
      throw new Error(
        `--map takes field=column pairs separated by commas, e.g. text=body,createdAt=date (got "${pair}")`,
      );
    mapping[field] = field === "text" && column.includes("+") ? column.split("+") : column;
  }
  if (!mapping.text) throw new Error("--map must say which column holds the text, e.g. text=body");
  return mapping as unknown as ColumnMapping;
}

export function registerImport(program: Command) {
  program
    .command("import")
    .description(
      "Import mentions from a CSV or JSONL/NDJSON file, with a progress bar; bad lines are listed by number",
    )
    .argument("<file>", "the file to import")
    .requiredOption("--organisation <slug>", "organisation slug to import into")
    .option("--format <format>", "csv or jsonl (default: guessed from the file)")
    .option(
      "--map <pairs>",
      "field=column pairs, e.g. text=body,createdAt=date,authorHandle=user (default: guessed from the header)",
    )
    .option("--delimiter <char>", "CSV delimiter (default: guessed)")
    .option("--date-order <order>", "dmy or mdy, for dates like 01/02/2024", "dmy")
    .action(
      async (
        file: string,
        options: {
          organisation: string;
          format?: string;
          map?: string;
          delimiter?: string;
          dateOrder: string;
        },
      ) => {
        const size = statSync(file).size;
        const sample = readFileSync(file, { encoding: "utf8", flag: "r" }).slice(0, 64 * 1024);
        const sniffed = sniffColumns(sample);
        const format = (options.format ?? sniffed.format) as "csv" | "jsonl";
        if (format !== "csv" && format !== "jsonl")
          throw new Error(`--format must be csv or jsonl, not "${options.format}"`);
        const mapping = options.map ? parseMapping(options.map) : (sniffed.suggestedMapping as ColumnMapping);
        if (!mapping.text) {
          throw new Error(
            `Cannot tell which column holds the text (columns: ${sniffed.columns.join(", ")}). Pass --map text=<column>.`,
          );
        }
        console.error(
          `Importing ${basename(file)} (${format}, ${(size / 1e6).toFixed(1)} MB) with mapping ${JSON.stringify(mapping)}`,
        );

        const runtime = await startRuntime({
          config: { ...loadConfig(), LOG_LEVEL: "warn" },
          web: false,
          workers: false,
          runSources: false,
        });
        try {
          const organisation = await runtime.ctx.db
            .selectFrom("organisations")
            .select("id")
            .where("slug", "=", options.organisation)
            .executeTakeFirst();
          if (!organisation) throw new Error(`No organisation with slug "${options.organisation}"`);
          const bar = new SingleBar({
            format:
              " {bar} {percentage}% | {value}/{total} MB | {rows} rows, {failed} bad | {eta_formatted} left",
            hideCursor: true,
          });
          bar.start(Math.max(0.1, Number((size / 1e6).toFixed(1))), 0, { rows: 0, failed: 0 });
          const summary = await importFile(runtime.ctx, {
            organisationId: organisation.id,
            actor: { userId: null, organisationId: organisation.id },
            fileName: basename(file),
            format,
            mapping,
            delimiter: options.delimiter ?? sniffed.delimiter,
            dateOrder: options.dateOrder === "mdy" ? "mdy" : "dmy",
            stream: createReadStream(file),
            totalBytes: size,
            onProgress: (p) =>
              bar.update(Number((p.bytesRead / 1e6).toFixed(1)), { rows: p.rowsOk, failed: p.rowsFailed }),
          });
          bar.stop();
          console.log(
            `${summary.status === "done" ? "Imported" : "Import failed after"} ${summary.rowsOk} rows; ${summary.rowsFailed} bad lines.`,
          );
          for (const error of summary.errors.slice(0, 20))
            console.log(`  line ${error.line}: ${error.message}`);
          if (summary.errors.length > 20)
            console.log(`  … and ${summary.rowsFailed - 20} more (see the import in the web app)`);
          if (summary.status === "failed") process.exitCode = 1;
        } finally {
          await runtime.close();
        }
      },
    );
}
