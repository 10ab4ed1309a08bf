import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  bisectSpecSegments,
  createRuntime,
  decodeStorageValue,
  fetchRawBlock,
  findStorageEntry,
  type Hex,
  headerHash,
  RawBlockError,
  type RawHeader,
  type Runtime,
  RuntimeProvider,
  rpcSpecProbe,
  unwrapOpaqueMetadata,
} from "../../indexer/decode";
import { type Recording, ReplayRpcClient, RpcError } from "../../indexer/rpc";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const finney = path.resolve(repoRoot, "../shared/fixtures/finney");
const present = existsSync(path.join(finney, "rpc/bittensor-sdk-ws-finney.json"));
if (!present)
  console.warn(`[finney-replay] skipped: ${finney} is absent (shared Finney fixtures not mounted)`);

interface IndexEntry {
  number: number;
  hash: Hex;
  parentHash: Hex;
  specVersion: number;
  sources: string[];
}

const load = () => {
  const seeds = JSON.parse(
    readFileSync(path.join(finney, "rpc/bittensor-sdk-ws-finney.json"), "utf8"),
  ) as Record<string, Recording>;
  const index = JSON.parse(readFileSync(path.join(finney, "rpc/headers-index.json"), "utf8")) as IndexEntry[];
  return { seeds, index };
};

const METADATA_FILES: [string, number][] = [
  ["spec315-v14.state_getMetadata.hex", 315],
  ["spec315-v15.metadata_at_version.hex", 315],
  ["spec320-v14.state_getMetadata.hex", 320],
  ["spec320-v15.metadata_at_version.hex", 320],
  ["spec343-v14.state_getMetadata.hex", 343],
  ["spec343-v15.metadata_at_version.hex", 343],
  ["spec365-v16.scale", 365],
  ["spec393-v15.metadata_at_version.hex", 393],
  ["spec393-v16.scale", 393],
];

function metadataBytes(file: string): Uint8Array {
  const p = path.join(finney, "metadata", file);
  if (file.endsWith(".scale")) return readFileSync(p);
  const text = readFileSync(p, "utf8").trim();
  if (file.includes("metadata_at_version")) return unwrapOpaqueMetadata(text)!;
  return Uint8Array.from(Buffer.from(text.slice(2), "hex"));
}

const runtimes = new Map<number, Runtime>();
function runtimeFor(spec: number): Runtime {
  let rt = runtimes.get(spec);
  if (!rt) {
    const file = METADATA_FILES.find(([f, s]) => s === spec && f.includes("v15"))?.[0];
    rt = createRuntime(metadataBytes(file!));
    runtimes.set(spec, rt);
  }
  return rt;
}

describe.skipIf(!present)("Finney recordings through the decode path", () => {
  it("every metadata file builds a runtime of the spec its name says", () => {
    for (const [file, spec] of METADATA_FILES) {
      const rt = createRuntime(metadataBytes(file));
      expect(rt.specVersion, file).toBe(spec);
      expect(rt.specName).toBe("node-subtensor");
      expect(rt.eventRecordType).toMatch(/^Lookup\d+$/);
    }
  });

  it("every recorded header hashes (blake2-256 of its SCALE encoding) to its recorded hash", () => {
    const { seeds, index } = load();
    let checked = 0;
    for (const entry of index) {
      for (const source of entry.sources) {
        const seed = seeds[source.split("#")[1]!]!;
        const reply = Object.entries(seed.chain_getHeader ?? {}).find(
          ([, r]) => "result" in r && (r.result as RawHeader).parentHash === entry.parentHash,
        );
        expect(reply, `${entry.number} in ${source}`).toBeDefined();
        const header = (reply![1] as { result: RawHeader }).result;
        expect(Number.parseInt(header.number, 16)).toBe(entry.number);
        expect(headerHash(header)).toBe(entry.hash);
        checked++;
      }
    }
    expect(checked).toBe(index.reduce((n, e) => n + e.sources.length, 0));
    expect(index.length).toBeGreaterThanOrEqual(40);
  });

  it("recorded parent runtime versions agree with the index's per-block spec (block decoded with parent's runtime)", () => {
    const { seeds, index } = load();
    const client = new ReplayRpcClient(Object.values(seeds));
    let compared = 0;
    return (async () => {
      for (const entry of index) {
        if (!client.has("state_getRuntimeVersion", [entry.parentHash])) continue;
        let version: { specVersion: number };
        try {
          version = await client.call("state_getRuntimeVersion", [entry.parentHash]);
        } catch (error) {
          // retry_archive recorded a pruned node's refusal first, then the archive's answer.
          expect(error).toBeInstanceOf(RpcError);
          expect((error as RpcError).code).toBe(4003);
          version = await client.call("state_getRuntimeVersion", [entry.parentHash]);
        }
        expect(version.specVersion, `block ${entry.number}`).toBe(entry.specVersion);
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(30);
    })();
  });

  it("bisection over the recorded blocks finds each spec change between the right neighbours", async () => {
    const { seeds, index } = load();
    const client = new ReplayRpcClient(Object.values(seeds));
    // The recordings hold no contiguous range, so bisect over the sorted recorded points instead of
    // block numbers: points are parents whose runtime version was recorded (number - 1 → parentHash).
    const points = new Map<number, Hex>();
    for (const e of index) {
      if (client.has("state_getRuntimeVersion", [e.parentHash])) points.set(e.number - 1, e.parentHash);
    }
    const numbers = [...points.keys()].sort((a, b) => a - b);
    numbers.forEach((n) => {
      client.record("chain_getBlockHash", [n], { result: points.get(n) });
    });
    // Drain the archived "State already discarded" turn first.
    await client.call("state_getRuntimeVersion", [points.get(5752018)]).catch(() => undefined);
    const probe = rpcSpecProbe(client);
    const segments = await bisectSpecSegments(
      async (idx) => probe(idx.map((i) => numbers[i]!)),
      0,
      numbers.length - 1,
    );
    const specs = segments.segments.map((s) => s.specVersion);
    expect(specs).toEqual([273, 274, 315, 320, 343]);
    numbers.forEach((n, i) => {
      const expected = index.find((e) => e.number - 1 === n)!.specVersion;
      expect(segments.stateSpecAt(i)).toBe(expected);
    });
    // Bisection asked for far fewer versions than there are points.
    expect(client.calls.get("state_getRuntimeVersion")! - 1).toBeLessThan(numbers.length);
  });

  it("decodes recorded storage values with the metadata of their spec, byte-exact", () => {
    const { seeds, index } = load();
    const specOfSeed = (seed: Recording): number | null => {
      const head = seed.chain_getHead?.["[]"];
      if (!head || !("result" in head)) return null;
      return index.find((e) => e.hash === head.result)?.specVersion ?? null;
    };
    let decoded = 0;
    const seen = new Set<string>();
    for (const [name, seed] of Object.entries(seeds)) {
      const spec = specOfSeed(seed);
      if (spec === null || ![315, 320, 343].includes(spec)) continue;
      const rt = runtimeFor(spec);
      for (const [params, reply] of Object.entries(seed.state_getStorageAt ?? {})) {
        if (!("result" in reply) || reply.result === null) continue;
        const key = JSON.parse(params)[0] as Hex;
        const out = decodeStorageValue(rt, key, reply.result as Hex);
        seen.add(`${out.pallet}.${out.item}`);
        decoded++;
        if (out.item === "SubnetworkN") expect(typeof out.value, name).toBe("number");
      }
      for (const reply of Object.values(seed.state_queryStorageAt ?? {})) {
        if (!("result" in reply)) continue;
        for (const set of reply.result as { changes: [Hex, Hex | null][] }[]) {
          for (const [key, value] of set.changes) {
            if (value === null) continue;
            const out = decodeStorageValue(rt, key, value);
            seen.add(`${out.pallet}.${out.item}`);
            decoded++;
            if (out.pallet === "Swap" && out.item === "AlphaSqrtPrice") {
              // U64F64 fixed point: exact bits as a decimal string, never a float.
              expect(out.value).toEqual({ bits: expect.stringMatching(/^\d+$/) });
            }
          }
        }
      }
    }
    expect(seen.has("Swap.AlphaSqrtPrice")).toBe(true);
    expect(seen.has("SubtensorModule.SubnetworkN")).toBe(true);
    expect(decoded).toBeGreaterThan(100);
  });

  it("names storage keys from metadata and rejects a value with trailing bytes", () => {
    const rt = runtimeFor(315);
    const key = "0x658faa385070e074c85bf6b568cf0555a1048e9d244171852dfe8db314dc68ca0100" as Hex;
    expect(findStorageEntry(rt, key)?.pallet).toBe("SubtensorModule");
    expect(() => decodeStorageValue(rt, key, "0x0100000000" as Hex)).toThrow(/decoded .* of 5 bytes/);
  });

  it("fetches metadata once per spec via Metadata_metadata_at_version, falling back to state_getMetadata", async () => {
    const { seeds } = load();
    const client = new ReplayRpcClient(Object.values(seeds));
    const at343 = "0x7348409fe36728fa2ac7f0886346fd35b79804d294046d152ba1baccd9d0be3a";
    const at320 = "0xb5a3b72cc914b520a12e45e9f73fc3076b86fbae1be20b191fb7da4967c6ac47";
    const v15 = readFileSync(
      path.join(finney, "metadata/spec343-v15.metadata_at_version.hex"),
      "utf8",
    ).trim();
    const v14 = readFileSync(path.join(finney, "metadata/spec320-v14.state_getMetadata.hex"), "utf8").trim();
    client.record("state_call", ["Metadata_metadata_at_version", "0x0f000000", at343], { result: v15 });
    client.record("state_call", ["Metadata_metadata_at_version", "0x0f000000", at320], { result: "0x00" });
    client.record("state_getMetadata", [at320], { result: v14 });
    const provider = new RuntimeProvider(client);
    const a = await provider.get(343, at343);
    const b = await provider.get(343, at343);
    expect(a).toBe(b);
    expect(a.metadata.version).toBe(15);
    const c = await provider.get(320, at320);
    expect(c.metadata.version).toBe(14);
    expect(provider.fetches).toBe(2);
    await expect(provider.get(315, at343)).rejects.toThrow(/is spec 343, expected 315/);
  });

  it("rejects the recorded empty chain_getBlock reply with a clear error", async () => {
    const { seeds } = load();
    const client = new ReplayRpcClient(seeds.retry_archive!, {
      aliases: { state_getStorage: "state_getStorageAt" },
    });
    const hash = "0x0ba73c8d5a0b78f7336a3e394a2a1fa7b7dec0924937b1dfb05a50ac3dd5cfc1";
    client.record(
      "state_getStorageAt",
      ["0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7", hash],
      { result: null },
    );
    await expect(fetchRawBlock(client, 5752019)).rejects.toThrow(RawBlockError);
    await expect(fetchRawBlock(client, 5752019)).rejects.toThrow(/malformed header/);
  });
});
