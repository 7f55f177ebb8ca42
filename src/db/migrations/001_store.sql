-- The store of the pipeline side (issue 19): articles as ingested, per-article facts keyed by (article, pipeline),
-- the runs that wrote them with their reports, and the articles that failed every attempt (dead letters).
-- Ids sort in code-point order ("C"), the order the assembler takes articles in, whatever the database's own collation.

CREATE TABLE kg.articles (
  id text COLLATE "C" PRIMARY KEY,
  -- SHA-256 of the text (stages/ingest/dedupe.ts hashText): facts hold it too, and count only while it matches.
  hash text NOT NULL,
  format text NOT NULL,
  -- json, not jsonb: kept byte for byte, so facts and graphs built from it do not depend on jsonb's key order.
  meta json NOT NULL,
  text text NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now()
);

-- One row per article and pipeline (version, KB and code hash): a retried article overwrites nothing and adds nothing.
CREATE TABLE kg.facts (
  article_id text COLLATE "C" NOT NULL REFERENCES kg.articles (id) ON DELETE CASCADE,
  pipeline text NOT NULL,
  hash text NOT NULL,
  facts json NOT NULL,
  extracted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pipeline, article_id)
);

-- Every build, enqueue and assembly, with the report it printed (what was read, skipped and why, dead letters, counts).
CREATE TABLE kg.runs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('build', 'enqueue', 'assemble')),
  pipeline text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  report json
);

-- Articles whose extraction failed or timed out on every attempt, with the last reason; gone once facts are stored.
CREATE TABLE kg.dead_letters (
  article_id text COLLATE "C" NOT NULL,
  pipeline text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  attempts integer NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pipeline, article_id)
);
