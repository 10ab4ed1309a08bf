// The scenario's cast, derived from the seed: coldkeys (whales and retail), validator hotkeys with their
// owners, subnet owners. Keys are ed25519 signed with node's native crypto (the node's `Ed25519Signer`),
// derived once and cached; genesis funds them so no faucet traffic is needed.
import { u8aToHex } from "@polkadot/util";
import { Ed25519Signer } from "../node/signer";
import { Prng, taoToRao } from "./prng";

export interface Cold {
  index: number;
  signer: Ed25519Signer;
  whale: boolean;
  /** Genesis balance in rao. */
  funds: bigint;
}

export interface Validator {
  index: number;
  hot: Ed25519Signer;
  owner: Cold;
  /** Subnets this validator registers on (indexes into the scenario's subnet list, resolved later). */
  homes: number;
}

export interface Cast {
  colds: Cold[];
  validators: Validator[];
  /** Coldkeys that register subnets (each one its own owner hotkey). */
  owners: Cold[];
  byPublicKey: Map<string, Cold>;
  /** Every key genesis must fund, with its balance. */
  genesisAccounts: Array<{ id: Uint8Array; free: bigint }>;
}

export interface CastOptions {
  seed: number;
  accounts: number;
  validators: number;
  owners: number;
}

export function buildCast(opts: CastOptions): Cast {
  const rng = new Prng(opts.seed ^ 0x5eed_ca57);
  const key = (kind: string, i: number) =>
    Ed25519Signer.fromLabel(`taoview/scenario/${opts.seed}/${kind}/${i}`);
  const colds: Cold[] = [];
  const special = opts.validators + opts.owners;
  for (let i = 0; i < Math.max(opts.accounts, special); i++) {
    // Validator owners and subnet owners are whales; ~2% of the rest too, the others retail (log-normal).
    const whale = i < special || rng.chance(0.02);
    const tao = whale ? 20_000 + rng.pareto(10_000, 1.3) : rng.logNormal(200, 1.2);
    colds.push({ index: i, signer: key("cold", i), whale, funds: taoToRao(Math.min(tao, 5_000_000)) });
  }
  const validators: Validator[] = [];
  for (let v = 0; v < opts.validators; v++)
    validators.push({
      index: v,
      hot: key("validator-hot", v),
      owner: colds[v] as Cold,
      homes: 4 + rng.int(8),
    });
  const owners = colds.slice(opts.validators, special);
  const byPublicKey = new Map<string, Cold>();
  for (const c of colds) byPublicKey.set(u8aToHex(c.signer.publicKey), c);
  const genesisAccounts = [
    ...colds.map((c) => ({ id: c.signer.publicKey, free: c.funds })),
    // Validator hotkeys sign set_weights and pay its fee.
    ...validators.map((v) => ({ id: v.hot.publicKey, free: 1_000n * 1_000_000_000n })),
  ];
  return { colds, validators, owners, byPublicKey, genesisAccounts };
}
