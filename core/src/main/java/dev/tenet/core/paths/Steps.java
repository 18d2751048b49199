package dev.tenet.core.paths;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.model.ResourceId;
import java.util.List;
import java.util.Locale;

/**
 * Words for attack steps: the fact that makes a step possible, and the fix that would cut it (null
 * when the step is structural, like "the environment is part of the repository", and only an
 * earlier or later step can be cut).
 */
final class Steps {
  private final AttackGraph g;
  private final String[] facts;

  Steps(AttackGraph g) {
    this.g = g;
    this.facts = new String[g.edgeCount()];
  }

  String fact(int edge) {
    String cached = facts[edge];
    if (cached == null) {
      cached = describe(edge);
      facts[edge] = cached;
    }
    return cached;
  }

  private String describe(int edge) {
    Entity f = g.entityOf(g.edgeFrom[edge]);
    Entity t = g.entityOf(g.edgeTo[edge]);
    Relation r = g.edgeRelation[edge];
    boolean assumed = g.assumed(edge);
    String from = name(f);
    String to = name(t);
    return switch (g.type(edge)) {
      case OWNER -> from + " is an owner of " + to;
      case MEMBER -> from + " is a member of " + to;
      case TEAM_MEMBER -> from + " is a member of " + to;
      case BASE_PERMISSION ->
          assumed
              ? "the base permission of "
                  + from
                  + " could not be read, so every member may be able to write to "
                  + to
              : "every member of "
                  + from
                  + " has '"
                  + f.text(Attr.BASE_PERMISSION).orElse("write")
                  + "' permission on "
                  + to
                  + " (organization base permission)";
      case WRITE -> from + " can write to " + to + grant(r);
      case ADMIN -> from + " administers " + to + grant(r);
      case BYPASS -> from + " may bypass the protection of " + to;
      case APPROVE ->
          from
              + " can approve changes to "
              + to
              + (assumed ? " (how many approvals it needs could not be read)" : "");
      case TRIGGER ->
          r == null
              ? "anyone can run "
                  + to
                  + " through "
                  + String.join(", ", untrusted(t))
                  + " on the public "
                  + repositoryName(g.edgeTo[edge])
              : from + " can trigger " + to + detail(r, "trigger", "event");
      case RUNS_ON -> from + " runs on " + to;
      case HOSTS ->
          assumed
              ? "whether "
                  + from
                  + " is ephemeral could not be read, so a job on it may taint "
                  + to
              : from + " is a persistent runner, so a job on it can taint " + to;
      case USED_BY -> to + " runs " + from;
      case READS_SECRET -> from + " reads " + to;
      case READS_CREDENTIAL -> from + " can read " + to;
      case DEPLOYS_TO ->
          from
              + " deploys to "
              + to
              + (assumed
                  ? " (whether it requires a reviewer could not be read)"
                  : ", which requires no reviewer");
      case BRANCH_DEPLOYS ->
          "code on "
              + from
              + " can deploy to "
              + to
              + (assumed
                  ? " (its reviewers or branch rules could not be read)"
                  : " without review");
      case MINT_OIDC -> from + " can mint OIDC tokens that " + to + " trusts";
      case ASSUMES_ROLE -> from + " can assume " + to;
      case HAS_ROLE -> from + " has " + to;
      case PUBLISHES -> from + " can publish " + to;
      case PULLED_BY -> to + " pulls and runs " + from;
      case INSTALLED ->
          from
              + " can change "
              + to
              + (assumed ? " (its permissions or repositories could not be read)" : "");
      case CONTAINS -> to + " is part of " + from;
      case PUSH -> push(t, from, assumed);
      case WRITE_DEPLOY ->
          assumed
              ? "the reviewers or branch rules of "
                  + to
                  + " could not be read, so anyone who can write to "
                  + from
                  + " may deploy to it"
              : to
                  + " accepts deployments from any branch without review, so anyone who can"
                  + " write to "
                  + from
                  + " can deploy to it";
      case WRITE_CONTAINS ->
          t.kind() == EntityKind.SECRET || t.kind() == EntityKind.VARIABLE
              ? "any workflow of " + from + ", on any branch, can read " + to
              : "anyone who can write to " + from + " can change and run " + to;
    };
  }

  /** Whether the step itself can be cut (whether {@link #fix} has an answer), cheaply. */
  boolean cuttable(int edge) {
    return switch (g.type(edge)) {
      case MEMBER, CONTAINS -> false;
      case WRITE_CONTAINS -> {
        EntityKind k = g.entityOf(g.edgeTo[edge]).kind();
        yield k == EntityKind.SECRET || k == EntityKind.VARIABLE;
      }
      default -> true;
    };
  }

  /** The fix that cuts the step, or null when the step itself cannot be cut. */
  String fix(int edge) {
    Entity f = g.entityOf(g.edgeFrom[edge]);
    Entity t = g.entityOf(g.edgeTo[edge]);
    String from = name(f);
    String to = name(t);
    return switch (g.type(edge)) {
      case OWNER -> "Remove the owner role from " + from + " unless it is needed; keep owners few";
      case MEMBER, CONTAINS -> null;
      case TEAM_MEMBER -> "Remove " + from + " from " + to + " if its access is not needed";
      case BASE_PERMISSION ->
          "Set the base permission of "
              + from
              + " to read or none, and grant write access through teams";
      case WRITE -> "Reduce " + from + "'s access to " + to + " to read, or remove it";
      case ADMIN -> "Remove " + from + "'s admin access to " + to;
      case BYPASS -> "Remove " + from + " from the bypass list of " + to;
      case APPROVE -> "Stop " + from + " approving changes to " + to + ", or require two reviews";
      case TRIGGER ->
          g.edgeRelation[edge] == null || f.kind() == EntityKind.INTERNET
              ? "Do not give "
                  + to
                  + " secrets or a write token on events outsiders cause: use pull_request"
                  + " instead of pull_request_target, or require approval before it runs"
              : "Stop " + from + " triggering " + to;
      case RUNS_ON -> "Run " + from + " on an ephemeral runner reserved for it";
      case HOSTS -> "Make " + from + " ephemeral: a fresh runner for every job";
      case USED_BY -> "Pin " + from + " to a reviewed commit SHA, or drop it from " + to;
      case READS_SECRET ->
          "Stop passing "
              + to
              + " to "
              + from
              + ", or move it into an environment with required reviewers";
      case READS_CREDENTIAL -> "Remove " + from + "'s access to " + to;
      case DEPLOYS_TO, BRANCH_DEPLOYS -> "Require reviewers on " + to;
      case MINT_OIDC ->
          "Restrict the trust policy of "
              + to
              + " to the protected branch or environment that needs it";
      case ASSUMES_ROLE -> "Narrow who may assume " + to;
      case HAS_ROLE -> "Remove " + to + " from " + from;
      case PUBLISHES -> "Publish " + to + " only from a protected workflow, with signed provenance";
      case PULLED_BY ->
          "Pin " + from + " by digest and verify its signature before " + to + " runs it";
      case INSTALLED -> "Limit " + from + " to the repositories and permissions it needs";
      case PUSH ->
          "Protect "
              + to
              + ": require a pull request with at least one approving review (branch protection"
              + " or an active ruleset)";
      case WRITE_DEPLOY -> "Require reviewers on " + to + ", or accept only protected branches";
      case WRITE_CONTAINS ->
          t.kind() == EntityKind.SECRET || t.kind() == EntityKind.VARIABLE
              ? "Move " + to + " into an environment with required reviewers"
              : null;
    };
  }

  /** The resource a fix of this step changes. */
  String fixResource(int edge) {
    return switch (g.type(edge)) {
      case BASE_PERMISSION, OWNER, HOSTS, RUNS_ON, USED_BY, INSTALLED, TEAM_MEMBER ->
          g.type(edge) == HopType.TEAM_MEMBER || g.type(edge) == HopType.USED_BY
              ? g.entityOf(g.edgeTo[edge]).id()
              : g.entityOf(g.edgeFrom[edge]).id();
      default -> g.entityOf(g.edgeTo[edge]).id();
    };
  }

  private String push(Entity branch, String repo, boolean assumed) {
    String b = name(branch);
    if (assumed) {
      return "the protection of "
          + b
          + " could not be read, so anyone who can write to "
          + repo
          + " may be able to push to it";
    }
    if (branch.isFalse(Attr.PROTECTED)) {
      return b + " has no protection, so anyone who can write to " + repo + " can push to it";
    }
    return b
        + " merges without an approving review, so anyone who can write to "
        + repo
        + " can change it";
  }

  private List<String> untrusted(Entity workflow) {
    return workflow.list(Attr.TRIGGERS).stream()
        .filter(t -> g.policy.untrustedTriggers().contains(t.toLowerCase(Locale.ROOT)))
        .toList();
  }

  private String repositoryName(int node) {
    int repo = g.repositoryOf(node);
    return repo < 0 ? "repository" : name(g.entityOf(repo));
  }

  private static String grant(Relation r) {
    if (r == null) {
      return "";
    }
    String via = r.text("via").orElse(null);
    String permission = r.text("permission").orElse(null);
    if (via == null && permission == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(" (");
    if (permission != null) {
      s.append("'").append(permission).append("'");
    }
    if (via != null) {
      s.append(permission != null ? " " : "").append("via ").append(via);
    }
    return s.append(")").toString();
  }

  private static String detail(Relation r, String... keys) {
    for (String k : keys) {
      String v = r.text(k).orElse(null);
      if (v != null) {
        return " (" + v + ")";
      }
    }
    return "";
  }

  /**
   * How an entity is named in a sentence: its kind, its name, and for a part of a repository the
   * repository ("branch main of payments").
   */
  static String name(Entity e) {
    return switch (e.kind()) {
      case INTERNET -> "anyone on the internet";
      case ORGANIZATION, USER -> e.name();
      case REPOSITORY -> "repository " + e.name();
      default -> e.kind().id().replace('-', ' ') + " " + e.name() + ofRepository(e.id());
    };
  }

  private static String ofRepository(String id) {
    if (id.indexOf('#') < 0) {
      return "";
    }
    String scope = ResourceId.scopeOf(id);
    int slash = scope.lastIndexOf('/');
    int colon = scope.indexOf(':');
    return slash > colon && colon > 0 ? " of " + scope.substring(slash + 1) : "";
  }
}
