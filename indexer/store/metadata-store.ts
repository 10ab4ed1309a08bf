// Metadata per spec version in `runtime_versions`, so no process ever fetches the same metadata twice.
import type pg from "pg";
import type { MetadataStore } from "../decode";
import type { Hex } from "../decode/runtime";

export class PgMetadataStore implements MetadataStore {
  constructor(private readonly pool: pg.Pool) {}

  async get(specVersion: number): Promise<Hex | null> {
    const r = await this.pool.query<{ metadata: Buffer }>(
      "SELECT metadata FROM runtime_versions WHERE spec_version = $1",
      [specVersion],
    );
    const row = r.rows[0];
    return row ? (`0x${row.metadata.toString("hex")}` as Hex) : null;
  }

  async put(specVersion: number, metadata: Hex): Promise<void> {
    await this.pool.query(
      "INSERT INTO runtime_versions (spec_version, metadata) VALUES ($1, $2) ON CONFLICT (spec_version) DO NOTHING",
      [specVersion, Buffer.from(metadata.slice(2), "hex")],
    );
  }
}
