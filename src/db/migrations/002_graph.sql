-- The assembled graph (src/graph/model.ts) in tables: one stored graph at a time, replaced whole by writeGraph
-- (src/db/graph-write.ts) and read whole or by window by readGraph (src/db/graph-read.ts).
-- Every node and edge keeps its attributes as the model holds them (jsonb, sources and quotes included), so a read
-- gives graph.json byte for byte; the columns the queries filter on are generated from them, so they cannot disagree.
-- No foreign keys: writeGraph writes a graph the model has validated, in one COPY per table, and a key check per row
-- would only slow it down. Dates stay ISO text: at day, month or year precision they compare correctly as text.

-- The graph's own attributes (schemaVersion, pipelineVersion and any other), its articles list aside.
CREATE TABLE kg.graph (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  attributes jsonb NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);

-- The graph's articles list (GraphArticle), in its order.
CREATE TABLE kg.graph_articles (
  ord integer PRIMARY KEY,
  id text NOT NULL UNIQUE,
  attributes jsonb NOT NULL,
  published text GENERATED ALWAYS AS (attributes->>'published') STORED
);

-- Nodes in insertion order (graph.json's order). The span and rank columns are computed at write time on the event network
-- (src/query/rank.ts), as the in-memory query API computes them.
CREATE TABLE kg.graph_nodes (
  ord integer PRIMARY KEY,
  key text NOT NULL UNIQUE,
  attributes jsonb NOT NULL,
  kind text GENERATED ALWAYS AS (attributes->>'kind') STORED,
  label text GENERATED ALWAYS AS (attributes->>'label') STORED,
  -- people and places: their country's ISO2; countries: their own
  country text GENERATED ALWAYS AS (COALESCE(attributes->>'country', attributes->>'iso2')) STORED,
  event_type text GENERATED ALWAYS AS (attributes->>'eventType') STORED,
  status text GENERATED ALWAYS AS (attributes->>'status') STORED,
  date text GENERATED ALWAYS AS (attributes->>'date') STORED,
  date_start text GENERATED ALWAYS AS (attributes->>'dateStart') STORED,
  date_end text GENERATED ALWAYS AS (attributes->>'dateEnd') STORED,
  first_seen text GENERATED ALWAYS AS (attributes->>'firstSeen') STORED,
  last_seen text GENERATED ALWAYS AS (attributes->>'lastSeen') STORED,
  -- events: the days the event may fall on (src/query/describe.ts spanOfEvent), what date windows test; null when undated
  span_start text,
  span_end text,
  rank_degree integer NOT NULL,
  rank_pagerank double precision NOT NULL,
  -- events taken part in; null for events themselves
  rank_events integer
);
CREATE INDEX graph_nodes_kind ON kg.graph_nodes (kind, ord);
CREATE INDEX graph_nodes_event_span ON kg.graph_nodes (span_start, span_end) WHERE kind = 'event';
CREATE INDEX graph_nodes_event_type ON kg.graph_nodes (event_type) WHERE kind = 'event';
CREATE INDEX graph_nodes_event_sources ON kg.graph_nodes USING gin ((attributes->'sources') jsonb_path_ops) WHERE kind = 'event';

-- Edges in insertion order, under the key graph.json gives them (exportEdgeKey). The projection (interacted_with)
-- is here too, its figures (weight, count, events...) in the attributes.
CREATE TABLE kg.graph_edges (
  ord integer PRIMARY KEY,
  key text NOT NULL UNIQUE,
  source text NOT NULL,
  target text NOT NULL,
  attributes jsonb NOT NULL,
  relation text GENERATED ALWAYS AS (attributes->>'relation') STORED,
  date text GENERATED ALWAYS AS (attributes->>'date') STORED,
  date_end text GENERATED ALWAYS AS (attributes->>'dateEnd') STORED,
  weight double precision GENERATED ALWAYS AS ((attributes->>'weight')::double precision) STORED
);
CREATE INDEX graph_edges_source ON kg.graph_edges (source, relation);
CREATE INDEX graph_edges_target ON kg.graph_edges (target, relation);

-- Every name a non-event, non-article node answers to, normalised as src/query/names.ts does (tier 1: a full name
-- or alias; tier 2: a person's surname), so a lookup is one index probe.
CREATE TABLE kg.graph_names (
  name text NOT NULL,
  tier smallint NOT NULL,
  key text NOT NULL
);
CREATE INDEX graph_names_name ON kg.graph_names (name, tier);
