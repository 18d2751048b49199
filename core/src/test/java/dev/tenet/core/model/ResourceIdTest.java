package dev.tenet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceIdTest {

  @Test
  void buildsIdsInTheSpecGrammar() {
    assertThat(ResourceId.of("github", "acme-corp")).isEqualTo("github:acme-corp");
    assertThat(ResourceId.of("github", "acme-corp/payments", "branch", "main"))
        .isEqualTo("github:acme-corp/payments#branch/main");
    assertThat(ResourceId.part("gitlab:acme/platform/api", "variable", "AWS_KEY"))
        .isEqualTo("gitlab:acme/platform/api#variable/AWS_KEY");
  }

  @Test
  void encodesHashPercentAndWhitespaceSoIdsParseBack() {
    String id = ResourceId.of("github", "acme corp/repo", "branch", "release#1 50%");
    assertThat(id).isEqualTo("github:acme%20corp/repo#branch/release%231%2050%25");
    ResourceId parsed = ResourceId.parse(id);
    assertThat(parsed.platform()).isEqualTo("github");
    assertThat(parsed.scope()).isEqualTo("acme corp/repo");
    assertThat(parsed.kind()).isEqualTo("branch");
    assertThat(parsed.name()).isEqualTo("release#1 50%");
    assertThat(parsed.toString()).isEqualTo(id);
  }

  @Test
  void namesMayContainSlashes() {
    ResourceId parsed = ResourceId.parse("github:acme/web#branch/feature/login");
    assertThat(parsed.name()).isEqualTo("feature/login");
  }

  @Test
  void scopeAndPlatformOfAnId() {
    assertThat(ResourceId.scopeOf("github:acme/web#branch/main")).isEqualTo("github:acme/web");
    assertThat(ResourceId.platformOf("gitlab:acme/web")).isEqualTo("gitlab");
  }

  @Test
  void rejectsMalformedIds() {
    assertThatThrownBy(() -> ResourceId.parse("no-platform"))
        .hasMessageContaining("Not a resource id");
    assertThatThrownBy(() -> ResourceId.parse("github:x#nokind"))
        .hasMessageContaining("Not a resource id");
    assertThatThrownBy(() -> ResourceId.part("github:x#branch/main", "file", "a"))
        .hasMessageContaining("already names a part");
  }
}
