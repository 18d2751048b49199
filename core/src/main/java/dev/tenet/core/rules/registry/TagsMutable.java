package dev.tenet.core.rules.registry;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/** An image repository whose registry lets existing tags be overwritten. */
public final class TagsMutable implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "REG-TAG-001",
          "registry-tag-mutable",
          Severity.MEDIUM,
          "Registry lets existing image tags be overwritten",
          "Deployments and pipelines that pull by tag get whatever the tag points to at that"
              + " moment. When tags can be overwritten, anyone who can push can replace a release"
              + " that was reviewed and deployed before, and nothing downstream notices.",
          List.of(
              "Turn on tag immutability for the repository (Docker Hub: Settings → General → Tag"
                  + " mutability; Artifactory, Harbor, ECR: immutable tags), at least for"
                  + " release tags (v*).",
              "Deploy by digest (image@sha256:…) rather than by tag."),
          List.of(
              "https://docs.docker.com/docker-hub/repos/manage/hub-images/immutable-tags/",
              "https://github.com/opencontainers/distribution-spec/blob/main/spec.md"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity repository : Registries.imageRepositories(context.graph())) {
      if (repository.isTrue(Attr.TAGS_IMMUTABLE)) {
        outcomes.pass(repository.id());
      } else if (repository.isFalse(Attr.TAGS_IMMUTABLE)) {
        outcomes
            .fail(
                repository.id(),
                "Tags of image repository " + repository.name() + " can be overwritten.")
            .with("repository", repository.name())
            .with("visibility", repository.text(Attr.VISIBILITY).orElse(null));
      } else {
        outcomes.unknown(repository.id(), "the registry does not say whether tags are immutable");
      }
    }
  }
}
