package dev.tenet.core.rules.registry;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A registry that asks for no credentials, or an image repository anyone can push to, or a private
 * one anyone can pull from. Public repositories are meant to be pulled by anyone.
 */
public final class AnonymousAccess implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "REG-ANON-001",
          "registry-anonymous-access",
          Severity.HIGH,
          "Registry repository can be pulled or pushed without credentials",
          "Anonymous pull of a private repository hands its images, and the secrets and"
              + " internals baked into them, to anyone who finds the registry. Anonymous push lets"
              + " anyone replace what production pulls.",
          List.of(
              "Require authentication for the registry (Distribution: auth.token or htpasswd;"
                  + " Artifactory: turn off anonymous access or remove the anonymous user from"
                  + " permission targets).",
              "Make repositories that are meant to be public explicitly public, and everything"
                  + " else private.",
              "Never grant push to anonymous users; pipelines push with their own short-lived"
                  + " credentials."),
          List.of(
              "https://distribution.github.io/distribution/about/configuration/#auth",
              "https://jfrog.com/help/r/jfrog-platform-administration-documentation/anonymous-access"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    Set<String> open = new HashSet<>();
    for (Entity registry : Registries.of(context.graph(), EntityKind.REGISTRY)) {
      if (registry.isFalse(Attr.AUTH_REQUIRED)) {
        open.add(registry.id());
        outcomes
            .fail(
                registry.id(),
                "Registry "
                    + registry.name()
                    + " asks for no credentials at all: anyone can pull every image, and push"
                    + " unless the registry is read-only.")
            .with("registry", registry.name())
            .with("auth_required", false)
            .severity(Severity.CRITICAL);
      } else if (registry.isTrue(Attr.AUTH_REQUIRED)) {
        outcomes.pass(registry.id());
      }
    }
    for (Entity repository : Registries.imageRepositories(context.graph())) {
      boolean underOpenRegistry =
          Registries.registryOf(context.graph(), repository)
              .map(r -> open.contains(r.id()))
              .orElse(false);
      if (underOpenRegistry) {
        continue; // Judged once, on the registry.
      }
      String visibility = repository.text(Attr.VISIBILITY).orElse(null);
      if (repository.isTrue(Attr.ANONYMOUS_PUSH)) {
        outcomes
            .fail(repository.id(), "Anyone can push to image repository " + repository.name() + ".")
            .with("repository", repository.name())
            .with("anonymous_push", true)
            .with("anonymous_pull", repository.bool(Attr.ANONYMOUS_PULL).orElse(null))
            .with("visibility", visibility)
            .severity(Severity.CRITICAL);
      } else if (repository.isTrue(Attr.ANONYMOUS_PULL) && !"public".equals(visibility)) {
        outcomes
            .fail(
                repository.id(),
                "Anyone can pull from image repository "
                    + repository.name()
                    + (visibility == null
                        ? ", which is not declared public."
                        : ", which is " + visibility + "."))
            .with("repository", repository.name())
            .with("anonymous_pull", true)
            .with("visibility", visibility == null ? "not declared" : visibility);
      } else if (repository.has(Attr.ANONYMOUS_PULL)) {
        outcomes.pass(repository.id());
      } else {
        outcomes.unknown(repository.id(), "anonymous access was not probed");
      }
    }
  }
}
