// Decoding extrinsics and checking what Finney's signed extensions put in the signing payload:
// CheckSpecVersion, CheckTxVersion, CheckGenesis, CheckMortality (birth block hash), CheckMetadataHash (mode 0)
// and the sr25519/ed25519 signature over it. Nonce, weight and fee checks are the runtime's (compose.ts).

import { createPublicKey, type KeyObject, verify as nodeVerify } from "node:crypto";
import type { TypeRegistry } from "@polkadot/types";
import type { Call, Extrinsic, ExtrinsicSignatureV4 } from "@polkadot/types/interfaces";
import { u8aToHex } from "@polkadot/util";
import { blake2AsU8a, sr25519Verify } from "@polkadot/util-crypto";
import { type CheckedExtrinsic, TransactionRejected } from "./types";

/** The extrinsic bytes do not decode (RPC error 1001 "Extrinsic has invalid format"). */
export class BadFormat extends Error {}

export interface CheckEnv {
  genesisHash: Uint8Array;
  specVersion: number;
  transactionVersion: number;
  /** Number of the block the transaction would be included in (best + 1). */
  currentNumber: number;
  /** Canonical block hash at `number`, if known. */
  blockHashAt(number: number): Uint8Array | undefined;
}

export function decodeExtrinsic(registry: TypeRegistry, bytes: Uint8Array): Extrinsic {
  let xt: Extrinsic;
  try {
    xt = registry.createType("Extrinsic", bytes);
  } catch (e) {
    throw new BadFormat(`Could not decode extrinsic: ${(e as Error).message}`);
  }
  if (xt.encodedLength !== bytes.length) throw new BadFormat("Extrinsic has trailing bytes");
  return xt;
}

export function extrinsicHash(bytes: Uint8Array): string {
  return u8aToHex(blake2AsU8a(bytes));
}

/** Decodes and verifies an extrinsic; throws BadFormat or TransactionRejected. */
export function checkExtrinsic(registry: TypeRegistry, bytes: Uint8Array, env: CheckEnv): CheckedExtrinsic {
  const xt = decodeExtrinsic(registry, bytes);
  const call = registry.createType("Call", xt.method.toU8a()) as Call;
  const hash = extrinsicHash(bytes);
  if (!xt.isSigned) return { bytes, hash, call, nonce: 0, tip: 0n };

  const sig = (xt.inner as unknown as { signature: ExtrinsicSignatureV4 }).signature;
  const who = accountOf(xt.signer);
  if (!who) throw new TransactionRejected("BadSigner");
  if (who.every((b) => b === 0)) throw new TransactionRejected("BadSigner"); // CheckNonZeroSender

  const era = xt.era;
  let birthHash: Uint8Array | undefined;
  if (era.isImmortalEra) birthHash = env.genesisHash;
  else {
    const birth = era.asMortalEra.birth(env.currentNumber);
    birthHash = birth < env.currentNumber ? env.blockHashAt(birth) : undefined;
    if (!birthHash) throw new TransactionRejected("AncientBirthBlock");
  }
  const mode = xt.mode?.toNumber() ?? 0;
  if (mode !== 0) throw new TransactionRejected("BadProof"); // we publish no metadata hash to check against

  const payload = registry.createType(
    "ExtrinsicPayload",
    {
      method: xt.method.toHex(),
      era: xt.era,
      nonce: xt.nonce,
      tip: xt.tip,
      mode: 0,
      metadataHash: null,
      specVersion: env.specVersion,
      transactionVersion: env.transactionVersion,
      genesisHash: env.genesisHash,
      blockHash: birthHash,
    },
    { version: xt.version & 0x7f },
  );
  const raw = payload.toU8a({ method: true });
  const message = raw.length > 256 ? blake2AsU8a(raw) : raw;
  const multi = sig.multiSignature as unknown as {
    isSr25519: boolean;
    isEd25519: boolean;
    asSr25519: { toU8a(): Uint8Array };
    asEd25519: { toU8a(): Uint8Array };
  };
  let ok = false;
  try {
    // Malformed signatures/keys make the verifiers throw; that is a bad proof, not a node error.
    ok = multi.isSr25519
      ? sr25519Verify(message, multi.asSr25519.toU8a(), who)
      : multi.isEd25519
        ? ed25519VerifyNative(message, multi.asEd25519.toU8a(), who)
        : false;
  } catch {
    ok = false;
  }
  if (!ok) throw new TransactionRejected("BadProof");
  return {
    bytes,
    hash,
    call,
    signer: who,
    nonce: xt.nonce.toNumber(),
    tip: BigInt(xt.tip.toString()),
  };
}

/** The 32-byte account of a MultiAddress::Id / AccountId codec; undefined for other address kinds. */
export function accountOf(address: {
  toU8a(): Uint8Array;
  type?: string;
  value?: { toU8a(): Uint8Array };
}): Uint8Array | undefined {
  if (address.type === undefined) {
    const raw = address.toU8a();
    return raw.length === 32 ? raw : undefined;
  }
  return address.type === "Id" && address.value ? address.value.toU8a() : undefined;
}

const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const edKeys = new Map<string, KeyObject>();

/** Ed25519 verification with node's native crypto (RFC 8032, same result as @polkadot's, ~20x faster). */
export function ed25519VerifyNative(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  const id = Buffer.from(publicKey).toString("hex");
  let key = edKeys.get(id);
  if (!key) {
    if (edKeys.size > 100_000) edKeys.clear();
    key = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
      format: "der",
      type: "spki",
    });
    edKeys.set(id, key);
  }
  return nodeVerify(null, message, key, signature);
}
