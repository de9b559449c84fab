import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';

/** Screenshots land here (the repository's tmp/ is ignored by git), for a CI job to keep as artifacts. */
export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'tmp', 'artifacts', 'dashboard');

/**
 * Headless Chromium from the @sparticuz/chromium package: no download, no `playwright install`.
 * Its arguments are made for AWS Lambda; without --single-process, closing one browser context
 * does not take the whole browser down with it.
 */
export async function launchBrowser(): Promise<Browser> {
  const args = chromium.args.filter((arg) => arg !== '--single-process');
  return playwright.launch({ executablePath: await chromium.executablePath(), args, headless: true });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Every URL the page asks for, WebSockets included, to check it talks to nothing but the gateway. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('websocket', (socket) => urls.push(socket.url()));
  return urls;
}
