-- How many nodes the full layout that the stored graph's drawing descends from placed: an assembly that keeps the
-- drawing carries it over, and lays the graph out afresh once the graph has more than twice as many nodes
-- (src/graph/layout-extend.ts, relayoutReason). NULL for a graph written before this column, which was laid out whole.
ALTER TABLE kg.graph ADD COLUMN layout_base integer CHECK (layout_base >= 0);
