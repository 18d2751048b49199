package dev.tenet.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.connectors.emulator.RegistryEmulator;
import dev.tenet.connectors.emulator.SampleRegistry;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.integrity.Keyless;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.connectors.registry.oci.OciRegistryConnector;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registry connector against the demo registry (the emulator serving {@code
 * acme-registry.yaml}): every planted weakness is found with its evidence and nothing else, and
 * signatures and attestations attached through the OCI 1.1 referrers API are found and verified.
 */
class RegistryEmulatorScanTest {
  static final String TOKEN = "demo-registry-token-0000";
  static final String HOST = "registry.acme-corp.example";

  static OciRegistryConnector connector(RegistryEmulator emulator, TagHistory history) {
    SampleRegistry sample = emulator.sample();
    RegistryOptions options =
        new RegistryOptions(
            ImageSelection.defaults(),
            new TrustedKeys(List.of(TrustedKeys.key("acme-release.pub", emulator.releaseKey()))),
            Keyless.withoutTrustedRoot(),
            sample.trustedSources(),
            history,
            Clock.systemUTC());
    return new OciRegistryConnector(
        emulator.url().toString(),
        sample.host(),
        new BearerChallenges.Credentials(sample.user(), Secret.of(TOKEN)),
        options,
        HttpPolicy.defaults(),
        ResponseCache.NONE);
  }

  /** The sample's earlier assessment, as the demo gives it to the connector. */
  static TagHistory declared(RegistryEmulator emulator) {
    Map<String, TagHistory.Seen> seen = new java.util.HashMap<>();
    for (RegistryEmulator.Earlier e : emulator.earlier()) {
      seen.put(tag(e.repository(), e.tag()), new TagHistory.Seen(e.digest(), e.seenAt()));
    }
    return TagHistory.of(seen);
  }

  static String tag(String repo, String tag) {
    return "oci:" + HOST + "/" + repo + "#tag/" + tag;
  }

  @Test
  void theDemoRegistryShowsEveryPlantedWeaknessAndNothingElse() throws Exception {
    try (RegistryEmulator emulator = RegistryEmulator.start(SampleRegistry.demo(), TOKEN)) {
      Scan scan = Scan.run(connector(emulator, declared(emulator)));
      Map<String, Set<String>> found = new TreeMap<>();
      for (Finding f : scan.evaluation().findings()) {
        if (f.ruleId().startsWith("REG-")) {
          found.computeIfAbsent(f.ruleId(), k -> new TreeSet<>()).add(f.resource());
        }
      }
      assertThat(found)
          .containsOnlyKeys("REG-SIGN-001", "REG-PROV-001", "REG-ANON-001", "REG-TAG-002")
          .containsEntry("REG-TAG-002", Set.of(tag("acme-corp/api-gateway", "v1.0.0")))
          .containsEntry(
              "REG-SIGN-001",
              Set.of(
                  tag("acme-corp/ledger-service", "v1.8.2"),
                  tag("acme-corp/auth-service", "v3.0.0"),
                  tag("acme-corp/checkout-ui", "1.12.0")))
          .containsEntry(
              "REG-PROV-001",
              Set.of(
                  tag("acme-corp/auth-service", "v3.0.0"),
                  tag("acme-corp/checkout-ui", "1.12.0"),
                  tag("acme-corp/notification-service", "v5.2.0"),
                  tag("acme-corp/search-service", "v4.1.0")))
          .containsEntry("REG-ANON-001", Set.of("oci:" + HOST + "/acme-corp/feature-flags"));

      Finding tampered =
          scan.finding("REG-SIGN-001", tag("acme-corp/ledger-service", "v1.8.2")).orElseThrow();
      assertThat(tampered.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(tampered.message()).contains("altered after signing");
      Finding untrusted =
          scan.finding("REG-SIGN-001", tag("acme-corp/auth-service", "v3.0.0")).orElseThrow();
      assertThat(untrusted.message()).contains("not one of the trusted keys");
      Finding fork =
          scan.finding("REG-PROV-001", tag("acme-corp/notification-service", "v5.2.0"))
              .orElseThrow();
      assertThat(fork.message()).contains("github.com/sam-devlin/notification-service");
      assertThat(fork.evidence())
          .containsEntry("workflow", ".github/workflows/ci.yml@refs/heads/main");
      Finding buildkit =
          scan.finding("REG-PROV-001", tag("acme-corp/search-service", "v4.1.0")).orElseThrow();
      assertThat(buildkit.severity()).isEqualTo(Severity.LOW);

      // latest and v2.4.1 are one image: one digest, both verified; v2.3.9 is not inspected.
      Entity latest = scan.entity(tag("acme-corp/payments-api", "latest"));
      assertThat(latest.text(Attr.DIGEST))
          .isEqualTo(scan.entity(tag("acme-corp/payments-api", "v2.4.1")).text(Attr.DIGEST));
      assertThat(scan.graph().find(tag("acme-corp/payments-api", "v2.3.9"))).isEmpty();
      Finding moved =
          scan.finding("REG-TAG-002", tag("acme-corp/api-gateway", "v1.0.0")).orElseThrow();
      assertThat(moved.evidence()).containsEntry("previously_seen_at", "2026-10-02T09:00:00Z");
      assertThat(scan.blindSpots()).isEmpty();
    }
  }

  @Test
  void signaturesAndAttestationsAreFoundThroughTheReferrersApi() throws Exception {
    try (RegistryEmulator emulator = RegistryEmulator.start(SampleRegistry.demo(), TOKEN)) {
      Scan scan = Scan.run(connector(emulator, TagHistory.NONE));
      Entity gateway = scan.entity(tag("acme-corp/api-gateway", "v1.0.0"));
      assertThat(gateway.text(Attr.SIGNATURE)).contains("verified");
      assertThat(gateway.text(Attr.SIGNATURE_SOURCE)).contains("referrers API");
      assertThat(gateway.text(Attr.PROVENANCE)).contains("verified");
      assertThat(gateway.text(Attr.PROVENANCE_SOURCE)).contains("github.com/acme-corp/api-gateway");
      // The BuildKit index: signed through the referrers API, its provenance inside the index.
      Entity search = scan.entity(tag("acme-corp/search-service", "v4.1.0"));
      assertThat(search.text(Attr.SIGNATURE)).contains("verified");
      assertThat(search.text(Attr.PROVENANCE)).contains("unsigned");
      assertThat(search.text(Attr.PROVENANCE_SOURCE))
          .contains("github.com/acme-corp/search-service");
      assertThat(emulator.log())
          .anyMatch(p -> p.startsWith("/v2/acme-corp/api-gateway/referrers/sha256:"));
    }
  }

  @Test
  void withoutTheReferrersApiOnlyCosignTagsAreSeen() throws Exception {
    try (RegistryEmulator emulator =
        RegistryEmulator.start(SampleRegistry.demo(), TOKEN).referrersApi(false)) {
      Scan scan = Scan.run(connector(emulator, TagHistory.NONE));
      // Attached only as referrers: a registry without the API hides them, and nothing breaks.
      assertThat(scan.entity(tag("acme-corp/api-gateway", "v1.0.0")).text(Attr.SIGNATURE))
          .contains("absent");
      assertThat(scan.entity(tag("acme-corp/payments-api", "v2.4.1")).text(Attr.SIGNATURE))
          .contains("verified");
      assertThat(scan.blindSpots()).isEmpty();
    }
  }

  static final String REBUILT =
      """
      registry:
        host: registry.acme-corp.example
        user: ci
        repositories:
          - name: acme-corp/api-gateway
            tags:
              - { tag: latest, same_as: v1.0.1 }
              - { tag: v1.0.1, rebuilt: true, signature: trusted }
              - { tag: v1.0.0, signature: trusted }
      """;

  @Test
  void aReleaseRebuiltBetweenScansIsAMovedTag() throws Exception {
    Map<String, TagHistory.Seen> seen;
    SampleRegistry sample = SampleRegistry.fromYaml(REBUILT);
    try (RegistryEmulator first = RegistryEmulator.start(sample, TOKEN)) {
      Scan scan = Scan.run(connector(first, TagHistory.NONE));
      seen =
          scan.graph().entities(dev.tenet.core.graph.EntityKind.IMAGE).stream()
              .filter(e -> e.has(Attr.DIGEST))
              .collect(
                  Collectors.toMap(
                      Entity::id,
                      e -> new TagHistory.Seen(e.text(Attr.DIGEST).orElseThrow(), Scan.NOW)));
    }
    try (RegistryEmulator second = RegistryEmulator.start(sample, TOKEN)) {
      Scan scan = Scan.run(connector(second, TagHistory.of(seen)));
      assertThat(scan.findings("REG-TAG-002"))
          .extracting(Finding::resource)
          .containsExactly(tag("acme-corp/api-gateway", "v1.0.1"));
      // latest moves by design and is never judged; unchanged releases pass.
      var tally =
          scan.evaluation().tallies().stream()
              .filter(t -> t.ruleId().equals("REG-TAG-002"))
              .findFirst()
              .orElseThrow();
      assertThat(tally.failed()).isEqualTo(1);
      assertThat(tally.passed()).isEqualTo(1);
    }
  }
}
