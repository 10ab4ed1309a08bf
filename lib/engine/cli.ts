// `npm run engine -- eval [--engine wasm|ref|both]`: JSON lines on stdin, one `{"ok": ...}` or `{"error": "..."}`
// line out per request. `both` runs the WASM and the reference engine and reports any disagreement as an error.

import { createInterface } from "node:readline";
import { loadEngineNode, referenceEngine } from "./node";
import { type EvalResult, evaluate, OPS, type OpContext } from "./ops";

const USAGE = `usage: npm run engine -- eval [--engine wasm|ref|both]
reads {"op": "...", "args": {...}} per line on stdin; ops: ${[...OPS.keys()].join(", ")}`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd !== "eval") {
    console.error(USAGE);
    return cmd === "--help" || cmd === "-h" ? 0 : 2;
  }
  let mode = "wasm";
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--engine" && rest[i + 1]) mode = rest[++i]!;
    else {
      console.error(`unknown argument ${rest[i]}\n${USAGE}`);
      return 2;
    }
  }
  if (!["wasm", "ref", "both"].includes(mode)) {
    console.error(`--engine must be wasm, ref or both\n${USAGE}`);
    return 2;
  }
  const wasm = mode === "ref" ? null : await loadEngineNode();
  const ctx: OpContext = { engine: wasm ?? referenceEngine, reference: referenceEngine, wasm };
  const refCtx: OpContext = { engine: referenceEngine, reference: referenceEngine, wasm };
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    if (line.trim() === "") continue;
    let result: EvalResult;
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch {
      process.stdout.write(`${JSON.stringify({ error: "request is not valid JSON" })}\n`);
      continue;
    }
    result = evaluate(ctx, request);
    if (mode === "both") {
      const ref = evaluate(refCtx, request);
      if (JSON.stringify(ref) !== JSON.stringify(result))
        result = {
          error: `engines disagree: wasm ${JSON.stringify(result)} vs reference ${JSON.stringify(ref)}`,
        };
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
