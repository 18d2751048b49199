package dev.tenet.core.rule;

import dev.tenet.core.model.Location;
import dev.tenet.core.model.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/** A failure a rule is reporting; the engine turns it into a {@code Finding}. */
public final class FindingDraft {
  final String resource;
  final String message;
  final Map<String, Object> evidence = new LinkedHashMap<>();
  Severity severity;
  Location location;
  String anchor = "";

  FindingDraft(String resource, String message) {
    this.resource = resource;
    this.message = message;
  }

  /** Adds a fact that triggered the finding. Null values are left out. */
  public FindingDraft with(String key, Object value) {
    if (value != null) {
      evidence.put(key, value);
    }
    return this;
  }

  /** Points the finding at a place in a file; the place also becomes part of its stable id. */
  public FindingDraft at(Location location) {
    this.location = location;
    return this;
  }

  /** Raises or lowers the rule's severity for this finding, with the evidence saying why. */
  public FindingDraft severity(Severity severity) {
    this.severity = severity;
    return this;
  }

  /**
   * Distinguishes several findings of one rule on one resource in the stable id (e.g. the offending
   * expression), when the location alone would shift with unrelated edits.
   */
  public FindingDraft anchor(String anchor) {
    this.anchor = anchor;
    return this;
  }
}
