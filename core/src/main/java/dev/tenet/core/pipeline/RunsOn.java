package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a job runs: GitHub {@code runs-on} labels or group, GitLab {@code tags}.
 *
 * @param node the value as written
 * @param labels the labels
 * @param group the runner group, or null
 * @param dynamic true when chosen by an expression Tenet cannot resolve
 */
public record RunsOn(YamlNode node, List<YamlScalar> labels, YamlScalar group, boolean dynamic) {

  /** GitHub-hosted runner images and larger-runner naming (from GitHub's documentation). */
  private static final Pattern GITHUB_HOSTED =
      Pattern.compile(
          "(?i)^(ubuntu-(latest|slim|\\d{2}\\.04)(-arm)?(-\\d+-cores?)?"
              + "|ubuntu-(latest|\\d{2}\\.04)-(2|4|8|16|32|64)-cores?"
              + "|macos-(latest|\\d{2})(-(large|xlarge|intel|arm64))?"
              + "|windows-(latest|\\d{4})(-arm)?(-\\d+-cores?)?"
              + "|(buildjet|warp|namespace-profile|blacksmith|depot)-[a-z0-9.-]+)$");

  public static final RunsOn NONE = new RunsOn(null, List.of(), null, false);

  private static final java.util.Set<String> COMMON_HOSTED =
      java.util.Set.of(
          "ubuntu-latest",
          "ubuntu-24.04",
          "ubuntu-22.04",
          "ubuntu-20.04",
          "macos-latest",
          "macos-15",
          "macos-14",
          "macos-13",
          "windows-latest",
          "windows-2025",
          "windows-2022",
          "windows-2019",
          "ubuntu-slim",
          "ubuntu-24.04-arm",
          "ubuntu-22.04-arm");

  public List<String> labelNames() {
    return labels.stream().map(YamlScalar::value).toList();
  }

  /**
   * True when the job runs on a self-hosted runner: an explicit {@code self-hosted} label, a runner
   * group, or a label GitHub does not host. Unknown (dynamic) answers false.
   */
  public boolean selfHosted() {
    if (dynamic) {
      return false;
    }
    if (group != null) {
      return true;
    }
    for (YamlScalar l : labels) {
      String v = l.value().strip().toLowerCase(Locale.ROOT);
      if (v.contains("${{")) {
        continue;
      }
      if (COMMON_HOSTED.contains(v)) {
        continue;
      }
      if (v.equals("self-hosted") || !GITHUB_HOSTED.matcher(v).matches()) {
        return true;
      }
    }
    return false;
  }
}
