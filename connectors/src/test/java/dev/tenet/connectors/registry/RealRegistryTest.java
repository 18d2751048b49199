package dev.tenet.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.emulator.OciArtifacts;
import dev.tenet.connectors.emulator.OciArtifacts.Manifest;
import dev.tenet.connectors.emulator.OciArtifacts.Tamper;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.integrity.Keyless;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.connectors.registry.oci.OciRegistryConnector;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.scan.ConnectorException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry connector against a real CNCF Distribution registry (2.8, the Debian package) on
 * loopback, with images, cosign signatures and attestations pushed by the test itself over the
 * Distribution API. Distribution 2.8 has no referrers API, so this covers cosign's tag scheme; the
 * referrers path is covered by {@link ReferrersTest}.
 */
class RealRegistryTest {
  static final KeyPair TRUSTED = OciArtifacts.newKeyPair();
  static final KeyPair OTHER = OciArtifacts.newKeyPair();
  static final String SOURCE = "https://github.com/acme-corp/payments";
  static final String WORKFLOW = ".github/workflows/release.yml";
  static final String HOSTED = "https://github.com/actions/runner/github-hosted";

  static TrustedKeys trustedKeys() {
    return new TrustedKeys(List.of(TrustedKeys.key("cosign.pub", TRUSTED.getPublic())));
  }

  static RegistryOptions options(TrustedKeys keys, TagHistory history, int tags) {
    return new RegistryOptions(
        new ImageSelection(tags, List.of(), 100),
        keys,
        Keyless.withoutTrustedRoot(),
        List.of("github.com/acme-corp"),
        history,
        Clock.systemUTC());
  }

  static HttpPolicy fastPolicy() {
    return HttpPolicy.defaults().withBackoff(java.time.Duration.ofMillis(10));
  }

  /** The images every registry test pushes, by tag, with what each should come out as. */
  static final class Images {
    final String host;
    final Manifest verified = OciArtifacts.image("payments v1.0.0");
    final Manifest tampered = OciArtifacts.image("payments v1.0.1");
    final Manifest unsigned = OciArtifacts.image("payments v1.0.2");
    final Manifest wrongKey = OciArtifacts.image("payments v1.0.3");
    final Manifest copied = OciArtifacts.image("ledger v2.0.0");
    final Manifest wrongKeyNoHint = OciArtifacts.image("ledger v2.0.1");
    final Manifest foreignBuild = OciArtifacts.image("ledger v2.0.2");
    final Manifest unsignedProvenance = OciArtifacts.image("ledger v2.0.3");
    final Manifest otherSubject = OciArtifacts.image("ledger v2.0.4");

    Images(String host) {
      this.host = host;
    }

    void pushAll(RegistryPusher pusher) throws Exception {
      String payments = "acme/payments";
      String ref = host + "/" + payments;
      pusher.push(payments, verified, "v1.0.0");
      sign(pusher, payments, verified, TRUSTED, Tamper.NONE, true);
      attest(
          pusher,
          payments,
          verified,
          provenance(ref, verified, SOURCE, HOSTED),
          TRUSTED,
          Tamper.NONE);

      pusher.push(payments, tampered, "v1.0.1");
      sign(pusher, payments, tampered, TRUSTED, Tamper.ALTERED, true);
      attest(
          pusher,
          payments,
          tampered,
          provenance(ref, tampered, SOURCE, HOSTED),
          TRUSTED,
          Tamper.ALTERED);

      pusher.push(payments, unsigned, "v1.0.2");

      pusher.push(payments, wrongKey, "v1.0.3");
      sign(pusher, payments, wrongKey, OTHER, Tamper.NONE, true);
      attest(
          pusher,
          payments,
          wrongKey,
          provenance(ref, wrongKey, SOURCE, HOSTED),
          OTHER,
          Tamper.NONE);

      String ledger = "acme/ledger";
      String ledgerRef = host + "/" + ledger;
      pusher.push(ledger, copied, "v2.0.0");
      // A valid signature of the verified image, attached to another one.
      pusher.push(
          ledger,
          OciArtifacts.cosignSignature(ref, verified.digest(), TRUSTED, Tamper.NONE, true, null),
          cosignTag(copied, "sig"));

      pusher.push(ledger, wrongKeyNoHint, "v2.0.1");
      sign(pusher, ledger, wrongKeyNoHint, OTHER, Tamper.NONE, false);

      pusher.push(ledger, foreignBuild, "v2.0.2");
      sign(pusher, ledger, foreignBuild, TRUSTED, Tamper.NONE, false);
      attest(
          pusher,
          ledger,
          foreignBuild,
          provenance(ledgerRef, foreignBuild, "https://github.com/someone-else/ledger", HOSTED),
          TRUSTED,
          Tamper.NONE);

      pusher.push(ledger, unsignedProvenance, "v2.0.3");
      sign(pusher, ledger, unsignedProvenance, TRUSTED, Tamper.NONE, false);
      attest(
          pusher,
          ledger,
          unsignedProvenance,
          provenance(ledgerRef, unsignedProvenance, SOURCE, HOSTED),
          null,
          Tamper.NONE);

      pusher.push(ledger, otherSubject, "v2.0.4");
      sign(pusher, ledger, otherSubject, TRUSTED, Tamper.NONE, false);
      // Signed provenance, but of another image.
      attest(
          pusher,
          ledger,
          otherSubject,
          provenance(ledgerRef, copied, SOURCE, HOSTED),
          TRUSTED,
          Tamper.NONE);
    }

    private void sign(
        RegistryPusher pusher,
        String repo,
        Manifest image,
        KeyPair key,
        Tamper tamper,
        boolean hint)
        throws Exception {
      pusher.push(
          repo,
          OciArtifacts.cosignSignature(host + "/" + repo, image.digest(), key, tamper, hint, null),
          cosignTag(image, "sig"));
    }

    private void attest(
        RegistryPusher pusher,
        String repo,
        Manifest image,
        byte[] statement,
        KeyPair key,
        Tamper tamper)
        throws Exception {
      pusher.push(
          repo,
          OciArtifacts.attestation(
              statement, "https://slsa.dev/provenance/v1", key, tamper, true, null),
          cosignTag(image, "att"));
    }

    static byte[] provenance(String ref, Manifest subject, String source, String builder) {
      return OciArtifacts.slsaProvenance(
          ref, subject.digest(), source, WORKFLOW, "refs/heads/main", builder);
    }

    static String cosignTag(Manifest image, String suffix) {
      return image.digest().replace(':', '-') + "." + suffix;
    }
  }

  /** A registry without authentication, as Distribution runs out of the box. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Open {
    DistributionRegistry registry;
    Images images;
    Scan scan;

    @BeforeAll
    void pushAndScan(@TempDir Path folder) throws Exception {
      registry = DistributionRegistry.start(folder, null);
      images = new Images(registry.host());
      images.pushAll(new RegistryPusher(registry.url(), repo -> null));
      scan = Scan.run(connector(options(trustedKeys(), TagHistory.NONE, 10)));
    }

    @AfterAll
    void stop() {
      if (registry != null) {
        registry.close();
      }
    }

    OciRegistryConnector connector(RegistryOptions options) {
      return new OciRegistryConnector(
          registry.url().toString(), null, null, options, fastPolicy(), ResponseCache.NONE);
    }

    String tag(String repo, String tag) {
      return "oci:" + registry.host() + "/" + repo + "#tag/" + tag;
    }

    @Test
    void aVerifiedImagePassesWithItsSignerAndProvenance() {
      Entity image = scan.entity(tag("acme/payments", "v1.0.0"));
      assertThat(image.kind()).isEqualTo(EntityKind.IMAGE);
      assertThat(image.text(Attr.DIGEST)).contains(images.verified.digest());
      assertThat(image.text(Attr.SIGNATURE)).contains("verified");
      assertThat(image.text(Attr.SIGNER).orElseThrow()).startsWith("cosign.pub (sha256:");
      assertThat(image.text(Attr.SIGNATURE_SOURCE).orElseThrow())
          .isEqualTo("tag " + Images.cosignTag(images.verified, "sig"));
      assertThat(image.text(Attr.PROVENANCE)).contains("verified");
      assertThat(image.text(Attr.PROVENANCE_BUILDER)).contains(HOSTED);
      assertThat(image.text(Attr.PROVENANCE_SOURCE)).contains("github.com/acme-corp/payments");
      assertThat(image.text(Attr.PROVENANCE_WORKFLOW)).contains(WORKFLOW + "@refs/heads/main");
      assertThat(image.text(Attr.PROVENANCE_SOURCE_ID)).contains("github:acme-corp/payments");
      assertThat(scan.finding("REG-SIGN-001", image.id())).isEmpty();
      assertThat(scan.finding("REG-PROV-001", image.id())).isEmpty();
    }

    @Test
    void aTamperedImageFailsWithTheReasonAndRaisedSeverity() {
      String id = tag("acme/payments", "v1.0.1");
      assertThat(scan.entity(id).text(Attr.SIGNATURE)).contains("invalid");
      Finding f = scan.finding("REG-SIGN-001", id).orElseThrow();
      assertThat(f.weakness().id()).isEqualTo("artifact-unsigned");
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains("altered after signing");
      assertThat(f.evidence())
          .containsEntry("digest", images.tampered.digest())
          .containsEntry("tag", "v1.0.1")
          .containsKey("failure");
      Finding p = scan.finding("REG-PROV-001", id).orElseThrow();
      assertThat(p.severity()).isEqualTo(Severity.HIGH);
      assertThat(p.message()).contains("fails verification").contains("altered after signing");
    }

    @Test
    void anUnsignedImageFailsAsUnsignedWithoutProvenance() {
      String id = tag("acme/payments", "v1.0.2");
      Finding f = scan.finding("REG-SIGN-001", id).orElseThrow();
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message())
          .contains("is not signed")
          .contains(images.unsigned.digest().substring(0, 19));
      assertThat(scan.finding("REG-PROV-001", id).orElseThrow().message())
          .contains("has no build provenance");
    }

    @Test
    void anImageSignedByAnotherKeyFailsNamingThatKey() {
      String id = tag("acme/payments", "v1.0.3");
      Finding f = scan.finding("REG-SIGN-001", id).orElseThrow();
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      String other = TrustedKeys.fingerprint(OTHER.getPublic());
      assertThat(f.message())
          .contains("signed by key " + other)
          .contains("not one of the trusted keys");
      assertThat(f.evidence()).containsEntry("signer", "key " + other);
      assertThat(scan.finding("REG-PROV-001", id).orElseThrow().message())
          .contains("not one of the trusted keys");
    }

    @Test
    void aSignatureCopiedFromAnotherImageFails() {
      Finding f = scan.finding("REG-SIGN-001", tag("acme/ledger", "v2.0.0")).orElseThrow();
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message())
          .contains("is valid but covers " + images.verified.digest())
          .contains("copied from another image");
    }

    @Test
    void withoutHintsAWrongKeyStillFails() {
      Finding f = scan.finding("REG-SIGN-001", tag("acme/ledger", "v2.0.1")).orElseThrow();
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains("does not verify with any of the 1 trusted key(s)");
    }

    @Test
    void provenanceIsJudgedOnItsSourceSignatureAndSubject() {
      Finding foreign = scan.finding("REG-PROV-001", tag("acme/ledger", "v2.0.2")).orElseThrow();
      assertThat(foreign.severity()).isEqualTo(Severity.HIGH);
      assertThat(foreign.message()).contains("built from github.com/someone-else/ledger");
      assertThat(foreign.evidence()).containsEntry("builder", HOSTED);

      Finding unsigned = scan.finding("REG-PROV-001", tag("acme/ledger", "v2.0.3")).orElseThrow();
      assertThat(unsigned.severity()).isEqualTo(Severity.LOW);
      assertThat(unsigned.message()).contains("is not signed");

      Finding other = scan.finding("REG-PROV-001", tag("acme/ledger", "v2.0.4")).orElseThrow();
      assertThat(other.message())
          .contains("describes " + images.copied.digest())
          .contains("not this image");
      // The signatures of these three are fine.
      for (String t : List.of("v2.0.2", "v2.0.3", "v2.0.4")) {
        assertThat(scan.finding("REG-SIGN-001", tag("acme/ledger", t))).as(t).isEmpty();
      }
    }

    @Test
    void anOpenRegistryIsOneCriticalFindingAndAnyoneCanReadEveryRepository() {
      String registryId = "oci:" + registry.host();
      Entity reg = scan.entity(registryId);
      assertThat(reg.kind()).isEqualTo(EntityKind.REGISTRY);
      assertThat(reg.bool(Attr.AUTH_REQUIRED)).contains(false);
      Finding f = scan.finding("REG-ANON-001", registryId).orElseThrow();
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(scan.findings("REG-ANON-001")).hasSize(1);
      Entity repo = scan.entity("oci:" + registry.host() + "/acme/payments");
      assertThat(repo.bool(Attr.ANONYMOUS_PULL)).contains(true);
      Entity internet = scan.entity(RegistryScan.INTERNET_ID);
      assertThat(scan.graph().targets(internet, RelationKind.CAN_READ)).contains(repo);
      assertThat(scan.graph().container(scan.entity(tag("acme/payments", "v1.0.0"))))
          .contains(repo);
    }

    @Test
    void tagMutabilityIsUnknownWithoutASettingAndAMovedReleaseTagIsFound() throws Exception {
      assertThat(scan.findings("REG-TAG-001")).isEmpty();
      assertThat(scan.findings("REG-TAG-002")).isEmpty();
      String id = tag("acme/payments", "v1.0.0");
      String earlier = "sha256:" + "a".repeat(64);
      Instant seen = Instant.parse("2026-11-01T08:00:00Z");
      TagHistory history =
          TagHistory.of(
              Map.of(
                  id,
                  new TagHistory.Seen(earlier, seen),
                  tag("acme/payments", "v1.0.1"),
                  new TagHistory.Seen(images.tampered.digest(), seen)));
      Scan again = Scan.run(connector(options(trustedKeys(), history, 10)));
      Finding moved = again.finding("REG-TAG-002", id).orElseThrow();
      assertThat(moved.weakness().id()).isEqualTo("registry-tag-mutable");
      assertThat(moved.evidence())
          .containsEntry("previous_digest", earlier)
          .containsEntry("digest", images.verified.digest())
          .containsEntry("previously_seen_at", seen.toString());
      assertThat(again.finding("REG-TAG-002", tag("acme/payments", "v1.0.1"))).isEmpty();
    }

    @Test
    void theDefaultSelectionInspectsTheMostRecentTagsOnly() throws Exception {
      Scan latest =
          Scan.run(connector(options(trustedKeys(), TagHistory.NONE, ImageSelection.DEFAULT_TAGS)));
      List<String> inspected =
          latest.graph().entities(EntityKind.IMAGE).stream()
              .map(Entity::id)
              .filter(i -> i.contains("/acme/payments#tag/"))
              .sorted()
              .toList();
      assertThat(inspected)
          .containsExactly(
              tag("acme/payments", "v1.0.1"),
              tag("acme/payments", "v1.0.2"),
              tag("acme/payments", "v1.0.3"));
    }

    @Test
    void aRescanRevalidatesManifestsWithConditionalRequests(@TempDir Path cache) throws Exception {
      RegistryOptions o = options(trustedKeys(), TagHistory.NONE, 10);
      dev.tenet.connectors.http.DiskResponseCache disk =
          new dev.tenet.connectors.http.DiskResponseCache(cache);
      OciRegistryConnector cached =
          new OciRegistryConnector(registry.url().toString(), null, null, o, fastPolicy(), disk);
      Scan first = Scan.run(cached);
      Scan second = Scan.run(cached);
      assertThat(first.context().notModified()).isZero();
      // Distribution answers If-None-Match on manifests and blobs with 304.
      assertThat(second.context().notModified()).isGreaterThan(10);
      assertThat(second.entity(tag("acme/payments", "v1.0.0")).text(Attr.SIGNATURE))
          .contains("verified");
    }

    @Test
    void withoutATrustedKeySignaturesAreUnverifiableNotPassing() throws Exception {
      Scan noKeys = Scan.run(connector(options(TrustedKeys.none(), TagHistory.NONE, 10)));
      Entity image = noKeys.entity(tag("acme/payments", "v1.0.0"));
      assertThat(image.text(Attr.SIGNATURE)).contains("unverifiable");
      assertThat(image.text(Attr.SIGNATURE_DETAIL).orElseThrow()).contains("--registry-key");
      assertThat(noKeys.finding("REG-SIGN-001", image.id())).isEmpty();
      var tally =
          noKeys.evaluation().tallies().stream()
              .filter(t -> t.ruleId().equals("REG-SIGN-001"))
              .findFirst()
              .orElseThrow();
      assertThat(tally.passed()).isZero();
      assertThat(tally.unknown()).isGreaterThan(0);
      // Tampering still shows, with nothing trusted: the signature fails under its own key.
      assertThat(noKeys.entity(tag("acme/payments", "v1.0.1")).text(Attr.SIGNATURE))
          .contains("invalid");
    }
  }

  /** A registry with token authentication (auth.token) and one public repository. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WithTokenAuthentication {
    TokenService tokens;
    DistributionRegistry registry;
    Images images;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
      tokens = TokenService.start(folder, "ci-reader", "s3cret-token", Set.of("acme/docs"));
      registry = DistributionRegistry.start(folder, tokens.auth());
      images = new Images(registry.host());
      RegistryPusher pusher =
          new RegistryPusher(
              registry.url(),
              repo -> {
                try {
                  return "Bearer " + tokens.tokenFor("repository:" + repo + ":pull,push");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      images.pushAll(pusher);
      pusher.push("acme/docs", OciArtifacts.image("docs 1.0"), "1.0");
    }

    @AfterAll
    void stop() {
      if (registry != null) {
        registry.close();
      }
      if (tokens != null) {
        tokens.close();
      }
    }

    OciRegistryConnector connector(BearerChallenges.Credentials credentials, List<String> repos) {
      RegistryOptions o =
          new RegistryOptions(
              new ImageSelection(10, repos, 100),
              trustedKeys(),
              Keyless.withoutTrustedRoot(),
              List.of("github.com/acme-corp"),
              TagHistory.NONE,
              Clock.systemUTC());
      return new OciRegistryConnector(
          registry.url().toString(), null, credentials, o, fastPolicy(), ResponseCache.NONE);
    }

    @Test
    void theCredentialIsExchangedForTokensAndTheSameVerdictsComeOut() throws Exception {
      Scan scan =
          Scan.run(
              connector(
                  new BearerChallenges.Credentials("ci-reader", Secret.of("s3cret-token")),
                  List.of()));
      String host = registry.host();
      assertThat(scan.entity("oci:" + host).bool(Attr.AUTH_REQUIRED)).contains(true);
      assertThat(scan.entity("oci:" + host + "/acme/payments#tag/v1.0.0").text(Attr.SIGNATURE))
          .contains("verified");
      assertThat(scan.finding("REG-SIGN-001", "oci:" + host + "/acme/payments#tag/v1.0.1"))
          .hasValueSatisfying(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
      // The token service saw the credential, for the catalog and each repository's scope.
      assertThat(tokens.log())
          .contains("user registry:catalog:*", "user repository:acme/payments:pull");
      // Anonymous probes: only the public repository is readable, nothing is writable.
      Entity docs = scan.entity("oci:" + host + "/acme/docs");
      Entity payments = scan.entity("oci:" + host + "/acme/payments");
      assertThat(docs.bool(Attr.ANONYMOUS_PULL)).contains(true);
      assertThat(docs.bool(Attr.ANONYMOUS_PUSH)).contains(false);
      assertThat(payments.bool(Attr.ANONYMOUS_PULL)).contains(false);
      assertThat(payments.bool(Attr.ANONYMOUS_PUSH)).contains(false);
      assertThat(tokens.log()).contains("anonymous repository:acme/docs:pull,push");
      Finding open = scan.finding("REG-ANON-001", docs.id()).orElseThrow();
      assertThat(open.message()).contains("which is not declared public");
      assertThat(scan.finding("REG-ANON-001", payments.id())).isEmpty();
      assertThat(scan.finding("REG-ANON-001", "oci:" + host)).isEmpty();
    }

    @Test
    void anonymouslyOnlyWhatAnyoneMaySeeIsRead() throws Exception {
      assertThatThrownBy(() -> Scan.run(connector(null, List.of())))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("does not list its repositories")
          .hasMessageContaining("name the repositories");
      Scan scan = Scan.run(connector(null, List.of("acme/docs", "acme/payments")));
      String host = registry.host();
      assertThat(scan.entity("oci:" + host + "/acme/docs#tag/1.0").text(Attr.SIGNATURE))
          .contains("absent");
      assertThat(scan.blindSpots())
          .anySatisfy(
              b -> {
                assertThat(b.resource()).isEqualTo("oci:" + host + "/acme/payments");
                assertThat(b.reason()).contains("401");
                assertThat(b.remedy()).contains("token that can pull");
              });
    }

    @Test
    void aRejectedCredentialIsOneClearSentence() {
      assertThatThrownBy(
              () ->
                  Scan.run(
                      connector(
                          new BearerChallenges.Credentials("ci-reader", Secret.of("wrong")),
                          List.of())))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("registry")
          .hasMessageNotContaining("wrong");
    }
  }
}
