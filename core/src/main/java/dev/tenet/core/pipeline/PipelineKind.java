package dev.tenet.core.pipeline;

/** What a pipeline file is. */
public enum PipelineKind {
  /** A GitHub Actions workflow (.github/workflows/*.yml), including reusable workflows. */
  GITHUB_WORKFLOW("github", "GitHub Actions workflow"),
  /** A GitHub Actions action (action.yml): composite, Docker or JavaScript. */
  GITHUB_ACTION("github", "GitHub Actions action"),
  /** A GitLab CI/CD configuration (.gitlab-ci.yml and what it includes). */
  GITLAB_CI("gitlab", "GitLab CI/CD configuration");

  private final String platform;
  private final String label;

  PipelineKind(String platform, String label) {
    this.platform = platform;
    this.label = label;
  }

  /** The platform of the resource-id grammar: github or gitlab. */
  public String platform() {
    return platform;
  }

  public String label() {
    return label;
  }

  public boolean isGitHub() {
    return this != GITLAB_CI;
  }
}
