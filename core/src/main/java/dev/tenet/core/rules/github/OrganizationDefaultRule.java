package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.rule.FindingDraft;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rules.Subjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule on an Actions setting the organization sets and repositories may only tighten. The
 * organization's value is judged on the organization, and its finding lists the repositories that
 * keep the weak value. A repository is judged on its own only where its value is weak although the
 * organization's is not (or is not visible), so that one root cause makes one finding.
 */
abstract class OrganizationDefaultRule implements Rule {

  /** Whether the entity's setting is weak; empty when the setting is not known. */
  abstract Optional<Boolean> weak(Entity entity);

  /** One sentence saying what is weak about the entity's setting. */
  abstract String problem(Entity entity);

  /** Adds the facts behind a finding. */
  abstract void evidence(FindingDraft finding, Entity entity);

  /** Whether the rule judges this repository at all (e.g. only public ones). */
  boolean judges(Entity repository) {
    return true;
  }

  @Override
  public final void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity org : Subjects.of(context.graph(), EntityKind.ORGANIZATION, GitHub.PLATFORM)) {
      Optional<Boolean> orgWeak = weak(org);
      List<String> weakRepositories = new ArrayList<>();
      for (Entity repo : Subjects.activeRepositories(context.graph(), GitHub.PLATFORM)) {
        if (!judges(repo)
            || repo.isFalse(Attr.PIPELINES_ENABLED)
            || !GitHub.organizationOf(context.graph(), repo).map(org::equals).orElse(false)) {
          continue;
        }
        Optional<Boolean> repoWeak = weak(repo);
        if (repoWeak.isEmpty()) {
          if (orgWeak.isEmpty()) {
            outcomes.unknown(repo.id(), "the setting is not visible to the token");
          }
          // Otherwise the repository inherits the organization's value, judged there.
        } else if (!repoWeak.get()) {
          outcomes.pass(repo.id());
        } else if (orgWeak.orElse(false)) {
          weakRepositories.add(repo.name());
        } else {
          FindingDraft f = outcomes.fail(repo.id(), problem(repo));
          evidence(f, repo);
          f.with("organization_setting", orgWeak.isEmpty() ? "not visible" : "stricter");
        }
      }
      if (orgWeak.isEmpty()) {
        outcomes.unknown(org.id(), "organization Actions settings are visible to owners only");
      } else if (orgWeak.get()) {
        FindingDraft f = outcomes.fail(org.id(), problem(org));
        evidence(f, org);
        if (!weakRepositories.isEmpty()) {
          f.with("repositories_with_this_setting", weakRepositories.stream().sorted().toList());
        }
      } else {
        outcomes.pass(org.id());
      }
    }
  }
}
