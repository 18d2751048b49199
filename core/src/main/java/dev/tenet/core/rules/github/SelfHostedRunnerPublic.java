package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.List;
import java.util.Optional;

/**
 * Self-hosted runners that public repositories can use: a runner group open to them, or a runner
 * registered on a public repository itself.
 */
public final class SelfHostedRunnerPublic implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-RUNNER-001",
          "self-hosted-runner-public",
          Severity.CRITICAL,
          "Self-hosted runner reachable from public repositories",
          "A pull request from anyone on the internet can run code on a runner inside your"
              + " network, keep a foothold on it and read what later jobs leave behind.",
          List.of(
              "In the organization's Settings → Actions → Runner groups, untick 'Allow public"
                  + " repositories' for the group, or limit it to private repositories.",
              "Remove self-hosted runners registered on public repositories; use GitHub-hosted"
                  + " runners (or ephemeral, isolated runners) for public work."),
          List.of(
              "https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#self-hosted-runner-security"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity group : Subjects.of(context.graph(), EntityKind.RUNNER_GROUP, GitHub.PLATFORM)) {
      Optional<Boolean> publicAllowed = group.bool(Attr.PUBLIC_REPOSITORIES_ALLOWED);
      long runners = group.number(Attr.RUNNER_COUNT).orElse(-1L);
      if (runners == 0 || publicAllowed.map(a -> !a).orElse(false)) {
        outcomes.pass(group.id());
        continue;
      }
      if (publicAllowed.isEmpty() || runners < 0) {
        outcomes.unknown(group.id(), "the runner group's settings are not visible");
        continue;
      }
      List<String> publicRepos =
          context.graph().sources(group, RelationKind.RUNS_ON).stream()
              .filter(r -> r.kind() == EntityKind.REPOSITORY)
              .filter(r -> GitHub.isPublic(r) && !r.isTrue(Attr.ARCHIVED))
              .map(Entity::name)
              .sorted()
              .toList();
      if (publicRepos.isEmpty()) {
        outcomes.pass(group.id());
        continue;
      }
      outcomes
          .fail(
              group.id(),
              "Runner group '"
                  + group.name()
                  + "' lets "
                  + publicRepos.size()
                  + " public "
                  + (publicRepos.size() == 1 ? "repository" : "repositories")
                  + " run jobs on its "
                  + runners
                  + " self-hosted "
                  + (runners == 1 ? "runner." : "runners."))
          .with("runner_group", group.name())
          .with("public_repositories", publicRepos)
          .with("runners", runners)
          .with("access", group.text(Attr.RUNNER_ACCESS).orElse(null));
    }
    for (Entity runner : Subjects.of(context.graph(), EntityKind.RUNNER, GitHub.PLATFORM)) {
      Entity owner = context.graph().container(runner).orElse(null);
      if (owner == null || owner.kind() != EntityKind.REPOSITORY || owner.isTrue(Attr.ARCHIVED)) {
        continue;
      }
      if (GitHub.isPublic(owner)) {
        outcomes
            .fail(
                runner.id(),
                "Self-hosted runner '"
                    + runner.name()
                    + "' is registered on public repository "
                    + owner.name()
                    + ".")
            .with("runner", runner.name())
            .with("repository", owner.name())
            .with("ephemeral", runner.bool(Attr.EPHEMERAL).orElse(null));
      } else if (owner.has(Attr.VISIBILITY)) {
        outcomes.pass(runner.id());
      } else {
        outcomes.unknown(runner.id(), "the repository's visibility is not known");
      }
    }
  }
}
