package dev.tenet.core.model;

import java.util.Arrays;

/** The six zero-trust pillars Tenet scores. Ids are the ones used in the spec and reports. */
public enum Pillar {
  IDENTITY("identity", "Identity"),
  SECRETS("secrets", "Secrets"),
  LEAST_PRIVILEGE("least-privilege", "Least privilege"),
  SEGMENTATION("segmentation", "Segmentation"),
  INTEGRITY("integrity", "Integrity"),
  MONITORING("monitoring", "Monitoring");

  private final String id;
  private final String title;

  Pillar(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public static Pillar fromId(String id) {
    return Arrays.stream(values())
        .filter(p -> p.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown pillar '" + id + "'"));
  }
}
