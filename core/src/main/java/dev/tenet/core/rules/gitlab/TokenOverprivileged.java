package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Set;

/**
 * A project or group access token with full API access, administrative scopes or the Owner role; a
 * deploy token that can publish. Tenet's own token is judged by {@link ScannerTokenOverprivileged}.
 */
public final class TokenOverprivileged implements Rule {
  /** Scopes that write through the whole API or administer the instance, runners or clusters. */
  static final Set<String> BROAD_SCOPES =
      Set.of("api", "sudo", "admin_mode", "k8s_proxy", "manage_runner", "create_runner");

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-TOKEN-002",
          "token-overprivileged",
          Severity.MEDIUM,
          "Access or deploy token with broader scopes than its use needs",
          "A token with the api scope can do through the API whatever its role can in the UI:"
              + " change settings, read every variable, push code. Whoever holds a copy holds"
              + " all of that.",
          List.of(
              "Find what the token is used for (its name and last use help).",
              "Create a replacement with the narrowest scopes and role that work (read_api,"
                  + " read_repository, read_registry...) and an expiry date; revoke the old one."),
          List.of(
              GitLab.DOCS
                  + "user/project/settings/project_access_tokens/#scopes-for-a-project-access-token"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity t : GitLab.entities(context.graph(), EntityKind.TOKEN)) {
      if (t.isTrue(Attr.SCANNER_TOKEN) || t.isFalse(Attr.ACTIVE)) {
        continue;
      }
      if (!t.has(Attr.SCOPES)) {
        outcomes.unknown(t.id(), "token scopes not visible to the token");
        continue;
      }
      List<String> scopes = t.list(Attr.SCOPES);
      String holder = GitLab.holderName(context.graph(), t);
      if (GitLab.partKind(t).equals("deploy-token")) {
        List<String> writes = scopes.stream().filter(s -> s.startsWith("write_")).toList();
        if (writes.isEmpty()) {
          outcomes.pass(t.id());
        } else {
          outcomes
              .fail(
                  t.id(),
                  "Deploy token '"
                      + t.name()
                      + "' of "
                      + holder
                      + " can publish ("
                      + String.join(", ", writes)
                      + ").")
              .with("scopes", scopes)
              .severity(Severity.LOW);
        }
        continue;
      }
      List<String> broad = scopes.stream().filter(BROAD_SCOPES::contains).sorted().toList();
      String role = t.text(Attr.ROLE).orElse("");
      boolean owner = role.equals("owner");
      if (broad.isEmpty() && !owner) {
        outcomes.pass(t.id());
        continue;
      }
      outcomes
          .fail(
              t.id(),
              "Access token '"
                  + t.name()
                  + "' of "
                  + holder
                  + " holds "
                  + (broad.isEmpty() ? "" : String.join(", ", broad))
                  + (broad.isEmpty() || !owner ? "" : " with ")
                  + (owner ? "the Owner role" : "")
                  + ".")
          .with("scopes", scopes)
          .with("role", role.isEmpty() ? null : role)
          .with("last_used_at", t.text(Attr.LAST_ACTIVE_AT).orElse(null))
          .severity(
              !broad.isEmpty() && Roles.atLeast(role, "maintainer")
                  ? Severity.HIGH
                  : Severity.MEDIUM);
    }
  }
}
