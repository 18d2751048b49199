package dev.tenet.core.trust;

import dev.tenet.core.iam.Condition;
import dev.tenet.core.iam.IamGlob;
import dev.tenet.core.iam.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Allow statement of a trust policy that lets tokens of an OIDC provider assume the role.
 *
 * @param statement the statement
 * @param providerArn the OIDC provider it trusts
 * @param issuer that provider's issuer
 */
public record OidcGrant(Statement statement, String providerArn, OidcIssuer issuer) {

  /** The CI platform: the issuer's, else the one the subject patterns are written for. */
  public Optional<CiPlatform> platform() {
    if (issuer.platform().isPresent()) {
      return issuer.platform();
    }
    for (Condition c : subjectConditions()) {
      for (String v : c.values()) {
        if (v.startsWith("repo:")) {
          return Optional.of(CiPlatform.GITHUB);
        }
        if (v.startsWith("project_path:")) {
          return Optional.of(CiPlatform.GITLAB);
        }
      }
    }
    return Optional.empty();
  }

  /** The positive string conditions on the subject claim (the ones that can pin it). */
  public List<Condition> subjectConditions() {
    return statement.conditionsOn(issuer.conditionKey("sub")).stream()
        .filter(c -> c.isStringComparison() && !c.isNegated())
        .toList();
  }

  /** Negated conditions on the subject: they exclude, but can never pin. */
  public List<Condition> subjectExclusions() {
    return statement.conditionsOn(issuer.conditionKey("sub")).stream()
        .filter(Condition::isNegated)
        .toList();
  }

  /** Conditions on other keys than the subject and audience; Tenet does not judge them. */
  public List<Condition> otherConditions() {
    String sub = issuer.conditionKey("sub");
    String aud = issuer.conditionKey("aud");
    return statement.conditions().stream().filter(c -> !c.isKey(sub) && !c.isKey(aud)).toList();
  }

  /**
   * How much of the platform the subject conditions let in. Several values of one condition are
   * alternatives (the widest decides); several conditions must all hold (the narrowest decides).
   */
  public SubjectScope subjectScope() {
    List<Condition> conditions = subjectConditions();
    if (conditions.isEmpty()) {
      return SubjectScope.of(Breadth.ANY_OWNER, "(none)", "", "");
    }
    Optional<CiPlatform> platform = platform();
    if (platform.isEmpty()) {
      Condition c = conditions.get(0);
      return SubjectScope.unrecognized(String.join(", ", c.values()), c.operatorText());
    }
    SubjectScope narrowest = null;
    for (Condition c : conditions) {
      SubjectScope widest = widest(platform.get(), c);
      if (widest.breadth().isEmpty()) {
        continue;
      }
      if (narrowest == null
          || widest.breadth().get().ordinal() > narrowest.breadth().get().ordinal()) {
        narrowest = widest;
      }
    }
    if (narrowest == null) {
      Condition c = conditions.get(0);
      return SubjectScope.unrecognized(String.join(", ", c.values()), c.operatorText());
    }
    return narrowest;
  }

  private static SubjectScope widest(CiPlatform platform, Condition c) {
    SubjectScope widest = null;
    boolean unrecognized = false;
    for (String v : c.values()) {
      SubjectScope s = SubjectPatterns.scope(platform, v, c.isLike(), c.operatorText());
      if (s.breadth().isEmpty()) {
        unrecognized = true;
        continue;
      }
      if (widest == null || s.breadth().get().ordinal() < widest.breadth().get().ordinal()) {
        widest = s;
      }
    }
    if (widest == null || (unrecognized && !widest.breadth().get().tooBroad())) {
      // One alternative Tenet cannot read could be the broad one.
      return SubjectScope.unrecognized(String.join(", ", c.values()), c.operatorText());
    }
    return widest;
  }

  /** Whether the audience is pinned to exact values. */
  public AudienceCheck audience() {
    List<Condition> conditions =
        statement.conditionsOn(issuer.conditionKey("aud")).stream()
            .filter(c -> c.isStringComparison() && !c.isNegated())
            .toList();
    if (conditions.isEmpty()) {
      return new AudienceCheck(AudienceCheck.Status.MISSING, List.of(), "");
    }
    for (Condition c : conditions) {
      boolean exact = !c.isLike() || c.values().stream().noneMatch(IamGlob::hasWildcard);
      if (exact) {
        return new AudienceCheck(AudienceCheck.Status.PINNED, c.values(), c.operatorText());
      }
    }
    Condition c = conditions.get(0);
    return new AudienceCheck(AudienceCheck.Status.WILDCARD, c.values(), c.operatorText());
  }

  /**
   * The audience a pipeline would ask for to satisfy this statement: pipelines choose their
   * audience freely, so an audience condition never decides who can assume the role.
   */
  public String audienceToPresent() {
    List<String> candidates = new ArrayList<>();
    for (Condition c : statement.conditionsOn(issuer.conditionKey("aud"))) {
      if (c.isStringComparison() && !c.isNegated()) {
        candidates.addAll(c.values());
      }
    }
    return candidates.stream()
        .map(v -> v.replace("*", "x").replace('?', 'x'))
        .findFirst()
        .orElse("sts.amazonaws.com");
  }
}
