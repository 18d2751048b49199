-- Risk acceptances, as an append-only log: every acceptance (reason, owner, expiry) and every
-- revocation is one row, with who recorded it and when; rows are never changed or removed, so the
-- log answers "who accepted what, why, until when" for any moment. The state of a finding's
-- acceptance is its latest row (see RiskAcceptances).
CREATE TABLE risk_acceptance_event (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  finding_id    TEXT NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('accept', 'revoke')),
  reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  owner         TEXT,
  expires_at    TEXT,
  actor         TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  -- What was accepted, as it looked then (the assessment may be deleted later; the log stays).
  rule_id       TEXT,
  resource      TEXT,
  title         TEXT,
  assessment_id TEXT,
  CHECK (action = 'revoke' OR (owner IS NOT NULL AND expires_at IS NOT NULL))
);

CREATE INDEX risk_acceptance_by_finding ON risk_acceptance_event (finding_id, seq);

CREATE TRIGGER risk_acceptance_no_update BEFORE UPDATE ON risk_acceptance_event
BEGIN
  SELECT RAISE(ABORT, 'the risk acceptance log is append-only');
END;

CREATE TRIGGER risk_acceptance_no_delete BEFORE DELETE ON risk_acceptance_event
BEGIN
  SELECT RAISE(ABORT, 'the risk acceptance log is append-only');
END;

-- What the attack path analysis found besides the paths (Exposure as JSON: counts, the cut,
-- blast radii, each finding's exposure). Null for assessments stored before it existed.
ALTER TABLE assessment ADD COLUMN exposure_json TEXT;
