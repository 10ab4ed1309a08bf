/**
 * When a subnet's epoch fires (dtao-math §2.7).
 *
 * Two rule sets:
 * - legacy (spec ≤ 422): fires when `blocks_until_next_epoch = tempo − ((block + netuid + 1) mod (tempo + 1))`
 *   is 0, i.e. when `(block + netuid + 1) mod (tempo + 1) == tempo` (dtao-math §2.7 writes `== 0`, which is
 *   one block late), period tempo + 1;
 * - stateful (spec ≥ 423): fires when a pending owner trigger is due, the safety net
 *   `BlocksSinceLastStep > 50_400` trips, or `block − LastEpochBlock ≥ tempo`; at most
 *   `MaxEpochsPerBlock` epochs run per block and the rest are deferred by one block.
 */

const U64_MOD = 1n << 64n;
const U64_MAX = U64_MOD - 1n;

/** First spec with the stateful scheduler (`LastEpochBlock`, `MaxEpochsPerBlock`). */
export const STATEFUL_EPOCH_SPEC = 423;
/** `MAX_TEMPO`: the safety net fires an epoch once this many blocks pass without one. */
export const MAX_TEMPO = 50_400n;

export function usesStatefulSchedule(spec: number): boolean {
  return spec >= STATEFUL_EPOCH_SPEC;
}

/**
 * Legacy `blocks_until_next_epoch`: `tempo − ((block + netuid + 1) mod (tempo + 1))`.
 * The chain adds with u64 wrap-around, so blocks near u64::MAX wrap (pinned by its tests).
 */
export function legacyBlocksUntilNextEpoch(netuid: number, tempo: number, block: bigint): bigint {
  if (tempo === 0) return U64_MAX;
  const adjusted = (block + BigInt(netuid) + 1n) % U64_MOD;
  const remainder = adjusted % (BigInt(tempo) + 1n);
  const t = BigInt(tempo);
  return t > remainder ? t - remainder : 0n;
}

export function legacyShouldRunEpoch(netuid: number, tempo: number, block: bigint): boolean {
  return legacyBlocksUntilNextEpoch(netuid, tempo, block) === 0n;
}

/** Stateful per-subnet schedule fields (storage items of the same names). */
export interface EpochScheduleState {
  netuid: number;
  tempo: number;
  lastEpochBlock: bigint;
  /** `PendingEpochAt`, 0 when no owner trigger is pending. */
  pendingEpochAt: bigint;
  blocksSinceLastStep: bigint;
  /** `SubnetEpochIndex`. */
  epochIndex: bigint;
  /** False when the Keys map has duplicate hotkeys: the slot is consumed but nothing drains. */
  consistent?: boolean;
}

/** `blocks_until_next_auto_epoch`: `LastEpochBlock + tempo − block`, saturating at 0. */
export function blocksUntilNextAutoEpoch(lastEpochBlock: bigint, tempo: number, block: bigint): bigint {
  if (tempo === 0) return U64_MAX;
  let next = lastEpochBlock + BigInt(tempo);
  if (next > U64_MAX) next = U64_MAX;
  return next > block ? next - block : 0n;
}

/** `get_next_epoch_start_block`: the automatic slot or an earlier pending trigger; null when tempo is 0. */
export function nextEpochStartBlock(s: EpochScheduleState): bigint | null {
  if (s.tempo === 0) return null;
  const auto = s.lastEpochBlock + BigInt(s.tempo);
  return s.pendingEpochAt > 0n && s.pendingEpochAt < auto ? s.pendingEpochAt : auto;
}

/**
 * `should_run_epoch` (stateful). `blocksSinceLastStep` must already include this block's
 * increment, as it does inside `drain_pending`.
 */
export function statefulShouldRunEpoch(s: EpochScheduleState, block: bigint): boolean {
  if (s.tempo === 0) return false;
  if (s.pendingEpochAt > 0n && block >= s.pendingEpochAt) return true;
  if (s.blocksSinceLastStep > MAX_TEMPO) return true;
  const since = block > s.lastEpochBlock ? block - s.lastEpochBlock : 0n;
  return since >= BigInt(s.tempo);
}

export interface ScheduleStepResult {
  /** Subnets whose pending emission is drained and distributed this block (ascending netuid). */
  fired: number[];
  /** Due subnets pushed to the next block by `MaxEpochsPerBlock`. */
  deferred: number[];
  /** Due subnets whose slot was consumed without an epoch (inconsistent Keys map). */
  skipped: number[];
  /** Schedule state after the block, same order as the input. */
  states: EpochScheduleState[];
}

/**
 * The schedule half of `drain_pending` for one block, over all non-root subnets in ascending
 * netuid order. Legacy specs have no cap and no `LastEpochBlock`; `lastEpochBlock` is still
 * advanced so callers can read when the last epoch ran.
 */
export function stepEpochSchedule(
  spec: number,
  block: bigint,
  subnets: readonly EpochScheduleState[],
  maxEpochsPerBlock: number,
): ScheduleStepResult {
  const ordered = [...subnets].sort((a, b) => a.netuid - b.netuid);
  const fired: number[] = [];
  const deferred: number[] = [];
  const skipped: number[] = [];
  const next = new Map<number, EpochScheduleState>();
  let run = 0;
  const stateful = usesStatefulSchedule(spec);
  for (const s0 of ordered) {
    const s: EpochScheduleState = { ...s0, blocksSinceLastStep: s0.blocksSinceLastStep + 1n };
    const consistent = s.consistent !== false;
    if (!stateful) {
      if (legacyShouldRunEpoch(s.netuid, s.tempo, block) && consistent) {
        s.blocksSinceLastStep = 0n;
        s.lastEpochBlock = block;
        s.epochIndex += 1n;
        fired.push(s.netuid);
      }
      next.set(s.netuid, s);
      continue;
    }
    if (!statefulShouldRunEpoch(s, block)) {
      next.set(s.netuid, s);
      continue;
    }
    if (run >= maxEpochsPerBlock) {
      s.pendingEpochAt = block + 1n;
      deferred.push(s.netuid);
      next.set(s.netuid, s);
      continue;
    }
    if (consistent) {
      s.blocksSinceLastStep = 0n;
      fired.push(s.netuid);
      run += 1;
    } else {
      skipped.push(s.netuid);
    }
    s.lastEpochBlock = block;
    s.pendingEpochAt = 0n;
    s.epochIndex += 1n;
    next.set(s.netuid, s);
  }
  return {
    fired,
    deferred,
    skipped,
    states: subnets.map((s) => next.get(s.netuid) as EpochScheduleState),
  };
}
