package dev.tenet.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps GitHub REST responses into trust-graph facts. Pure: no requests, no judgement. A field the
 * response does not carry leaves the attribute unset (unknown), never false.
 */
final class GitHubMapper {
  private static final String SOURCE = GitHubConnector.PLATFORM;

  private final TrustGraph graph;
  private final String org;
  private Entity orgEntity;

  GitHubMapper(TrustGraph graph, String org) {
    this.graph = graph;
    this.org = org;
  }

  String orgId() {
    return ResourceId.of(SOURCE, org);
  }

  String repositoryId(String fullName) {
    return ResourceId.of(SOURCE, fullName);
  }

  void organization(JsonNode json) {
    orgEntity =
        graph.entity(orgId(), EntityKind.ORGANIZATION, json.path("login").asText(org), SOURCE);
    orgEntity
        .set(Attr.MFA_REQUIRED, bool(json, "two_factor_requirement_enabled"))
        .set(Attr.BASE_PERMISSION, text(json, "default_repository_permission"))
        .set(
            Attr.PLAN,
            json.path("plan").path("name").isTextual()
                ? json.path("plan").path("name").asText()
                : null)
        .set(Attr.WEB_URL, text(json, "html_url"));
  }

  void members(List<JsonNode> everyone, List<JsonNode> owners) {
    Set<String> ownerLogins = new HashSet<>();
    owners.forEach(o -> ownerLogins.add(o.path("login").asText()));
    for (JsonNode m : everyone) {
      String login = m.path("login").asText();
      Entity user = member(login);
      user.set(Attr.WEB_URL, text(m, "html_url"));
      graph
          .relate(user, RelationKind.MEMBER_OF, orgEntity, SOURCE)
          .set(Attr.ROLE, ownerLogins.contains(login) ? "owner" : "member");
    }
    orgEntity.set(Attr.MEMBERS_LISTED, true);
  }

  /** Members not in the 2FA-disabled list have 2FA enabled: the list was read in full. */
  void twoFactorDisabled(List<JsonNode> without2fa) {
    Set<String> disabled = new HashSet<>();
    without2fa.forEach(m -> disabled.add(m.path("login").asText()));
    for (Entity user : graph.sources(orgEntity, RelationKind.MEMBER_OF)) {
      user.set(Attr.MFA_ENABLED, !disabled.contains(user.name()));
    }
  }

  private Entity member(String login) {
    return graph.entity(ResourceId.part(orgId(), "member", login), EntityKind.USER, login, SOURCE);
  }

  void repository(JsonNode json) {
    String fullName = json.path("full_name").asText();
    Entity repo =
        graph.entity(
            repositoryId(fullName), EntityKind.REPOSITORY, json.path("name").asText(), SOURCE);
    String visibility = text(json, "visibility");
    if (visibility == null && json.has("private")) {
      visibility = json.path("private").asBoolean() ? "private" : "public";
    }
    repo.set(Attr.VISIBILITY, visibility)
        .set(Attr.DEFAULT_BRANCH, text(json, "default_branch"))
        .set(Attr.ARCHIVED, bool(json, "archived"))
        .set(Attr.FORK, bool(json, "fork"))
        .set(Attr.WEB_URL, text(json, "html_url"));
    graph.relate(orgEntity, RelationKind.CONTAINS, repo, SOURCE);
  }

  /**
   * Protection of the default branch, from classic branch protection and from the active rules of
   * rulesets: a branch protected by either is protected, and each setting takes the stricter of the
   * two.
   *
   * @param classicKnown false when the classic protection could not be read (no permission)
   * @param classic the classic protection, or null when there is none (or it is unknown)
   * @param rules the active ruleset rules for the branch, or null when they could not be read
   */
  void defaultBranchProtection(
      String fullName, String branch, boolean classicKnown, JsonNode classic, JsonNode rules) {
    Entity repo = graph.get(repositoryId(fullName));
    Entity b =
        graph.entity(
            ResourceId.part(repo.id(), "branch", branch), EntityKind.BRANCH, branch, SOURCE);
    graph.relate(repo, RelationKind.CONTAINS, b, SOURCE);

    List<String> sources = new ArrayList<>();
    long rulesetApprovals = 0;
    boolean rulesetBlocksForcePush = false;
    boolean rulesetBlocksDeletion = false;
    boolean rulesetRequiresSignatures = false;
    List<String> checks = new ArrayList<>();
    if (rules != null) {
      for (JsonNode rule : rules) {
        String type = rule.path("type").asText();
        String rulesetName = "ruleset:" + rule.path("ruleset_id").asText("?");
        if (!sources.contains(rulesetName)) {
          sources.add(rulesetName);
        }
        switch (type) {
          case "pull_request" ->
              rulesetApprovals =
                  Math.max(
                      rulesetApprovals,
                      rule.path("parameters").path("required_approving_review_count").asLong(0));
          case "non_fast_forward" -> rulesetBlocksForcePush = true;
          case "deletion" -> rulesetBlocksDeletion = true;
          case "required_signatures" -> rulesetRequiresSignatures = true;
          case "required_status_checks" ->
              rule.path("parameters")
                  .path("required_status_checks")
                  .forEach(c -> checks.add(c.path("context").asText()));
          default -> {
            // Other rule types do not bear on the facts recorded here.
          }
        }
      }
    }
    boolean hasClassic = classic != null;
    if (hasClassic) {
      sources.add(0, "branch-protection");
    }
    if (rules == null && !classicKnown) {
      return; // Nothing is known: every protection attribute stays unknown.
    }
    boolean rulesetProtects = rules != null && !rules.isEmpty();
    if (rulesetProtects || hasClassic) {
      b.set(Attr.PROTECTED, true);
    } else if (classicKnown && rules != null) {
      b.set(Attr.PROTECTED, false);
    }
    b.set(Attr.PROTECTION_SOURCES, sources);

    if (hasClassic) {
      JsonNode reviews = classic.path("required_pull_request_reviews");
      long classicApprovals =
          reviews.isMissingNode() ? 0 : reviews.path("required_approving_review_count").asLong(0);
      b.set(Attr.REQUIRED_APPROVALS, Math.max(classicApprovals, rulesetApprovals))
          .set(Attr.ENFORCE_ADMINS, classic.path("enforce_admins").path("enabled").asBoolean(false))
          .set(
              Attr.FORCE_PUSH_ALLOWED,
              classic.path("allow_force_pushes").path("enabled").asBoolean(false)
                  && !rulesetBlocksForcePush)
          .set(
              Attr.DELETION_ALLOWED,
              classic.path("allow_deletions").path("enabled").asBoolean(false)
                  && !rulesetBlocksDeletion)
          .set(
              Attr.SIGNED_COMMITS_REQUIRED,
              classic.path("required_signatures").path("enabled").asBoolean(false)
                  || rulesetRequiresSignatures);
      classic.path("required_status_checks").path("contexts").forEach(c -> checks.add(c.asText()));
      b.set(Attr.REQUIRED_CHECKS, checks.stream().distinct().toList());
    } else if (classicKnown) {
      // Rulesets alone (or nothing): what they do not block is allowed.
      b.set(Attr.REQUIRED_APPROVALS, rulesetApprovals)
          .set(Attr.FORCE_PUSH_ALLOWED, !rulesetBlocksForcePush)
          .set(Attr.DELETION_ALLOWED, !rulesetBlocksDeletion)
          .set(Attr.SIGNED_COMMITS_REQUIRED, rulesetRequiresSignatures)
          .set(Attr.REQUIRED_CHECKS, checks.stream().distinct().toList());
    } else {
      // Classic protection unreadable: only what the rulesets prove is known.
      if (rulesetApprovals > 0) {
        b.set(Attr.REQUIRED_APPROVALS, rulesetApprovals);
      }
      if (rulesetBlocksForcePush) {
        b.set(Attr.FORCE_PUSH_ALLOWED, false);
      }
      if (rulesetBlocksDeletion) {
        b.set(Attr.DELETION_ALLOWED, false);
      }
    }
  }

  private static Boolean bool(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
