package dev.tenet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeaknessCatalogTest {

  @Test
  void loadsTheBundledTaxonomyWithEveryFieldFilled() {
    WeaknessCatalog catalog = WeaknessCatalog.standard();

    assertThat(catalog.all()).hasSizeGreaterThan(50);
    for (Weakness w : catalog.all()) {
      assertThat(w.id()).matches("[a-z0-9-]+");
      assertThat(w.title()).isNotBlank();
      assertThat(w.owasp()).allMatch(o -> o.matches("CICD-SEC-(10|[1-9])"));
      assertThat(w.nist()).allMatch(n -> n >= 1 && n <= 7);
    }
    Weakness mfa = catalog.get("org-mfa-not-enforced");
    assertThat(mfa.pillar()).isEqualTo(Pillar.IDENTITY);
    assertThat(mfa.defaultSeverity()).isEqualTo(Severity.HIGH);
    assertThat(mfa.cisSsc()).containsExactly("1.3.5");
    assertThat(catalog.get(Weakness.COVERAGE_GAP).pillar()).isEqualTo(Pillar.MONITORING);
  }

  @Test
  void unknownIdsAreRejected() {
    assertThatThrownBy(() -> WeaknessCatalog.standard().get("no-such-weakness"))
        .hasMessageContaining("no-such-weakness");
  }

  @Test
  void aDuplicateIdIsAnError() {
    String yaml =
        """
        - {id: a, pillar: identity, title: A, owasp: [], nist: [], cis_ssc: [], default_severity: low}
        - {id: a, pillar: identity, title: A, owasp: [], nist: [], cis_ssc: [], default_severity: low}
        """;
    assertThatThrownBy(
            () ->
                WeaknessCatalog.parse(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("defined twice");
  }

  /**
   * The bundled copy must not drift from the contract in ../shared/spec, when it is present: every
   * contract weakness is there unchanged. The contract lets the product add weaknesses; ours are
   * the ones listed here, so an accidental addition still fails.
   */
  @Test
  void bundledCopyMatchesTheSharedContractWhenAvailable() throws Exception {
    Path spec = Path.of("../../shared/spec/weaknesses.yaml");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(spec), "no ../shared here");
    try (var in = Files.newInputStream(spec)) {
      WeaknessCatalog shared = WeaknessCatalog.parse(in);
      var bundled = WeaknessCatalog.standard().all();
      assertThat(bundled).containsAll(shared.all());
      assertThat(bundled.stream().filter(w -> !shared.all().contains(w)).map(Weakness::id))
          .containsExactlyElementsOf(PRODUCT_ADDITIONS);
    }
  }

  /** Weaknesses Tenet adds to the contract's taxonomy (allowed by its header). */
  private static final List<String> PRODUCT_ADDITIONS = List.of("attack-path");
}
