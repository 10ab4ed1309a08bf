// Signing extrinsics inside the process (scenario drivers, the CLI's runtime upgrade) without an RPC round
// trip. The bytes are the same a wallet would produce: signed payload with Finney's extensions, immortal era.
import { createPrivateKey, createPublicKey, type KeyObject, sign as nodeSign } from "node:crypto";
import type { KeyringPair } from "@polkadot/keyring/types";
import type { Call, RuntimeVersion } from "@polkadot/types/interfaces";
import { compactToU8a, hexToU8a, stringCamelCase, stringToU8a, u8aConcat, u8aToHex } from "@polkadot/util";
import { blake2AsU8a } from "@polkadot/util-crypto";
import type { Chain } from "./chain";
import { readAccount } from "./runtime/system";
import type { CheckedExtrinsic } from "./types";

export interface SignOptions {
  /** Defaults to the account's nonce at the best block (pending pool transactions are not counted). */
  nonce?: number;
  tip?: bigint;
}

/**
 * A call of the runtime that will execute the next block, from its pallet/call names and arguments: either
 * positional (in metadata order) or an object keyed by the argument names, snake_case as in the metadata
 * (`amount_staked`) or camelCase (`amountStaked`). Each argument is encoded with its metadata type and the
 * call is created from those bytes: handing createType an object keyed by snake_case names silently encodes
 * multi-word arguments as zero, since @polkadot/types keys call args by their camelCase names.
 */
export function makeCall(
  chain: Chain,
  pallet: string,
  call: string,
  args: unknown[] | Record<string, unknown>,
): Call {
  const runtime = chain.runtimeAt(chain.best);
  const registry = runtime.codec.registry;
  const index = runtime.codec.callIndex(pallet, call);
  const { meta } = registry.findMetaCall(index);
  const fields = meta.fields;
  if (Array.isArray(args) && args.length !== fields.length)
    throw new Error(`${pallet}.${call} takes ${fields.length} arguments, got ${args.length}`);
  const parts = fields.map((f, i) => {
    let value: unknown;
    if (Array.isArray(args)) value = args[i];
    else {
      const snake = f.name.unwrapOr(undefined)?.toString() ?? String(i);
      const camel = stringCamelCase(snake);
      if (snake in args) value = args[snake];
      else if (camel in args) value = args[camel];
      else throw new Error(`${pallet}.${call}: missing argument ${snake}`);
    }
    // A nested call (sudo, utility.batch) passed already built: its bytes are its encoding.
    if (value && typeof value === "object" && "toU8a" in value && typeof value.toU8a === "function")
      return (value as { toU8a(): Uint8Array }).toU8a();
    return registry.createType(registry.createLookupType(f.type), value).toU8a();
  });
  return registry.createType("Call", u8aConcat(index, ...parts)) as Call;
}

/** SCALE bytes (with length prefix) of `call` signed by `pair`, ready for `chain.submit` or author_submitExtrinsic. */
export function signCall(chain: Chain, pair: KeyringPair, call: Call, opts: SignOptions = {}): Uint8Array {
  const runtime = chain.runtimeAt(chain.best);
  const registry = runtime.codec.registry;
  const nonce = opts.nonce ?? readAccount(runtime.codec, chain.reader(chain.best), pair.publicKey).nonce;
  const genesisHash = hexToU8a(chain.genesisHash);
  const xt = registry.createType("Extrinsic", call);
  xt.sign(pair, {
    blockHash: genesisHash,
    genesisHash,
    nonce,
    tip: opts.tip ?? 0n,
    era: registry.createType("ExtrinsicEra"),
    runtimeVersion: registry.createType<RuntimeVersion>("RuntimeVersion", {
      specVersion: runtime.version.specVersion,
      transactionVersion: runtime.version.transactionVersion,
    }),
    signedExtensions: registry.signedExtensions,
  });
  return xt.toU8a();
}

const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** An ed25519 account signing with node's native crypto: deterministic signatures, ~20x faster than wasm. */
export class Ed25519Signer {
  readonly publicKey: Uint8Array;
  private readonly key: KeyObject;

  constructor(seed: Uint8Array) {
    if (seed.length !== 32) throw new Error("ed25519 seed must be 32 bytes");
    this.key = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: "der",
      type: "pkcs8",
    });
    const spki = createPublicKey(this.key).export({ format: "der", type: "spki" });
    this.publicKey = new Uint8Array(spki.subarray(spki.length - 32));
  }

  /** Deterministic account for a scenario: seed = blake2-256(label). */
  static fromLabel(label: string): Ed25519Signer {
    return new Ed25519Signer(blake2AsU8a(stringToU8a(label)));
  }

  sign(message: Uint8Array): Uint8Array {
    return new Uint8Array(nodeSign(null, message, this.key));
  }
}

/**
 * Builds and signs an immortal extrinsic by hand (no createType on the hot path) for the runtime that
 * executes the next block. The bytes equal what @polkadot/api produces for the same ed25519 key; only the
 * extensions Finney's metadata carries are supported (others must be empty, as @polkadot/types assumes).
 */
export function fastSign(
  chain: Chain,
  signer: Ed25519Signer,
  call: Call,
  nonce: number,
  tip = 0n,
): CheckedExtrinsic {
  const runtime = chain.runtimeAt(chain.best);
  const registry = runtime.codec.registry;
  const genesis = hexToU8a(chain.genesisHash);
  const extra: Uint8Array[] = [];
  const additional: Uint8Array[] = [];
  for (const ext of registry.signedExtensions) {
    switch (ext) {
      case "CheckMortality":
        extra.push(IMMORTAL);
        additional.push(genesis);
        break;
      case "CheckNonce":
        extra.push(compactToU8a(nonce));
        break;
      case "ChargeTransactionPayment":
        extra.push(compactToU8a(tip));
        break;
      case "CheckMetadataHash":
        extra.push(MODE_DISABLED);
        additional.push(NONE);
        break;
      case "CheckSpecVersion":
        additional.push(u32(runtime.version.specVersion));
        break;
      case "CheckTxVersion":
        additional.push(u32(runtime.version.transactionVersion));
        break;
      case "CheckGenesis":
        additional.push(genesis);
        break;
      default:
        break; // empty extensions (CheckNonZeroSender, CheckWeight, subtensor's own)
    }
  }
  const callBytes = call.toU8a();
  const payload = u8aConcat(callBytes, ...extra, ...additional);
  const signature = signer.sign(payload.length > 256 ? blake2AsU8a(payload) : payload);
  const body = u8aConcat(SIGNED_V4, ID, signer.publicKey, ED25519, signature, ...extra, callBytes);
  const bytes = u8aConcat(compactToU8a(body.length), body);
  return { bytes, hash: u8aToHex(blake2AsU8a(bytes)), call, signer: signer.publicKey, nonce, tip };
}

const IMMORTAL = new Uint8Array([0]);
const MODE_DISABLED = new Uint8Array([0]);
const NONE = new Uint8Array([0]);
const SIGNED_V4 = new Uint8Array([0x84]);
const ID = new Uint8Array([0]);
const ED25519 = new Uint8Array([0]);

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}
