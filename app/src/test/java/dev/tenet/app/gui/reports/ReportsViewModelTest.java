package dev.tenet.app.gui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.app.AppContext;
import dev.tenet.app.gui.Fixtures;
import dev.tenet.app.gui.MemoryKeychain;
import dev.tenet.app.gui.common.DesktopActions;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.util.Json;
import dev.tenet.reports.ReportWriters;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting a report of a chosen assessment, in every format the writers offer. */
class ReportsViewModelTest {
  @Test
  void offersEveryWriterAndExportsTheChosenAssessment(@TempDir Path home, @TempDir Path out)
      throws Exception {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Assessment older = Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 3, false);
      Fixtures.store(context, Instant.parse("2026-11-21T10:00:00Z"), 1, false);
      List<Path> opened = new ArrayList<>();
      DesktopActions desktop =
          new DesktopActions() {
            @Override
            public void browse(URI page) {}

            @Override
            public void open(Path file) {
              opened.add(file);
            }
          };
      ReportsViewModel vm =
          new ReportsViewModel(
              context.workspace(), context.reports(), UiExecutor.direct(), desktop, out);
      assertThat(vm.formats()).containsExactlyElementsOf(ReportWriters.formats());
      vm.load();
      assertThat(vm.assessments()).hasSize(2);
      vm.assessmentProperty().set(vm.assessments().get(1));
      vm.formatProperty().set("json");
      Path target = vm.outputProperty().get();
      assertThat(target.getParent()).isEqualTo(out);
      assertThat(target.getFileName().toString()).startsWith("tenet-acme-").endsWith(".json");

      vm.export();
      assertThat(vm.exportingProperty().get()).isFalse();
      assertThat(vm.writtenProperty().get()).isEqualTo(target);
      assertThat(vm.resultProperty().get())
          .startsWith("Wrote the JSON report (")
          .contains(target.toString());
      JsonNode json = Json.mapper().readTree(Files.readAllBytes(target));
      assertThat(json.path("schema").asText()).isEqualTo("tenet.assessment/v1");
      assertThat(json.path("assessment").path("id").asText()).isEqualTo(older.id());
      assertThat(opened).containsExactly(target);
      // The export is in the audit trail.
      assertThat(context.audit().events(dev.tenet.core.audit.AuditQuery.all()))
          .anySatisfy(e -> assertThat(e.action()).isEqualTo("report.exported"));
    }
  }

  @Test
  void aPdfIsSignedWithTheChosenKeyAndAWrongPasswordIsOneSentence(
      @TempDir Path home, @TempDir Path out) throws Exception {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 2, false);
      Path key = signingKey(out.resolve("team.p12"), "Acme Audit", "a long password");
      ReportsViewModel vm =
          new ReportsViewModel(
              context.workspace(), context.reports(), UiExecutor.direct(), noDesktop(), out);
      vm.load();
      vm.formatProperty().set("json");
      vm.chooseSigningKey(key);
      assertThat(vm.signsProperty().get()).as("only a PDF is signed").isFalse();
      vm.formatProperty().set("pdf");
      assertThat(vm.signsProperty().get()).isTrue();

      vm.export("not it".toCharArray());
      assertThat(vm.resultProperty().get())
          .isEqualTo("The password does not open the signing key file " + key + ".");
      assertThat(vm.writtenProperty().get()).isNull();

      vm.export("a long password".toCharArray());
      Path pdf = vm.writtenProperty().get();
      assertThat(vm.resultProperty().get())
          .contains(", signed by Acme Audit (certificate SHA-256 ");
      List<dev.tenet.reports.sign.PdfSignatures.Signature> signatures =
          dev.tenet.reports.sign.PdfSignatures.read(Files.readAllBytes(pdf));
      assertThat(signatures)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.signer()).isEqualTo("Acme Audit");
                assertThat(s.state()).isEqualTo(dev.tenet.reports.sign.PdfSignatures.State.INTACT);
              });
      assertThat(context.reports().verify(pdf).matches()).isTrue();

      vm.chooseSigningKey(null);
      vm.export();
      assertThat(dev.tenet.reports.sign.PdfSignatures.read(Files.readAllBytes(pdf))).isEmpty();
    }
  }

  private static DesktopActions noDesktop() {
    return new DesktopActions() {
      @Override
      public void browse(URI page) {}

      @Override
      public void open(Path file) {}
    };
  }

  /** A self-signed RSA key in a PKCS #12 file, as keytool makes one. */
  private static Path signingKey(Path file, String name, String password) throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    java.security.KeyPair pair = generator.generateKeyPair();
    org.bouncycastle.asn1.x500.X500Name subject =
        new org.bouncycastle.asn1.x500.X500Name("CN=" + name);
    Instant now = Instant.now();
    java.security.cert.X509Certificate certificate =
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
            .getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                        subject,
                        java.math.BigInteger.ONE,
                        java.util.Date.from(now.minusSeconds(86_400)),
                        java.util.Date.from(now.plusSeconds(86_400 * 30)),
                        subject,
                        pair.getPublic())
                    .build(
                        new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(
                                "SHA256withRSA")
                            .build(pair.getPrivate())));
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "team",
        pair.getPrivate(),
        password.toCharArray(),
        new java.security.cert.Certificate[] {certificate});
    try (var stream = Files.newOutputStream(file)) {
      store.store(stream, password.toCharArray());
    }
    return file;
  }

  @Test
  void aFileThatCannotBeWrittenIsOneSentenceAndNothingIsOpened(@TempDir Path home)
      throws Exception {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 1, false);
      Path blocker = Files.writeString(home.resolve("not-a-folder"), "x");
      List<Path> opened = new ArrayList<>();
      ReportsViewModel vm =
          new ReportsViewModel(
              context.workspace(),
              context.reports(),
              UiExecutor.direct(),
              new DesktopActions() {
                @Override
                public void browse(URI page) {}

                @Override
                public void open(Path file) {
                  opened.add(file);
                }
              },
              blocker);
      vm.load();
      vm.formatProperty().set("json");
      vm.export();
      assertThat(vm.resultProperty().get()).startsWith("Could not write the json report to ");
      assertThat(vm.writtenProperty().get()).isNull();
      assertThat(opened).isEmpty();
    }
  }
}
