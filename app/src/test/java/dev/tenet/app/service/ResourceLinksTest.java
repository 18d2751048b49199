package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ScopeEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Web pages of resources: what the platform reported, on its own host only. */
class ResourceLinksTest {
  static final List<ScopeEntry> GITLAB =
      List.of(new ScopeEntry("gitlab", "https://gitlab.example.com", "acme"));
  static final List<ScopeEntry> GITHUB =
      List.of(new ScopeEntry("github", "https://api.github.com", "acme"));

  @Test
  void aPartOpensThePageOfWhatContainsIt() {
    TrustGraph g = new TrustGraph();
    Entity project =
        g.entity("gitlab:acme/api", EntityKind.REPOSITORY, "api", "gitlab")
            .set(Attr.WEB_URL, "https://gitlab.example.com/acme/api");
    Entity variable =
        g.entity("gitlab:acme/api#variable/KEY", EntityKind.VARIABLE, "KEY", "gitlab");
    g.relate(project, RelationKind.CONTAINS, variable, "gitlab");
    assertThat(ResourceLinks.webPage(g, GITLAB, "gitlab:acme/api#variable/KEY"))
        .hasValueSatisfying(u -> assertThat(u).hasToString("https://gitlab.example.com/acme/api"));
  }

  @Test
  void aWebAddressOnAnotherHostOrSchemeIsNeverOffered() {
    TrustGraph g = new TrustGraph();
    g.entity("gitlab:acme/a", EntityKind.REPOSITORY, "a", "gitlab")
        .set(Attr.WEB_URL, "https://evil.example.net/acme/a");
    g.entity("gitlab:acme/b", EntityKind.REPOSITORY, "b", "gitlab")
        .set(Attr.WEB_URL, "javascript:alert(1)");
    g.entity("gitlab:acme/c", EntityKind.REPOSITORY, "c", "gitlab")
        .set(Attr.WEB_URL, "https://user:pw@gitlab.example.com/acme/c");
    g.entity("gitlab:acme/d", EntityKind.REPOSITORY, "d", "gitlab")
        .set(Attr.WEB_URL, "http://gitlab.example.com/acme/d");
    assertThat(ResourceLinks.webPage(g, GITLAB, "gitlab:acme/a")).isEmpty();
    assertThat(ResourceLinks.webPage(g, GITLAB, "gitlab:acme/b")).isEmpty();
    assertThat(ResourceLinks.webPage(g, GITLAB, "gitlab:acme/c")).isEmpty();
    assertThat(ResourceLinks.webPage(g, GITLAB, "gitlab:acme/d")).isEmpty();
  }

  @Test
  void githubPagesFollowFromTheIds() {
    assertThat(ResourceLinks.webPage(null, GITHUB, "github:acme/web#branch/main"))
        .hasValueSatisfying(
            u -> assertThat(u).hasToString("https://github.com/acme/web/tree/main"));
    assertThat(ResourceLinks.webPage(null, GITHUB, "github:acme#team/platform-admins"))
        .hasValueSatisfying(
            u -> assertThat(u).hasToString("https://github.com/orgs/acme/teams/platform-admins"));
    assertThat(
            ResourceLinks.webPage(
                null,
                List.of(new ScopeEntry("github", "https://ghe.example.com/api/v3", "acme")),
                "github:acme/web"))
        .hasValueSatisfying(u -> assertThat(u).hasToString("https://ghe.example.com/acme/web"));
    // The emulator behind the demo has no web pages.
    assertThat(
            ResourceLinks.webPage(
                null,
                List.of(new ScopeEntry("github", "http://127.0.0.1:4000/api/v3", "acme")),
                "github:acme/web"))
        .isEmpty();
  }
}
