package dev.tenet.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One weakness found on one resource.
 *
 * @param id stable fingerprint of rule, resource and location (see {@link FindingIds})
 * @param message one sentence saying why, naming the offending setting or text
 * @param location where in a file, or null for a setting
 * @param evidence the facts that triggered the finding, in a stable order
 * @param remediation the steps that fix it
 */
public record Finding(
    String id,
    String ruleId,
    Weakness weakness,
    Severity severity,
    String title,
    String message,
    String resource,
    Location location,
    Map<String, Object> evidence,
    List<String> remediation) {

  public Finding {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    remediation = List.copyOf(remediation);
  }

  public Pillar pillar() {
    return weakness.pillar();
  }

  public String platform() {
    return ResourceId.platformOf(resource);
  }
}
