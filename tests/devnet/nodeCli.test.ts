// `npm run devnet`: prints one ready line, serves the pre-built history, upgrades the runtime where asked,
// produces blocks on dev_newBlock in --manual mode and exits cleanly on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRpc } from "../../devnet/node/testing/harness";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const READY = /^devnet listening on ws:\/\/127\.0\.0\.1:(\d+) \(http same port\), head #(\d+)$/m;

type Reply = { result?: unknown; error?: unknown };

describe("devnet CLI", () => {
  let child: ChildProcess;
  let url = "";
  let output = "";

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "devnet/cli.ts",
        "--port",
        "0",
        "--history",
        "40",
        "--manual",
        "--upgrade-at",
        "30",
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!READY.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`devnet did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const m = READY.exec(output) as RegExpExecArray;
    expect(m[2]).toBe("40");
    url = `http://127.0.0.1:${m[1]}`;
  });
  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  const rpc = async (method: string, params: unknown[] = []) =>
    ((await httpRpc(url, { jsonrpc: "2.0", id: 1, method, params })) as Reply).result;

  it("serves the pre-built chain and upgrades the runtime at the requested block", async () => {
    const header = (await rpc("chain_getHeader")) as { number: string };
    expect(Number(header.number)).toBe(40);
    const spec = async (n: number) =>
      (
        (await rpc("state_getRuntimeVersion", [await rpc("chain_getBlockHash", [n])])) as {
          specVersion: number;
        }
      ).specVersion;
    expect(await spec(29)).toBe(393);
    expect(await spec(30)).toBe(394);
    expect(await rpc("system_properties")).toEqual({ ss58Format: 42, tokenDecimals: 9, tokenSymbol: "TAO" });
  });

  it("produces blocks only on dev_newBlock in manual mode", async () => {
    await new Promise((r) => setTimeout(r, 300));
    expect(Number(((await rpc("chain_getHeader")) as { number: string }).number)).toBe(40);
    const hash = await rpc("dev_newBlock", [{ count: 2 }]);
    expect(await rpc("chain_getBlockHash", [42])).toBe(hash);
  });

  it("shuts down cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
