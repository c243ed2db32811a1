/**
 * Debian's Chromium, driven by playwright-core, over a static server of
 * dist/ on 127.0.0.1. Every request the page makes is recorded, and any
 * request to another host is refused and reported.
 */
import {createServer, type Server} from "node:http";
import {createReadStream, existsSync, statSync} from "node:fs";
import {extname, join, normalize} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".parquet": "application/octet-stream",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png"
};

/** Serves a folder as Framework's built site expects (clean URLs fall back to .html). */
export async function serve(root: string): Promise<{server: Server; origin: string}> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path) && existsSync(`${path}.html`)) path = `${path}.html`;
    if (!existsSync(path)) return void response.writeHead(404).end("not found");
    response.writeHead(200, {"content-type": TYPES[extname(path)] ?? "application/octet-stream"});
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no address");
  return {server, origin: `http://127.0.0.1:${address.port}`};
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
  });
}

export interface PageVisit {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  failedRequests: string[];
  dialogs: string[];
}

/** Opens a URL, recording console errors, uncaught errors, dialogs and requests to other hosts. */
export async function visit(browser: Browser, origin: string, path: string): Promise<PageVisit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const visit: PageVisit = {page, consoleErrors: [], pageErrors: [], foreignRequests: [], failedRequests: [], dialogs: []};
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    visit.foreignRequests.push(url);
    return route.abort();
  });
  page.on("console", (message) => {
    if (message.type() === "error") visit.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => visit.pageErrors.push(error.message));
  page.on("requestfailed", (request) => {
    if (request.url().startsWith(origin)) visit.failedRequests.push(request.url());
  });
  page.on("dialog", (dialog) => {
    visit.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${origin}${path}`, {waitUntil: "networkidle"});
  return visit;
}
