// JSON-RPC error objects with the codes and messages a Substrate (jsonrpsee) node returns.
import type { InvalidTransaction } from "../types";

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }

  toJSON() {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}

export const parseError = () => new RpcError(-32700, "Parse error");
export const invalidRequest = () => new RpcError(-32600, "Invalid request");
export const methodNotFound = () => new RpcError(-32601, "Method not found");
export const invalidParams = (detail: string) => new RpcError(-32602, "Invalid params", detail);

/** sc-rpc-api state errors wrap client errors with code 4003 ("Client error: …"). */
export const unknownBlockState = (hash: string) =>
  new RpcError(4003, `Client error: UnknownBlock: State already discarded for ${hash}`);
export const unknownBlockApi = (hash: string) =>
  new RpcError(4003, `Client error: Api called for an unknown Block: State already discarded for ${hash}`);
export const countTooLarge = (value: number, max: number) =>
  new RpcError(4002, `count exceeds maximum value. value: ${value}, max: ${max}`);
export const methodNotFoundInRuntime = (method: string) =>
  new RpcError(4003, `Client error: Execution failed: Other: Exported method ${method} is not found`);

/** Display strings of sp_runtime's InvalidTransaction, sent as `data` of error 1010. */
const INVALID_TX_TEXT: Record<InvalidTransaction, string> = {
  Call: "Transaction call is not expected",
  Payment: "Inability to pay some fees (e.g. account balance too low)",
  Future: "Transaction will be valid in the future",
  Stale: "Transaction is outdated",
  BadProof: "Transaction has a bad signature",
  AncientBirthBlock: "Transaction has an ancient birth block",
  ExhaustsResources: "Transaction would exhaust the block limits",
  BadMandatory: "A call was labelled as mandatory, but resulted in an Error.",
  MandatoryValidation: "Transaction dispatch is mandatory; transactions must not be validated.",
  BadSigner: "Invalid signing address",
};

export const invalidTransaction = (reason: InvalidTransaction) =>
  new RpcError(1010, "Invalid Transaction", INVALID_TX_TEXT[reason]);
export const badFormat = (detail: string) => new RpcError(1001, `Extrinsic has invalid format: ${detail}`);
export const alreadyImported = (hash: string) => new RpcError(1013, "Transaction Already Imported", hash);
