-- Assessments and what they found. Everything of one assessment is written in one transaction,
-- so a crash or kill mid-scan leaves earlier assessments exactly as they were.
CREATE TABLE assessment (
  id            TEXT PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT NOT NULL,
  tool          TEXT NOT NULL,
  scope_json    TEXT NOT NULL,
  overall       INTEGER,
  grade         TEXT,
  score_json    TEXT NOT NULL,
  tallies_json  TEXT NOT NULL,
  resources     INTEGER NOT NULL,
  relations     INTEGER NOT NULL,
  blind_spots   INTEGER NOT NULL,
  api_requests  INTEGER NOT NULL,
  not_modified  INTEGER NOT NULL,
  duration_ms   INTEGER NOT NULL,
  finding_count INTEGER NOT NULL,
  -- Attack paths (AttackPath records) as JSON: read whole, never queried by part.
  attack_paths_json TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE pillar_score (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  pillar        TEXT NOT NULL,
  score         INTEGER,
  grade         TEXT,
  PRIMARY KEY (assessment_id, pillar)
);

CREATE TABLE finding (
  assessment_id    TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  id               TEXT NOT NULL,
  rule_id          TEXT NOT NULL,
  weakness         TEXT NOT NULL,
  pillar           TEXT NOT NULL,
  severity         TEXT NOT NULL,
  title            TEXT NOT NULL,
  message          TEXT NOT NULL,
  resource         TEXT NOT NULL,
  platform         TEXT NOT NULL,
  file             TEXT,
  line             INTEGER,
  col              INTEGER,
  evidence_json    TEXT NOT NULL,
  remediation_json TEXT NOT NULL,
  PRIMARY KEY (assessment_id, id)
);

CREATE INDEX finding_by_resource ON finding (resource);

-- The trust graph as it was at the end of the scan (gzip-compressed JSON, see GraphCodec).
CREATE TABLE graph_snapshot (
  assessment_id TEXT PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
  format        TEXT NOT NULL,
  data          BLOB NOT NULL
);
