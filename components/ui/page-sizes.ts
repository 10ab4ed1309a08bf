// Page sizes offered by list pagers; plain module so route files (server) can validate `limit` with it.
export const PAGE_SIZES = [10, 25, 50, 100] as const;
