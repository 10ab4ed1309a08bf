// The node's makeCall (used by the CLI and tests to build calls by pallet/call names) must encode every
// argument, including multi-word ones (`amount_staked`, `limit_price`, `keep_alive`), whether the caller
// passes them positionally or by snake_case / camelCase name.
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Chain } from "../../devnet/node/chain";
import { devGenesis, devPairs } from "../../devnet/node/genesis";
import { makeCall } from "../../devnet/node/signer";
import { economyRuntime } from "./economyHarness";

describe("makeCall", () => {
  let chain: Chain;
  const hotkey = new Uint8Array(32).fill(7);

  beforeAll(async () => {
    await cryptoWaitReady();
    chain = new Chain({
      runtimes: [economyRuntime("current")],
      genesis: devGenesis({ seed: 1 }),
      blockTimeMs: 12_000,
    });
  });

  const args = (call: ReturnType<typeof makeCall>) => call.args.map((a) => a.toString());

  it("encodes positional multi-word arguments", () => {
    const call = makeCall(chain, "SubtensorModule", "add_stake_limit", [hotkey, 3, 5_000n, 123_456n, true]);
    expect(call.section).toBe("subtensorModule");
    expect(call.method).toBe("addStakeLimit");
    expect(args(call).slice(1)).toEqual(["3", "5000", "123456", "true"]);
    const add = makeCall(chain, "SubtensorModule", "add_stake", [hotkey, 2, 10n ** 9n]);
    expect(add.args[2]?.toString()).toBe("1000000000");
    const all = makeCall(chain, "Balances", "transfer_all", [{ Id: devPairs().Bob.publicKey }, true]);
    expect(all.args[1]?.toString()).toBe("true");
  });

  it("accepts arguments by snake_case or camelCase name, with identical bytes", () => {
    const positional = makeCall(chain, "SubtensorModule", "add_stake_limit", [hotkey, 3, 5_000n, 7n, false]);
    const snake = makeCall(chain, "SubtensorModule", "add_stake_limit", {
      hotkey,
      netuid: 3,
      amount_staked: 5_000n,
      limit_price: 7n,
      allow_partial: false,
    });
    const camel = makeCall(chain, "SubtensorModule", "add_stake_limit", {
      hotkey,
      netuid: 3,
      amountStaked: 5_000n,
      limitPrice: 7n,
      allowPartial: false,
    });
    expect(args(snake)).toEqual(args(positional));
    expect(snake.toHex()).toBe(positional.toHex());
    expect(camel.toHex()).toBe(positional.toHex());
    expect(args(camel).slice(2, 4)).toEqual(["5000", "7"]);
  });

  it("nests built calls (sudo) and rejects missing or extra arguments", () => {
    const inner = makeCall(chain, "Balances", "force_set_balance", [{ Id: hotkey }, 42n]);
    expect(inner.args[1]?.toString()).toBe("42");
    const sudo = makeCall(chain, "Sudo", "sudo", [inner]);
    expect(sudo.args[0]?.toHex()).toBe(inner.toHex());
    expect(() => makeCall(chain, "SubtensorModule", "add_stake", [hotkey, 2])).toThrow(/3 arguments/);
    expect(() => makeCall(chain, "SubtensorModule", "add_stake", { hotkey, netuid: 2 })).toThrow(
      /amount_staked/,
    );
  });
});
