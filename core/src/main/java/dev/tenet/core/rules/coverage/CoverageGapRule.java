package dev.tenet.core.rules.coverage;

import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every blind spot a connector reported becomes a finding, so no report can hide it. */
public final class CoverageGapRule implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "TENET-COVERAGE-001",
          "coverage-gap",
          Severity.INFO,
          "Tenet could not assess part of this resource",
          "What Tenet cannot see it cannot judge: the settings behind a blind spot may be"
              + " unsafe, and the score counts them as unknown, never as passing.",
          List.of(
              "Give the token the permission named in the finding (see docs/PERMISSIONS.md).",
              "Run the scan again; the blind spot disappears once the resource can be read."),
          List.of("docs/PERMISSIONS.md"));

  private static final List<EntityKind> SUBJECTS =
      List.of(
          EntityKind.ORGANIZATION,
          EntityKind.REPOSITORY,
          EntityKind.CLOUD_ACCOUNT,
          EntityKind.CLUSTER);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    Set<String> blind = new HashSet<>();
    for (BlindSpot spot : context.blindSpots()) {
      blind.add(ResourceId.scopeOf(spot.resource()));
      outcomes
          .fail(spot.resource(), "Could not read " + spot.what() + ": " + spot.reason() + ".")
          .with("what", spot.what())
          .with("reason", spot.reason())
          .with("remedy", spot.remedy().isEmpty() ? null : spot.remedy())
          .anchor(spot.what());
    }
    for (EntityKind kind : SUBJECTS) {
      for (Entity e : context.graph().entities(kind)) {
        if (!blind.contains(e.id())) {
          outcomes.pass(e.id());
        }
      }
    }
  }
}
