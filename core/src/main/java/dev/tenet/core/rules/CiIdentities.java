package dev.tenet.core.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the identities CI/CD systems use by their names: cloud users and cluster service
 * accounts are usually named after the system that holds their credentials (github-deployer,
 * gitlab-runner, jenkins, argocd-application-controller). A heuristic, so rules that use it say
 * which word matched.
 */
public final class CiIdentities {
  private CiIdentities() {}

  private static final Set<String> WORDS =
      Set.of(
          "ci",
          "cd",
          "cicd",
          "github",
          "gha",
          "gitlab",
          "jenkins",
          "circleci",
          "travis",
          "buildkite",
          "bitbucket",
          "pipeline",
          "pipelines",
          "deploy",
          "deployer",
          "deployers",
          "terraform",
          "atlantis",
          "spinnaker",
          "argocd",
          "flux",
          "tekton",
          "actions",
          "runner",
          "runners",
          "drone",
          "teamcity",
          "bamboo",
          "octopus",
          "harness",
          "codefresh",
          "concourse",
          "woodpecker",
          "codebuild",
          "codepipeline");

  /** The CI word in a name (split on - _ . : @ + = , /), if any. */
  public static Optional<String> ciWord(String name) {
    List<String> words = Arrays.asList(name.toLowerCase(Locale.ROOT).split("[-_.:@+=,/\\s]+"));
    return words.stream().filter(WORDS::contains).findFirst();
  }
}
