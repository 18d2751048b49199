package dev.tenet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.core.store.DataPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report flags of {@code tenet scan}, {@code tenet report --format} and {@code tenet verify}.
 */
class ReportCommandsTest {
  @TempDir static Path dir;
  static Path db;

  record Run(int code, String out, String err) {}

  static Run tenet(String... args) {
    return tenet(Map.of(), args);
  }

  static Run tenet(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code =
        TenetCli.run(
            args,
            database ->
                new AppContext(
                    new DataPaths(dir.resolve("home")),
                    database != null ? database : dir.resolve("home/tenet.db"),
                    env,
                    Clock.systemUTC()),
            (context, demo) -> 0,
            out,
            new PrintWriter(err, true));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  @BeforeAll
  static void scanWithEveryReport() {
    db = dir.resolve("tenet.db");
    Run scan =
        tenet(
            "scan",
            "--demo",
            "--quiet",
            "--db",
            db.toString(),
            "--json",
            dir.resolve("r.json").toString(),
            "--sarif",
            dir.resolve("r.sarif").toString(),
            "--csv",
            dir.resolve("r.csv").toString(),
            "--html",
            dir.resolve("r.html").toString(),
            "--pdf",
            dir.resolve("r.pdf").toString());
    assertThat(scan.code()).as(scan.err()).isZero();
  }

  @Test
  void scanWritesEveryFormat() throws Exception {
    assertThat(Files.readString(dir.resolve("r.json")))
        .contains("\"schema\" : \"tenet.assessment/v1\"");
    assertThat(Files.readString(dir.resolve("r.sarif"))).contains("\"version\" : \"2.1.0\"");
    assertThat(Files.readString(dir.resolve("r.csv"))).startsWith("id,severity,rule,");
    assertThat(Files.readString(dir.resolve("r.html"))).startsWith("<!DOCTYPE html>");
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("r.pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("Executive summary", "acme-corp");
    }
  }

  @Test
  void verifyConfirmsEachReportWithExitZero() {
    for (String file : new String[] {"r.json", "r.sarif", "r.html", "r.pdf"}) {
      Run verify = tenet("verify", dir.resolve(file).toString(), "--db", db.toString());
      assertThat(verify.code()).as(file + ": " + verify.err()).isZero();
      assertThat(verify.out()).contains("report matches assessment").endsWith(".\n");
    }
  }

  @Test
  void verifyRejectsATamperedReportWithExitOne() throws Exception {
    Path tampered = dir.resolve("tampered.json");
    Files.writeString(
        tampered,
        Files.readString(dir.resolve("r.json"))
            .replaceFirst("\"overall\" : \\d+", "\"overall\" : 99"));
    Run verify = tenet("verify", tampered.toString(), "--db", db.toString());
    assertThat(verify.code()).isEqualTo(1);
    assertThat(verify.err())
        .startsWith("tenet: The report does not match assessment")
        .contains("99");
    assertThat(verify.err().lines()).hasSize(1);
  }

  @Test
  void verifyExplainsWhatItCannotCheck() {
    Run csv = tenet("verify", dir.resolve("r.csv").toString(), "--db", db.toString());
    assertThat(csv.code()).isEqualTo(1);
    assertThat(csv.err()).contains("CSV reports carry no fingerprint");
    Run missing = tenet("verify", dir.resolve("nope.pdf").toString(), "--db", db.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo("tenet: There is no file " + dir.resolve("nope.pdf") + ".\n");
    Run noStore =
        tenet("verify", dir.resolve("r.pdf").toString(), "--db", dir.resolve("none.db").toString());
    assertThat(noStore.code()).isEqualTo(1);
    assertThat(noStore.err()).contains("There is no assessment store at");
    assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
  }

  /** Runs the JDK's keytool, as the README tells a team to make its signing key. */
  private static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
  }

  @Test
  void aPdfReportSignedWithATeamKeyVerifiesAgainstItsCertificate() throws Exception {
    String password = "correct horse battery staple";
    Path key = dir.resolve("team.p12");
    Path certificate = dir.resolve("team.pem");
    keytool(
        "-genkeypair",
        "-keystore",
        key.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password,
        "-alias",
        "tenet-reports",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=Acme Security Team, O=Acme",
        "-validity",
        "30");
    keytool(
        "-exportcert",
        "-rfc",
        "-keystore",
        key.toString(),
        "-storepass",
        password,
        "-alias",
        "tenet-reports",
        "-file",
        certificate.toString());
    Map<String, String> env = Map.of("TENET_SIGNING_PASSWORD", password);
    Path signed = dir.resolve("signed.pdf");

    Run report =
        tenet(
            env,
            "report",
            "--format",
            "pdf",
            "--sign",
            key.toString(),
            "-o",
            signed.toString(),
            "--db",
            db.toString());
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.out() + report.err()).doesNotContain(password);

    Run verify = tenet("verify", signed.toString(), "--db", db.toString());
    assertThat(verify.code()).as(verify.err()).isZero();
    assertThat(verify.out())
        .contains("report matches assessment")
        .contains("Signed by Acme Security Team at ")
        .contains("unchanged since.");

    Run byCertificate =
        tenet(
            "verify",
            signed.toString(),
            "--signed-by",
            certificate.toString(),
            "--db",
            db.toString());
    assertThat(byCertificate.code()).as(byCertificate.err()).isZero();
    String sha = fingerprint(certificate);
    String colons = sha.toUpperCase().replaceAll("(..)(?!$)", "$1:");
    Run byFingerprint =
        tenet("verify", signed.toString(), "--signed-by", colons, "--db", db.toString());
    assertThat(byFingerprint.code()).as(byFingerprint.err()).isZero();

    Run unsigned =
        tenet("verify", dir.resolve("r.pdf").toString(), "--signed-by", sha, "--db", db.toString());
    assertThat(unsigned.code()).isEqualTo(1);
    assertThat(unsigned.err()).contains("The PDF is not signed");

    // A scheduled scan signs its PDF report as it writes it.
    Path scanned = dir.resolve("scheduled.pdf");
    Run scan =
        tenet(
            env,
            "scan",
            "--demo",
            "--quiet",
            "--db",
            db.toString(),
            "--pdf",
            scanned.toString(),
            "--sign",
            key.toString());
    assertThat(scan.code()).as(scan.err()).isZero();
    Run scannedVerify =
        tenet("verify", scanned.toString(), "--signed-by", sha, "--db", db.toString());
    assertThat(scannedVerify.code()).as(scannedVerify.err()).isZero();
    Run noPdf = tenet(env, "scan", "--demo", "--db", db.toString(), "--sign", key.toString());
    assertThat(noPdf.code()).isEqualTo(2);
    assertThat(noPdf.err()).contains("--sign signs the PDF report: give --pdf FILE with it.");

    // The password is never stored: not in the assessment store, nor in its audit trail.
    assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1))
        .doesNotContain(password);
    Run audit = tenet("audit", "--json", "--db", db.toString());
    assertThat(audit.out()).contains(sha).doesNotContain(password);
  }

  @Test
  void signingExplainsWhatIsMissing() throws Exception {
    String password = "another long password";
    Path key = dir.resolve("other.p12");
    keytool(
        "-genkeypair",
        "-keystore",
        key.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password,
        "-alias",
        "k",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=Other",
        "-validity",
        "30");
    Path out = dir.resolve("never.pdf");

    Run noPassword = signedReport(Map.of(), "pdf", key, out);
    assertThat(noPassword.code()).isEqualTo(1);
    assertThat(noPassword.err()).contains("set TENET_SIGNING_PASSWORD");

    Run wrong = signedReport(Map.of("TENET_SIGNING_PASSWORD", "guess"), "pdf", key, out);
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).contains("The password does not open the signing key file");

    Run nonsense =
        tenet(
            "verify",
            dir.resolve("r.pdf").toString(),
            "--signed-by",
            "nonsense",
            "--db",
            db.toString());
    assertThat(nonsense.code()).isEqualTo(1);
    assertThat(nonsense.err())
        .contains("'nonsense' is neither a certificate file nor a SHA-256 fingerprint");
    Run notACertificate =
        tenet(
            "verify",
            dir.resolve("r.pdf").toString(),
            "--signed-by",
            dir.resolve("r.csv").toString(),
            "--db",
            db.toString());
    assertThat(notACertificate.code()).isEqualTo(1);
    assertThat(notACertificate.err()).contains("is not an X.509 certificate (PEM or DER)");

    Run html = signedReport(Map.of("TENET_SIGNING_PASSWORD", password), "html", key, out);
    assertThat(html.code()).isNotZero();
    assertThat(html.err()).contains("Only PDF reports can be signed");
    assertThat(Files.exists(out)).isFalse();
  }

  private static Run signedReport(Map<String, String> env, String format, Path key, Path out) {
    return tenet(
        env,
        "report",
        "--format",
        format,
        "--sign",
        key.toString(),
        "-o",
        out.toString(),
        "--db",
        db.toString());
  }

  private static String fingerprint(Path pem) throws Exception {
    try (var in = Files.newInputStream(pem)) {
      byte[] der =
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(in)
              .getEncoded();
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
    }
  }

  @Test
  void reportWritesEachFormatAndListsThemInItsHelp() throws Exception {
    Path pdf = dir.resolve("again.pdf");
    Run report =
        tenet("report", "--format", "pdf", "-o", pdf.toString(), "--db", db.toString(), "--quiet");
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    assertThat(tenet("verify", pdf.toString(), "--db", db.toString()).code()).isZero();

    Run sarif = tenet("report", "latest", "--format", "sarif", "--db", db.toString());
    assertThat(sarif.code()).isZero();
    assertThat(sarif.out()).contains("\"$schema\"");

    Run unknown = tenet("report", "--format", "docx", "--db", db.toString());
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err())
        .contains("Unknown report format 'docx': choose one of json, sarif, csv, html, pdf.");

    Run help = tenet("help", "report");
    assertThat(help.out()).contains("json, sarif, csv, html, pdf");
  }
}
