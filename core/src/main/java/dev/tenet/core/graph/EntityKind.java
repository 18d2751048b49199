package dev.tenet.core.graph;

import java.util.Arrays;
import java.util.Locale;

/** What an entity of the trust graph is. Identities and resources share one graph. */
public enum EntityKind {
  ORGANIZATION,
  REPOSITORY,
  BRANCH,
  USER,
  TEAM,
  APP,
  BOT,
  TOKEN,
  DEPLOY_KEY,
  RUNNER,
  RUNNER_GROUP,
  WORKFLOW,
  JOB,
  ACTION,
  SECRET,
  VARIABLE,
  ENVIRONMENT,
  WEBHOOK,
  REGISTRY,
  IMAGE,
  CLOUD_ACCOUNT,
  CLOUD_ROLE,
  IDENTITY_PROVIDER,
  CLUSTER,
  SERVICE_ACCOUNT,
  /** A rule set that governs other resources: a ruleset, a protection or push-rule policy. */
  POLICY,
  /** Anyone on the internet: the untrusted entry point behind fork pull requests and comments. */
  INTERNET;

  private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

  public String id() {
    return id;
  }

  public static EntityKind fromId(String id) {
    return Arrays.stream(values())
        .filter(k -> k.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown entity kind '" + id + "'"));
  }
}
