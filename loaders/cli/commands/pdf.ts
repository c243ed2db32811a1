/** `assay pdf`: build the site if its inputs changed, then print every page into one PDF. */
import {writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {z} from "zod";
import type {Command} from "../command.ts";
import {PROJECT_ROOT} from "../../config/load.ts";
import {printSite} from "../../report/pdf.ts";
import {buildCommand} from "./build.ts";

const schema = z.object({
  positionals: z.array(z.string()).max(0, "pdf takes no file; use --out FILE"),
  config: z.string().optional(),
  out: z.string().optional()
});

export const pdfCommand: Command<z.infer<typeof schema>> = {
  name: "pdf",
  summary: "Build the report site and print it as one PDF (headless Chromium)",
  usage: "assay pdf [--config FILE] [--out FILE]",
  help: ["  -o, --out FILE      the PDF (default: report.pdf in the output folder)"],
  options: {out: {type: "string", short: "o"}},
  schema,
  async run(args, context) {
    const built = (await buildCommand.run({positionals: [], config: args.config, preview: false, force: false}, context)).document as {output: string; site: string};
    context.progress.step("Printing the report");
    const {default: site} = await import(resolve(PROJECT_ROOT, "observablehq.config.ts"));
    const pages = ["/", ...(site.pages as {path: string}[]).map((p) => p.path)];
    const bytes = await printSite({dist: built.site, pages});
    const out = resolve(args.out ?? join(built.output, "report.pdf"));
    writeFileSync(out, bytes);
    context.progress.done(out);
    context.print(out);
    return {document: {pdf: out, pages: pages.length, bytes: bytes.length}};
  }
};
