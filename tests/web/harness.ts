// Shared by the browser suites: a page that records console errors, failed responses and page errors.
import type { BrowserContext, Page } from "playwright-core";

export interface WatchedPage {
  page: Page;
  errors: string[];
}

export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    // Failed loads are reported with their URL by the response listener below.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { page, errors };
}

export async function waitForIndexed(url: string, atLeast: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const stats = (await (await fetch(`${url}/api/v1/stats`)).json()) as {
        indexed: { head: number | null };
      };
      if ((stats.indexed.head ?? -1) >= atLeast) return stats.indexed.head!;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`indexer did not reach block ${atLeast} in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
