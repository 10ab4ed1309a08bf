// pallet_aura: authorities at genesis and the current slot, read from the block's PreRuntime digest.
import type { RuntimeCodec } from "./codec";
import type { Pallet } from "./pallet";

export const auraPallet: Pallet = {
  name: "Aura",
  genesis: ({ codec, storage, config }) => {
    codec.write(storage, "Aura", "Authorities", [], config.authorities);
  },
  onInitialize: (ctx) => {
    const slot = ctx.env.timestamp / slotDuration(ctx.codec);
    ctx.codec.write(ctx.storage, "Aura", "CurrentSlot", [], slot);
  },
};

export function slotDuration(codec: RuntimeCodec): bigint {
  return codec.hasPallet("Aura") ? BigInt(codec.constant("Aura", "SlotDuration").toString()) : 12_000n;
}
