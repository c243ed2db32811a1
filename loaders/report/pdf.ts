/**
 * The report as one PDF: every page of the built site, in the sidebar's
 * order, printed by headless Chromium with the print stylesheet (each site
 * page starts a new sheet), then joined with pdf-lib.
 */
import {PDFDocument} from "pdf-lib";
import {serveStatic} from "./static-server.ts";
import {launchChromium} from "./chromium.ts";

export interface PdfOptions {
  /** the built site */
  dist: string;
  /** site paths in order, e.g. ["/", "/sources"] */
  pages: string[];
}

export async function printSite(options: PdfOptions): Promise<Uint8Array> {
  const {server, origin} = await serveStatic(options.dist);
  const browser = await launchChromium();
  try {
    const merged = await PDFDocument.create();
    for (const path of options.pages) {
      const page = await browser.newPage();
      await page.route("**/*", (route) => (route.request().url().startsWith(origin) || route.request().url().startsWith("data:") ? route.continue() : route.abort()));
      await page.goto(`${origin}${path}`, {waitUntil: "networkidle"});
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
      await page.emulateMedia({media: "print"});
      const bytes = await page.pdf({format: "A4", printBackground: true, margin: {top: "15mm", bottom: "15mm", left: "12mm", right: "12mm"}});
      const part = await PDFDocument.load(bytes);
      for (const sheet of await merged.copyPages(part, part.getPageIndices())) merged.addPage(sheet);
      await page.close();
    }
    // fixed dates: the same site gives the same PDF
    merged.setCreationDate(new Date(0));
    merged.setModificationDate(new Date(0));
    merged.setProducer("Assay");
    merged.setCreator("Assay");
    return await merged.save();
  } finally {
    await browser.close();
    server.close();
  }
}
