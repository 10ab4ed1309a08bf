// Declarative description of our runtime's metadata. Everything here is plain data: type expressions are
// strings such as "u64", "Compact<u64>", "Vec<(u16, u16)>", "AccountId32", "Option<AccountId32>"; named
// types (structs/enums) are declared once in a `TypeDecls` table with the scale-info path Finney uses.

/** Fields of a struct or enum variant: a list for tuple-like fields, an object for named fields. */
export type FieldsDecl = readonly string[] | Readonly<Record<string, string>>;

export interface VariantDecl {
  index: number;
  name: string;
  fields?: FieldsDecl;
  docs?: readonly string[];
}

export interface NamedTypeDecl {
  /** scale-info path, `::`-separated, e.g. "sp_core::crypto::AccountId32". */
  path: string;
  /** A shorthand for another type expression (no type of its own; `path` is then ""). */
  alias?: string;
  /** Names bound to the type arguments of a use site, e.g. ["T"] for Option<T>. */
  generics?: readonly string[];
  /**
   * Type parameters written into the portable registry (in order). A value may name a generic; `null`
   * is a parameter whose type scale-info leaves out (phantom/skipped). Defaults to the generics.
   */
  params?: ReadonlyArray<readonly [string, string | null]>;
  fields?: FieldsDecl;
  variants?: readonly VariantDecl[];
  docs?: readonly string[];
}

export type TypeDecls = Readonly<Record<string, NamedTypeDecl>>;

export type Hasher =
  | "Blake2_128"
  | "Blake2_256"
  | "Blake2_128Concat"
  | "Twox128"
  | "Twox256"
  | "Twox64Concat"
  | "Identity";

/**
 * A value for a storage default or a constant, encoded through its type (as `registry.createType` takes
 * it). A 0x-prefixed hex string is taken as the raw SCALE bytes instead.
 */
export type DeclValue =
  | number
  | bigint
  | boolean
  | string
  | readonly unknown[]
  | Readonly<Record<string, unknown>>;

export interface StorageDecl {
  name: string;
  modifier: "Default" | "Optional";
  /** Key hashers with their key types; empty for a plain value. */
  keys: ReadonlyArray<readonly [Hasher, string]>;
  value: string;
  /** Default for `Default` items; omitted means the type's zero value. Hex strings are raw SCALE. */
  default?: DeclValue;
  docs?: readonly string[];
}

export interface ConstantDecl {
  name: string;
  type: string;
  value: DeclValue;
  docs?: readonly string[];
}

/** A pallet's Call/Event/Error enum: its scale-info path plus the variants we implement. */
export interface EnumDecl {
  path: string;
  params?: ReadonlyArray<readonly [string, string | null]>;
  variants: readonly VariantDecl[];
}

export interface PalletDecl {
  name: string;
  index: number;
  storagePrefix?: string;
  storage?: readonly StorageDecl[];
  calls?: EnumDecl;
  events?: EnumDecl;
  errors?: EnumDecl;
  constants?: readonly ConstantDecl[];
  docs?: readonly string[];
}

export interface RuntimeApiMethodDecl {
  name: string;
  inputs: ReadonlyArray<readonly [string, string]>;
  output: string;
  docs?: readonly string[];
}

export interface RuntimeApiDecl {
  name: string;
  /** The API's version as listed in RuntimeVersion.apis. */
  version: number;
  methods: readonly RuntimeApiMethodDecl[];
  docs?: readonly string[];
}

export interface SignedExtensionDecl {
  identifier: string;
  /** The extension's own type (what is in the signed payload's "extra"). */
  type: string;
  /** The additional signed data (implicit), "()" when none. */
  additionalSigned: string;
}

export interface RuntimeDecl {
  /** Path prefix of the runtime's outer enums, e.g. "node_subtensor_runtime". */
  runtimePath: string;
  types: TypeDecls;
  pallets: readonly PalletDecl[];
  apis: readonly RuntimeApiDecl[];
  extrinsic: {
    version: number;
    /** V14 `extrinsic.type`: the UncheckedExtrinsic type (its params name address, call, signature, extra). */
    type: string;
    address: string;
    signature: string;
    /** The tuple of extension types as the runtime nests it (same bytes as the flat list). */
    extra: string;
    signedExtensions: readonly SignedExtensionDecl[];
  };
}

// Small constructors keep the pallet files readable.
export const v = (index: number, name: string, fields?: FieldsDecl): VariantDecl =>
  fields ? { index, name, fields } : { index, name };

export const plain = (
  name: string,
  value: string,
  opts: { optional?: boolean; default?: DeclValue } = {},
): StorageDecl => ({
  name,
  modifier: opts.optional ? "Optional" : "Default",
  keys: [],
  value,
  ...(opts.default !== undefined ? { default: opts.default } : {}),
});

export const map = (
  name: string,
  keys: ReadonlyArray<readonly [Hasher, string]>,
  value: string,
  opts: { optional?: boolean; default?: DeclValue } = {},
): StorageDecl => ({
  name,
  modifier: opts.optional ? "Optional" : "Default",
  keys,
  value,
  ...(opts.default !== undefined ? { default: opts.default } : {}),
});

export const constant = (name: string, type: string, value: DeclValue): ConstantDecl => ({
  name,
  type,
  value,
});
