package dev.tenet.reports.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.Samples;
import dev.tenet.reports.pdf.PdfReportWriter;
import dev.tenet.reports.verify.ReportVerifier;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

class PdfSignerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");
  private static byte[] unsigned;
  private static Assessment stored;
  private static Function<String, Optional<Assessment>> store;
  private static SigningKey team;

  @BeforeAll
  static void render() throws Exception {
    ReportInput input = Samples.rich();
    stored = input.assessment();
    store = id -> id.equals(stored.id()) ? Optional.of(stored) : Optional.empty();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfReportWriter().write(input, out);
    unsigned = out.toByteArray();
    // Valid around both the report's signing date and the real clock, which sets the CMS
    // signing time.
    team =
        TestKeys.key(
            "RSA",
            2048,
            "CN=Acme Security Team,O=Acme",
            (NOW.isBefore(Instant.now()) ? NOW : Instant.now()).minus(Duration.ofDays(30)),
            Duration.between(NOW, Instant.now()).abs().plus(Duration.ofDays(395)));
  }

  private static byte[] sign(byte[] pdf, SigningKey key) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfSigner.sign(pdf, key, NOW, out);
    return out.toByteArray();
  }

  private static String fingerprint(SigningKey key) throws Exception {
    return PdfSignatures.fingerprint(key.certificate().getEncoded());
  }

  @Test
  void aSignedReportNamesItsSignerAndStillMatchesItsAssessment() throws Exception {
    byte[] signed = sign(unsigned, team);

    assertThat(signed).startsWith(java.util.Arrays.copyOf(unsigned, 64));
    List<PdfSignatures.Signature> signatures = PdfSignatures.read(signed);
    assertThat(signatures).hasSize(1);
    PdfSignatures.Signature s = signatures.get(0);
    assertThat(s.state()).as(s.reason()).isEqualTo(PdfSignatures.State.INTACT);
    assertThat(s.signer()).isEqualTo("Acme Security Team");
    assertThat(s.certificateSha256()).isEqualTo(fingerprint(team));
    assertThat(s.signedAt()).isEqualTo(NOW);

    ReportVerifier.Verdict v = ReportVerifier.verify(signed, store);
    assertThat(v.matches()).as(v.sentence()).isTrue();
    assertThat(v.sentence())
        .startsWith("The PDF report matches assessment " + stored.id())
        .contains("Signed by Acme Security Team at 2026-11-26T09:30:00Z")
        .contains(fingerprint(team));
    assertThat(ReportVerifier.verify(signed, store, fingerprint(team)).matches()).isTrue();
  }

  /**
   * An independent verifier agrees: poppler's pdfsig (installed by CI with poppler-utils) checks
   * the CMS structure and the byte ranges with its own code, as a PDF reader would.
   */
  @Test
  @EnabledIf("pdfsigInstalled")
  void popplerFindsTheSignatureValidAndCoveringTheWholeDocument(@TempDir Path dir)
      throws Exception {
    Path signed = java.nio.file.Files.write(dir.resolve("signed.pdf"), sign(unsigned, team));
    Process p = new ProcessBuilder("pdfsig", signed.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out)
        .contains("Signer Certificate Common Name: Acme Security Team")
        .contains("Signature Type: adbe.pkcs7.detached")
        .contains("Total document signed")
        .contains("Signature is Valid");

    byte[] altered = sign(unsigned, team);
    altered[indexOf(altered, '%', 1) + 1] ^= 0x01;
    Path broken = java.nio.file.Files.write(dir.resolve("broken.pdf"), altered);
    Process q = new ProcessBuilder("pdfsig", broken.toString()).redirectErrorStream(true).start();
    String brokenOut = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    q.waitFor();
    assertThat(brokenOut).contains("Digest Mismatch").doesNotContain("Signature is Valid");
  }

  static boolean pdfsigInstalled() {
    try {
      Process p = new ProcessBuilder("pdfsig", "-v").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (java.io.IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void theSignatureCertifiesTheDocumentAgainstAnyChange() throws Exception {
    try (PDDocument doc = Loader.loadPDF(sign(unsigned, team))) {
      COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
      assertThat(perms).isNotNull();
      COSDictionary signature = perms.getCOSDictionary(COSName.DOCMDP);
      assertThat(signature.getNameAsString(COSName.SUB_FILTER)).isEqualTo("adbe.pkcs7.detached");
      COSDictionary reference =
          (COSDictionary) signature.getCOSArray(COSName.REFERENCE).getObject(0);
      assertThat(reference.getCOSDictionary(COSName.TRANSFORM_PARAMS).getInt(COSName.P))
          .isEqualTo(1);
    }
  }

  @Test
  void anEcKeySignsToo() throws Exception {
    SigningKey ec = TestKeys.ec("CN=Acme Audit EC");
    PdfSignatures.Signature s = PdfSignatures.read(sign(unsigned, ec)).get(0);
    assertThat(s.state()).as(s.reason()).isEqualTo(PdfSignatures.State.INTACT);
    assertThat(s.certificateSha256()).isEqualTo(fingerprint(ec));
  }

  @Test
  void aByteChangedInsideTheSignedRangeBreaksTheSignature() throws Exception {
    byte[] signed = sign(unsigned, team);
    // The header's second line is a comment of binary bytes: changing one keeps the PDF readable.
    int comment = indexOf(signed, '%', 1) + 1;
    signed[comment] ^= 0x01;

    assertThat(PdfSignatures.read(signed).get(0).state()).isEqualTo(PdfSignatures.State.BROKEN);
    ReportVerifier.Verdict v = ReportVerifier.verify(signed, store);
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence()).contains("signature by").contains("does not hold");
  }

  @Test
  void anUpdateAppendedAfterSigningIsCaught() throws Exception {
    byte[] signed = sign(unsigned, team);
    ByteArrayOutputStream edited = new ByteArrayOutputStream();
    try (PDDocument doc = Loader.loadPDF(signed)) {
      doc.getDocumentInformation().setTitle("Nothing to see here");
      doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
      doc.saveIncremental(edited);
    }
    byte[] changed = edited.toByteArray();
    assertThat(changed.length).isGreaterThan(signed.length);

    assertThat(PdfSignatures.read(changed).get(0).state())
        .isEqualTo(PdfSignatures.State.CHANGED_AFTER_SIGNING);
    ReportVerifier.Verdict v = ReportVerifier.verify(changed, store);
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence()).contains("changed after").contains("Acme Security Team");
  }

  @Test
  void aRequiredSignerMustBeTheOneWhoSigned() throws Exception {
    SigningKey other = TestKeys.rsa("CN=Someone Else");
    byte[] signed = sign(unsigned, other);

    ReportVerifier.Verdict wrong = ReportVerifier.verify(signed, store, fingerprint(team));
    assertThat(wrong.matches()).isFalse();
    assertThat(wrong.sentence()).contains("signed by Someone Else").contains("not by the given");

    ReportVerifier.Verdict none = ReportVerifier.verify(unsigned, store, fingerprint(team));
    assertThat(none.matches()).isFalse();
    assertThat(none.sentence()).contains("not signed");
  }

  @Test
  void theIntegrityPageNamesTheSignerSoARemovedSignatureShows() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfReportWriter()
        .write(
            Samples.rich().signedBy(new ReportInput.Signer(team.signerName(), fingerprint(team))),
            out);
    byte[] announced = out.toByteArray();
    try (PDDocument doc = Loader.loadPDF(announced)) {
      org.apache.pdfbox.text.PDFTextStripper stripper =
          new org.apache.pdfbox.text.PDFTextStripper();
      stripper.setStartPage(doc.getNumberOfPages());
      assertThat(stripper.getText(doc).replaceAll("\\s+", ""))
          .contains("SignedbyAcmeSecurityTeam")
          .contains("--signed-by" + fingerprint(team));
    }

    byte[] signed = sign(announced, team);
    ReportVerifier.Verdict ok = ReportVerifier.verify(signed, store, fingerprint(team));
    assertThat(ok.matches()).as(ok.sentence()).isTrue();

    // Cutting the file back to the bytes before the signature leaves a valid-looking report.
    byte[] stripped = java.util.Arrays.copyOf(signed, announced.length);
    assertThat(stripped).isEqualTo(announced);
    ReportVerifier.Verdict removed = ReportVerifier.verify(stripped, store);
    assertThat(removed.matches()).isFalse();
    assertThat(removed.sentence()).contains("carries no signature: the signature was removed");

    ReportVerifier.Verdict other =
        ReportVerifier.verify(sign(announced, TestKeys.rsa("CN=Someone Else")), store);
    assertThat(other.matches()).isFalse();
    assertThat(other.sentence()).contains("but its signature is by Someone Else");
  }

  @Test
  void aReportIsSignedOnce() throws Exception {
    byte[] signed = sign(unsigned, team);
    assertThatThrownBy(() -> sign(signed, team))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("already signed");
  }

  @Test
  void aCertificateExpiredAtSigningTimeDoesNotVerify() throws Exception {
    SigningKey expired =
        TestKeys.key(
            "RSA", 2048, "CN=Expired", NOW.minus(Duration.ofDays(400)), Duration.ofDays(30));
    // The CMS signing time is the real clock's; the certificate ended long before it.
    PdfSignatures.Signature s = PdfSignatures.read(sign(unsigned, expired)).get(0);
    assertThat(s.state()).isEqualTo(PdfSignatures.State.BROKEN);
    assertThat(s.reason()).isNotBlank();
  }

  @Test
  void keysLoadFromPkcs12WithClearErrors(@TempDir Path dir) throws Exception {
    char[] password = "correct horse".toCharArray();
    Path one = TestKeys.pkcs12(dir.resolve("team.p12"), password, List.of("team"), team);
    assertThat(fingerprint(SigningKey.load(one, password, null))).isEqualTo(fingerprint(team));

    assertThatThrownBy(() -> SigningKey.load(one, "wrong".toCharArray(), null))
        .hasMessage("The password does not open the signing key file " + one + ".");
    assertThatThrownBy(() -> SigningKey.load(dir.resolve("missing.p12"), password, null))
        .hasMessageContaining("There is no signing key file");
    assertThatThrownBy(() -> SigningKey.load(one, password, "nobody"))
        .hasMessageContaining("holds no private key named 'nobody'");

    Path two =
        TestKeys.pkcs12(
            dir.resolve("two.p12"),
            password,
            List.of("team", "ec"),
            team,
            TestKeys.ec("CN=Second"));
    assertThatThrownBy(() -> SigningKey.load(two, password, null))
        .hasMessageContaining("several keys (ec, team)");
    assertThat(SigningKey.load(two, password, "ec").privateKey().getAlgorithm()).isEqualTo("EC");

    Path notAKey = java.nio.file.Files.writeString(dir.resolve("notes.p12"), "hello");
    assertThatThrownBy(() -> SigningKey.load(notAKey, password, null))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("is not a PKCS #12 key file");
  }

  private static int indexOf(byte[] bytes, char c, int occurrence) {
    int seen = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == c && seen++ == occurrence) {
        return i;
      }
    }
    throw new AssertionError("no " + c);
  }
}
