-- Tenet's own actions (scans, exports, risk acceptances, credentials added or removed, forgotten
-- organizations): who did what, when, to what. Never a secret: the store redacts every text it
-- records, and callers record names and references only.
CREATE TABLE audit_event (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  target       TEXT,
  -- The organizations the event concerns, as ' platform:target ' tokens (lower case), so that
  -- forgetting an organization finds every event that names it.
  scopes       TEXT NOT NULL DEFAULT ' ',
  details_json TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_event_by_time ON audit_event (at);
