/**
 * Debian's Chromium, driven by playwright-core, over a static server of
 * dist/ on 127.0.0.1. Every request the page makes is recorded, and any
 * request to another host is refused and reported.
 */
import type {Browser, Page} from "playwright-core";
import {serveStatic} from "../../loaders/report/static-server.ts";
import {launchChromium} from "../../loaders/report/chromium.ts";

/** Serves a folder as Framework's built site expects. */
export const serve = serveStatic;

export const launch = launchChromium;

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

/**
 * The page's title (its first h1) once rendered: a title written from the page's data
 * (`# ${meta.title}`) is empty until the data has loaded and the cell has run, which on a
 * busy machine can be after the network is idle. Empty if none renders within `timeout` ms.
 */
export async function renderedTitle(page: Page, timeout = 20_000): Promise<string> {
  const title = page.locator("h1").filter({hasText: /\S/}).first();
  await title.waitFor({timeout}).catch(() => {});
  return (await page.locator("h1").first().textContent({timeout}).catch(() => null)) ?? "";
}

export interface OpenSite {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** A built site served on 127.0.0.1 and a browser to visit it; `close()` stops both. */
export async function openSite(root: string): Promise<OpenSite> {
  const {server, origin} = await serve(root);
  const browser = await launch();
  return {
    browser,
    origin,
    async close() {
      await browser.close();
      server.close();
    }
  };
}
