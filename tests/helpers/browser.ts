// Headless Debian Chromium driven by playwright-core (never a downloaded browser build).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { isCI } from "../../lib/config";

export const CHROMIUM = "/usr/bin/chromium";

/** Browser tests run when Chromium is installed; on CI its absence is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (isCI()) throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium package`);
  console.warn(`SKIP browser checks: ${CHROMIUM} not found (apt-get install -y chromium)`);
  return false;
}

export async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "taoview-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
