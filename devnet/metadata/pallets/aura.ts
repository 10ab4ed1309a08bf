import { constant, type PalletDecl, plain } from "../dsl";

// pallet_aura: block authoring slots. The node reads the slot from the PreRuntime digest.
export const auraPallet: PalletDecl = {
  name: "Aura",
  index: 3,
  storage: [plain("Authorities", "BoundedVec<AuraPublic>"), plain("CurrentSlot", "Slot")],
  constants: [constant("SlotDuration", "u64", 12_000)],
};
