-- What the stored graph was assembled from: the facts' pipeline key, how many articles' facts, and a digest of their
-- ids and text hashes (src/db/store.ts, factsState). An assembly that finds the same state, and is not asked to lay
-- the graph out afresh, leaves the graph tables as they are. NULL for a graph written before this column.
ALTER TABLE kg.graph ADD COLUMN facts_state text;
