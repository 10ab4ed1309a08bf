import { u8aToHex } from "@polkadot/util";
import { RpcError } from "../rpc/errors";
import type { RpcClient } from "../rpc/types";
import {
  type ChainProperties,
  createRuntime,
  type Hex,
  type Runtime,
  SUBTENSOR_PROPERTIES,
  unwrapOpaqueMetadata,
} from "./runtime";

/** SCALE u32 15: ask for metadata V15, which carries runtime-API and type names V14 lacks. */
export const METADATA_V15_ARG = "0x0f000000";

/**
 * Raw metadata of the runtime whose *state* is at `blockHash`. Tries `Metadata_metadata_at_version(15)`
 * and falls back to `state_getMetadata` on runtimes that lack the API or answer None.
 */
export async function fetchMetadataBytes(client: RpcClient, blockHash: Hex): Promise<Uint8Array> {
  try {
    const reply = await client.call<string>("state_call", [
      "Metadata_metadata_at_version",
      METADATA_V15_ARG,
      blockHash,
    ]);
    const bytes = unwrapOpaqueMetadata(reply);
    if (bytes) return bytes;
  } catch (error) {
    if (!(error instanceof RpcError)) throw error;
  }
  const hex = await client.call<string>("state_getMetadata", [blockHash]);
  if (typeof hex !== "string" || !hex.startsWith("0x6d657461")) {
    throw new Error(`state_getMetadata at ${blockHash} did not return metadata`);
  }
  return Uint8Array.from(Buffer.from(hex.slice(2), "hex"));
}

/**
 * Persistent metadata per spec version. The database layer implements this (one row per spec) so a restart
 * or another backfill process never fetches the same metadata twice.
 */
export interface MetadataStore {
  get(specVersion: number): Promise<Hex | null>;
  put(specVersion: number, metadata: Hex): Promise<void>;
}

export class MemoryMetadataStore implements MetadataStore {
  readonly entries = new Map<number, Hex>();
  async get(specVersion: number): Promise<Hex | null> {
    return this.entries.get(specVersion) ?? null;
  }
  async put(specVersion: number, metadata: Hex): Promise<void> {
    this.entries.set(specVersion, metadata);
  }
}

export interface RuntimeProviderOptions {
  store?: MetadataStore;
  properties?: ChainProperties;
  /** Runtimes kept built in memory (each holds a full type registry). */
  maxLoaded?: number;
}

/**
 * Runtime per spec version: memory → store → node (fetched once at a block whose state runs that spec,
 * checked against the spec the metadata itself declares).
 */
export class RuntimeProvider {
  readonly #client: RpcClient;
  readonly #store: MetadataStore;
  readonly #properties: ChainProperties;
  readonly #max: number;
  readonly #loaded = new Map<number, Promise<Runtime>>();
  /** Metadata fetches from the node, for tests and metrics. */
  fetches = 0;

  constructor(client: RpcClient, opts: RuntimeProviderOptions = {}) {
    this.#client = client;
    this.#store = opts.store ?? new MemoryMetadataStore();
    this.#properties = opts.properties ?? SUBTENSOR_PROPERTIES;
    this.#max = opts.maxLoaded ?? 4;
  }

  /** `stateHash` must be a block whose post-state runs `specVersion` (for block N: its parent's hash). */
  get(specVersion: number, stateHash: Hex): Promise<Runtime> {
    const hit = this.#loaded.get(specVersion);
    if (hit) {
      this.#loaded.delete(specVersion);
      this.#loaded.set(specVersion, hit);
      return hit;
    }
    const loading = this.#load(specVersion, stateHash);
    this.#loaded.set(specVersion, loading);
    loading.catch(() => this.#loaded.delete(specVersion));
    while (this.#loaded.size > this.#max) {
      const oldest = this.#loaded.keys().next().value as number;
      this.#loaded.delete(oldest);
    }
    return loading;
  }

  async #load(specVersion: number, stateHash: Hex): Promise<Runtime> {
    const stored = await this.#store.get(specVersion);
    if (stored) return createRuntime(stored, this.#properties);
    this.fetches++;
    const bytes = await fetchMetadataBytes(this.#client, stateHash);
    const runtime = createRuntime(bytes, this.#properties);
    if (runtime.specVersion !== specVersion) {
      throw new Error(`metadata at ${stateHash} is spec ${runtime.specVersion}, expected ${specVersion}`);
    }
    await this.#store.put(specVersion, u8aToHex(bytes) as Hex);
    return runtime;
  }
}
