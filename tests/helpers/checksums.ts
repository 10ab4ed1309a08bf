// Content checksums of the ingest tables, to compare two databases filled by different runs.
import pg from "pg";

const CHECKSUMS = {
  blocks:
    "SELECT md5(string_agg(concat_ws('|', number, hash, parent_hash, state_root, extrinsics_root, spec_version, \"timestamp\", extrinsic_count, event_count, finalized), ',' ORDER BY number)) FROM blocks",
  block_raw:
    "SELECT md5(string_agg(concat_ws('|', number, hash, header::text, array_to_string(extrinsics, ';'), events), ',' ORDER BY number)) FROM block_raw",
  extrinsics:
    "SELECT md5(string_agg(concat_ws('|', block_number, index, hash, signed, signer, section, method, args::text, success, error::text, fee, tip, nonce, decode_error), ',' ORDER BY block_number, index)) FROM extrinsics",
  events:
    "SELECT md5(string_agg(concat_ws('|', block_number, index, phase, extrinsic_index, section, method, args::text, decode_error), ',' ORDER BY block_number, index)) FROM events",
  runtime_versions:
    "SELECT md5(string_agg(concat_ws('|', spec_version, first_block, md5(metadata)), ',' ORDER BY spec_version)) FROM runtime_versions",
};

export async function checksums(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const [table, sql] of Object.entries(CHECKSUMS))
      out[table] = (await client.query<{ md5: string }>(sql)).rows[0]!.md5;
    return out;
  } finally {
    await client.end();
  }
}
