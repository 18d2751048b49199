package dev.tenet.core.model;

import java.util.List;

/**
 * One entry of the weakness taxonomy ({@code weaknesses.yaml}): what is wrong, in which pillar, and
 * where the frameworks list it.
 */
public record Weakness(
    String id,
    Pillar pillar,
    String title,
    List<String> owasp,
    List<Integer> nist,
    List<String> cisSsc,
    Severity defaultSeverity) {

  public Weakness {
    owasp = List.copyOf(owasp);
    nist = List.copyOf(nist);
    cisSsc = List.copyOf(cisSsc);
  }

  public static final String COVERAGE_GAP = "coverage-gap";
}
