import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const DEMO_PASSWORD = "e2e-demo-password";
export const SCREENSHOTS = join(process.cwd(), "test-results", "screenshots");

export interface E2EServer {
  url: string;
  close(): Promise<void>;
}

/** Chorus as a user runs it: `chorus start --demo` on a fresh embedded database. */
export async function startServer(port: number): Promise<E2EServer> {
  if (!existsSync("app/dist/index.html")) {
    const build = spawnSync("npm", ["run", "build:app"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("building the web app failed");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "chorus-e2e-"));
  const child: ChildProcess = spawn("node", ["bin/chorus.mjs", "start", "--demo"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      NATS_URL: "",
      CHORUS_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      CHORUS_DEMO_PASSWORD: DEMO_PASSWORD,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  // Ready once the demo credentials are printed (the organisation exists then).
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Every demo user's password")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async close() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function logIn(page: Page, url: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${url}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
