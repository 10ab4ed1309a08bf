/**
 * `distribute_emission` after an epoch (dtao-math §2.8), as amounts rather than storage writes: miner
 * incentives (withheld for the subnet owner's hotkeys → `MinerBurned`), the childkey split of each
 * validator's dividend, the alpha vs root split of dividends, validator takes and the owner cut.
 * All arithmetic in U96F32 like the chain (spec ≥ 411 rules: `CKBurn`, `MinerBurned`, `RecycleOrBurn`).
 */
import * as fx from "./fixed";

const { U96F32 } = fx;
const U64_MAX = (1n << 64n) - 1n;
const U16_MAX = 65_535n;
export const DEFAULT_DELEGATE_TAKE = 11_796;

export interface DistributeHotkey {
  /** Owning coldkey (`Owner[hotkey]`). */
  coldkey: string;
  /** `TotalHotkeyAlpha` on this subnet and on root (raw stakes, not inherited). */
  alphaStake: bigint;
  rootStake: bigint;
  /** `Delegates[hotkey]` (u16), default 11796. */
  take?: number;
  /** Effective childkey take (u16): `max(ChildkeyTake, effective minimum)`. */
  childkeyTake?: number;
  /** `ChildKeys[(hotkey, netuid)]`: (proportion of u64::MAX, child). */
  children?: [bigint, string][];
  /** `ParentKeys[(hotkey, netuid)]`: (proportion of u64::MAX, parent). */
  parents?: [bigint, string][];
}

export interface DistributeInput {
  pendingServer: bigint;
  pendingValidator: bigint;
  pendingRootAlpha: bigint;
  pendingOwnerCut: bigint;
  /** Epoch output per hotkey: (incentive, dividend) alpha, summed over mechanisms. */
  hotkeyEmission: { hotkey: string; incentive: bigint; dividend: bigint }[];
  hotkeys: Record<string, DistributeHotkey>;
  /** `TaoWeight` and `CKBurn` (u64 proportions). */
  taoWeight: bigint;
  ckBurn?: bigint;
  /** Hotkeys owned by the subnet owner's coldkey that hold a UID here (incl. `SubnetOwnerHotkey`). */
  ownerHotkeys?: string[];
  /** `SubnetOwnerHotkey` / `SubnetOwner`, when both are set the owner cut is staked to them. */
  ownerHotkey?: string | null;
  ownerColdkey?: string | null;
  /** `RecycleOrBurn` for withheld incentive (default burn). */
  recycleOrBurn?: "burn" | "recycle";
}

export interface DividendPayout {
  hotkey: string;
  /** Dividend share before the take, U96F32 bits. */
  amount: bigint;
  /** Staked to (hotkey, its coldkey). */
  take: bigint;
  /** Added to the hotkey's pool (alpha) or to `RootClaimable` (root), floored. */
  rest: bigint;
}

export interface DistributeResult {
  /** Incentives paid (staked) per hotkey; withheld ones are listed in `withheld`. */
  incentives: { hotkey: string; amount: bigint }[];
  withheld: { hotkey: string; amount: bigint }[];
  /** `MinerBurned` written for the subnet (U96F32 bits). */
  minerBurned: bigint;
  /** Alpha removed from `SubnetAlphaOut` (recycled incentive and childkey burn); burned alpha stays counted. */
  recycledAlpha: bigint;
  burnedAlpha: bigint;
  /** Dividends after the childkey split (U96F32 bits), per receiving hotkey. */
  dividends: { hotkey: string; amount: bigint }[];
  alphaDividends: DividendPayout[];
  rootDividends: DividendPayout[];
  ownerCut: { hotkey: string; coldkey: string; amount: bigint } | null;
}

const f = (n: bigint) => fx.saturatingFromInt(U96F32, n);
const tou64 = (bits: bigint) => fx.toU64Saturating(U96F32, bits);
const proportion = (p: bigint) => fx.safeDiv(U96F32, f(p), f(U64_MAX));

function hk(input: DistributeInput, h: string): DistributeHotkey {
  return input.hotkeys[h] ?? { coldkey: `unknown:${h}`, alphaStake: 0n, rootStake: 0n };
}

/** `get_parent_child_dividends_distribution`: (receiver, alpha) pairs; the childkey burn is returned apart. */
export function childkeySplit(
  input: DistributeInput,
  hotkey: string,
  dividend: bigint,
): { tuples: [string, bigint][]; burned: bigint } {
  const tw = fx.safeDiv(U96F32, f(input.taoWeight), f(U64_MAX));
  const me = hk(input, hotkey);
  const validating = f(dividend);
  let remaining = validating;
  const burnProp = fx.safeDiv(U96F32, f(input.ckBurn ?? 0n), f(U64_MAX));
  const childTakeProp = fx.safeDiv(U96F32, f(BigInt(me.childkeyTake ?? 0)), f(U16_MAX));
  let remainingProportion = U96F32.one;
  for (const [p] of me.children ?? [])
    remainingProportion = fx.saturatingSub(U96F32, remainingProportion, proportion(p));
  const selfContribution = tou64(
    fx.saturatingAdd(
      U96F32,
      fx.saturatingMul(U96F32, f(me.alphaStake), remainingProportion),
      fx.saturatingMul(U96F32, fx.saturatingMul(U96F32, f(me.rootStake), remainingProportion), tw),
    ),
  );
  let total = f(selfContribution);
  const contributions: [string, bigint][] = [];
  for (const [p, parent] of me.parents ?? []) {
    const pp = proportion(p);
    const par = hk(input, parent);
    const c = fx.saturatingAdd(
      U96F32,
      fx.saturatingMul(U96F32, f(par.alphaStake), pp),
      fx.saturatingMul(U96F32, fx.saturatingMul(U96F32, f(par.rootStake), pp), tw),
    );
    total = fx.saturatingAdd(U96F32, total, c);
    contributions.push([parent, c]);
  }
  const tuples: [string, bigint][] = [];
  let totalChildTake = 0n;
  let burned = 0n;
  for (const [parent, c] of contributions) {
    const factor = fx.checkedDiv(U96F32, c, total) ?? 0n;
    let pe = fx.saturatingMul(U96F32, validating, factor);
    remaining = fx.saturatingSub(U96F32, remaining, pe);
    if (hk(input, parent).coldkey !== me.coldkey) {
      const burn = fx.saturatingMul(U96F32, burnProp, pe);
      const childTake = fx.saturatingMul(U96F32, childTakeProp, pe);
      pe = fx.saturatingSub(U96F32, pe, burn);
      pe = fx.saturatingSub(U96F32, pe, childTake);
      totalChildTake = fx.saturatingAdd(U96F32, totalChildTake, childTake);
      burned += tou64(burn);
    }
    tuples.push([parent, tou64(pe)]);
  }
  tuples.push([hotkey, tou64(fx.saturatingAdd(U96F32, remaining, totalChildTake))]);
  return { tuples, burned };
}

/**
 * `calculate_dividend_distribution` plus the takes: each hotkey's dividend is split by its root share
 * `r·tw / (a + r·tw)`, then `pendingAlpha` and `pendingRoot` are shared out in proportion.
 * `taoWeight` is the U96F32 fraction (as the chain passes it).
 */
export function dividendDistribution(
  pendingAlpha: bigint,
  pendingRoot: bigint,
  taoWeight: bigint,
  stakes: Map<string, { alphaStake: bigint; rootStake: bigint; take?: number }>,
  dividends: Map<string, bigint>,
): { alphaDividends: DividendPayout[]; rootDividends: DividendPayout[] } {
  let totalRoot = 0n;
  let totalAlpha = 0n;
  const rootDivs = new Map<string, bigint>();
  const alphaDivs = new Map<string, bigint>();
  for (const [h, d] of dividends) {
    const st = stakes.get(h);
    if (!st) continue; // the chain only pays hotkeys present in its stake map
    const rootAlpha = fx.saturatingMul(U96F32, f(st.rootStake), taoWeight);
    const totalStake = fx.saturatingAdd(U96F32, f(st.alphaStake), rootAlpha);
    const rootProp = fx.checkedDiv(U96F32, rootAlpha, totalStake) ?? 0n;
    const rd = fx.saturatingMul(U96F32, d, rootProp);
    const ad = fx.saturatingSub(U96F32, d, rd);
    alphaDivs.set(h, fx.saturatingAdd(U96F32, alphaDivs.get(h) ?? 0n, ad));
    totalAlpha = fx.saturatingAdd(U96F32, totalAlpha, ad);
    rootDivs.set(h, fx.saturatingAdd(U96F32, rootDivs.get(h) ?? 0n, rd));
    totalRoot = fx.saturatingAdd(U96F32, totalRoot, rd);
  }
  const payout = (m: Map<string, bigint>, total: bigint, pending: bigint): DividendPayout[] =>
    [...m].map(([h, v]) => {
      const share = fx.checkedDiv(U96F32, v, total) ?? 0n;
      const amount = fx.saturatingMul(U96F32, f(pending), share);
      const takeProp = fx.safeDiv(
        U96F32,
        f(BigInt(stakes.get(h)?.take ?? DEFAULT_DELEGATE_TAKE)),
        f(U16_MAX),
      );
      const take = fx.saturatingMul(U96F32, takeProp, amount);
      return { hotkey: h, amount, take: tou64(take), rest: tou64(fx.saturatingSub(U96F32, amount, take)) };
    });
  return {
    alphaDividends: payout(alphaDivs, totalAlpha, pendingAlpha),
    rootDividends: payout(rootDivs, totalRoot, pendingRoot),
  };
}

export function distributeEmission(input: DistributeInput): DistributeResult {
  const incentiveSum = input.hotkeyEmission.reduce((a, e) => a + e.incentive, 0n);
  const validatorAlpha =
    incentiveSum !== 0n ? input.pendingValidator : input.pendingValidator + input.pendingServer;

  // calculate_dividends_and_incentives
  const incentives = new Map<string, bigint>();
  const dividends = new Map<string, bigint>();
  let recycled = 0n;
  for (const e of input.hotkeyEmission) {
    incentives.set(e.hotkey, (incentives.get(e.hotkey) ?? 0n) + e.incentive);
    const { tuples, burned } = childkeySplit(input, e.hotkey, e.dividend);
    recycled += burned;
    for (const [h, d] of tuples) dividends.set(h, fx.saturatingAdd(U96F32, dividends.get(h) ?? 0n, f(d)));
  }

  // calculate_dividend_distribution
  const tw = fx.safeDiv(U96F32, f(input.taoWeight), f(U64_MAX));
  const stakes = new Map<string, { alphaStake: bigint; rootStake: bigint; take?: number }>();
  for (const h of dividends.keys()) {
    const me = input.hotkeys[h];
    stakes.set(h, { alphaStake: me?.alphaStake ?? 0n, rootStake: me?.rootStake ?? 0n, take: me?.take });
  }
  const { alphaDividends, rootDividends } = dividendDistribution(
    validatorAlpha,
    input.pendingRootAlpha,
    tw,
    stakes,
    dividends,
  );

  // distribute_dividends_and_incentives: incentives, withheld for owner hotkeys
  const owners = new Set(input.ownerHotkeys ?? []);
  let total = 0n;
  let withheldSum = 0n;
  const paid: { hotkey: string; amount: bigint }[] = [];
  const withheld: { hotkey: string; amount: bigint }[] = [];
  let burnedAlpha = 0n;
  for (const [h, amount] of incentives) {
    total += amount;
    if (owners.has(h)) {
      withheldSum += amount;
      withheld.push({ hotkey: h, amount });
      if (input.recycleOrBurn === "recycle") recycled += amount;
      else burnedAlpha += amount;
      continue;
    }
    paid.push({ hotkey: h, amount });
  }
  const minerBurned = fx.checkedDiv(U96F32, f(withheldSum), f(total)) ?? 0n;
  const ownerCut =
    input.ownerHotkey && input.ownerColdkey
      ? { hotkey: input.ownerHotkey, coldkey: input.ownerColdkey, amount: input.pendingOwnerCut }
      : null;
  return {
    incentives: paid,
    withheld,
    minerBurned,
    recycledAlpha: recycled,
    burnedAlpha,
    dividends: [...dividends].map(([hotkey, amount]) => ({ hotkey, amount })),
    alphaDividends,
    rootDividends,
    ownerCut,
  };
}
