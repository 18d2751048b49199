package dev.tenet.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.reports.ReportWriters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary: Tenet runs as a user would (separate processes of the real {@code Main}) with a
 * distinctive fake token against the GitHub emulator: it stores the token in the vault, scans (with
 * faults planted, so error paths run too), scans again from the environment, writes every report
 * format, exports the audit trail. Then a search of the data folder (database, cache, index,
 * vault), the logs (all output, at --verbose), every report and the temp folder finds the token
 * nowhere, in plain text, gzip, Base64, or UTF-16.
 */
class CanaryTest {
  static final String CANARY = "ghp_CanaryTenet7f3a9c2e5b8d1f4a6c0e9b2d7";
  static final String PASSPHRASE = "canary vault passphrase";

  @TempDir static Path root;
  static Path home;
  static Path tmp;
  static Path reports;
  static GitHubEmulator github;
  static final StringBuilder logs = new StringBuilder();
  static final List<Integer> exitCodes = new ArrayList<>();

  @BeforeAll
  static void runTenetWithTheCanary() throws Exception {
    home = Files.createDirectories(root.resolve("tenet-home"));
    tmp = Files.createDirectories(root.resolve("tmp"));
    reports = Files.createDirectories(root.resolve("reports"));
    github = GitHubEmulator.start(SampleOrganization.demo(), CANARY);
    // Faults on the way: retried server errors and a refused endpoint (a blind spot).
    github.fail("/orgs/acme-corp/members\\?.*role=admin.*", 502);
    github.fail("/repos/acme-corp/[^/]+/branches/[^/]+/protection$", 500, 500, 500, 500, 403);
    String api = github.apiUrl().toString();

    tenet(
        CANARY,
        Map.of(),
        "credentials",
        "add",
        "canary",
        "--stdin",
        "--store",
        "vault",
        "--host",
        "127.0.0.1");
    tenet(
        null,
        Map.of(),
        "scan",
        "--github",
        "acme-corp",
        "--github-url",
        api,
        "--credential",
        "canary",
        "--verbose",
        "--json",
        reports.resolve("scan.json").toString());
    // Again, from the environment this time: conditional requests answered from the cache.
    tenet(
        null,
        Map.of("GITHUB_TOKEN", CANARY),
        "scan",
        "--github",
        "acme-corp",
        "--github-url",
        api,
        "--verbose");
    // A refused token: its error path must not echo it either.
    tenet(
        null,
        Map.of("GH_WRONG", CANARY + "x"),
        "scan",
        "--github",
        "acme-corp",
        "--github-url",
        api,
        "--token-env",
        "GH_WRONG",
        "--verbose");
    for (String format : ReportWriters.formats()) {
      tenet(
          null,
          Map.of(),
          "report",
          "--format",
          format,
          "-o",
          reports.resolve("report." + format).toString());
    }
    tenet(null, Map.of(), "audit", "-o", reports.resolve("audit.json").toString());
    tenet(null, Map.of(), "history", "--json");
    tenet(null, Map.of(), "credentials", "list", "--json");
  }

  @AfterAll
  static void stop() {
    if (github != null) {
      github.close();
    }
  }

  /** Runs the real Main in a new JVM with its own data folder and temp folder. */
  static void tenet(String stdin, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("-Duser.home=" + root.resolve("user-home"));
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add("dev.tenet.app.Main");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = pb.environment();
    environment.keySet().removeIf(k -> k.contains("TOKEN") || k.startsWith("TENET_"));
    environment.put("TENET_HOME", home.toString());
    environment.put("TENET_VAULT_PASSPHRASE", PASSPHRASE);
    environment.put("TMPDIR", tmp.toString());
    environment.putAll(env);
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    synchronized (logs) {
      logs.append("$ tenet ").append(String.join(" ", args)).append('\n').append(output);
      exitCodes.add(p.exitValue());
    }
  }

  @Test
  void theRunsReallyUsedTheToken() throws Exception {
    assertThat(exitCodes.get(0)).as(logs.toString()).isZero(); // credentials add
    assertThat(exitCodes.get(1)).as(logs.toString()).isZero(); // scan with the vault credential
    assertThat(exitCodes.get(2)).as(logs.toString()).isZero(); // scan from the environment
    assertThat(exitCodes.get(3)).as("the wrong token is refused").isEqualTo(1);
    assertThat(github.requestLog()).anyMatch(line -> line.endsWith(" 200"));
    assertThat(github.requestLog()).anyMatch(line -> line.endsWith(" 304"));
    assertThat(logs).contains("Stored 'canary' in the encrypted vault, for 127.0.0.1 only.");
    assertThat(logs).contains("GET http://127.0.0.1:").contains("Authorization=[redacted]");
    assertThat(Files.readString(reports.resolve("scan.json"))).contains("acme-corp");
    assertThat(Files.readString(reports.resolve("audit.json")))
        .contains(
            "credential.added", "scan.started", "scan.finished", "scan.failed", "report.exported");
    assertThat(home.resolve("vault.tenet")).exists();
    assertThat(home.resolve("tenet.db")).exists();
    try (Stream<Path> cache = Files.walk(home.resolve("cache"))) {
      assertThat(cache.filter(f -> f.toString().endsWith(".gz")).count()).isPositive();
    }
  }

  @Test
  void theTokenIsNowhereInTheDataFolder() throws IOException {
    assertThat(findings(home)).isEmpty();
  }

  @Test
  void theTokenIsNowhereInTheDatabaseEvenInsideCompressedGraphs() throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tenet.db"));
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).contains("assessment", "finding", "graph_snapshot", "audit_event");
      for (String table : tables) {
        try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              byte[] value = rs.getBytes(i);
              if (value != null && containsCanary(decoded(value))) {
                found.add(table + "." + rs.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theTokenIsNowhereInTheLogs() {
    assertThat(containsCanary(logs.toString().getBytes(StandardCharsets.UTF_8)))
        .as(logs.toString())
        .isFalse();
  }

  @Test
  void theTokenIsNowhereInAnyReportFormat() throws IOException {
    assertThat(ReportWriters.formats()).isNotEmpty();
    for (String format : ReportWriters.formats()) {
      assertThat(reports.resolve("report." + format)).exists();
    }
    assertThat(findings(reports)).isEmpty();
  }

  @Test
  void theTokenIsNowhereInTheTempFolder() throws IOException {
    assertThat(findings(tmp)).isEmpty();
  }

  @Test
  void theSearchCanReadEveryReportFormat() throws IOException {
    // The organization's name is in every report: if the search cannot see it in a format, it
    // could not see a token there either, and the decoding above must learn that format.
    for (String format : ReportWriters.formats()) {
      byte[] report = Files.readAllBytes(reports.resolve("report." + format));
      assertThat(contains(decoded(report), "acme-corp")).as(format).isTrue();
    }
  }

  @Test
  void theSearchFindsAPlantedCanaryInEveryFormItLooksFor() throws IOException {
    Path control = Files.createDirectories(root.resolve("control"));
    Files.writeString(control.resolve("plain.txt"), "x" + CANARY + "y");
    try (var gz =
        new java.util.zip.GZIPOutputStream(Files.newOutputStream(control.resolve("c.gz")))) {
      gz.write(CANARY.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(
        control.resolve("b64"),
        Base64.getEncoder()
            .encodeToString(("x-access-token:" + CANARY).getBytes(StandardCharsets.UTF_8)));
    Files.write(control.resolve("utf16"), CANARY.getBytes(StandardCharsets.UTF_16LE));
    java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
    pdf.writeBytes(
        "%PDF-1.7\n4 0 obj\n<< /Filter /FlateDecode >>\nstream\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    java.util.zip.Deflater deflater = new java.util.zip.Deflater();
    deflater.setInput(("BT (" + CANARY + ") Tj ET").getBytes(StandardCharsets.ISO_8859_1));
    deflater.finish();
    byte[] buffer = new byte[1024];
    pdf.write(buffer, 0, deflater.deflate(buffer));
    pdf.writeBytes("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(control.resolve("report.pdf"), pdf.toByteArray());
    assertThat(findings(control)).hasSize(5);
  }

  /** Files under {@code folder} that hold the canary in any form searched for. */
  static List<Path> findings(Path folder) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && containsCanary(decoded(Files.readAllBytes(f)))) {
          found.add(f);
        }
      }
    }
    return found;
  }

  /**
   * The bytes, plus what they hold in readable form: decompressed when they are gzip, and for a PDF
   * its extracted text (through PDFBox when a report writer has put it on the class path) and its
   * inflated content streams.
   */
  static byte[] decoded(byte[] bytes) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(bytes);
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        out.writeBytes(in.readAllBytes());
      } catch (IOException notReallyGzip) {
        // The raw bytes are searched anyway.
      }
    }
    if (new String(bytes, 0, Math.min(5, bytes.length), StandardCharsets.ISO_8859_1)
        .equals("%PDF-")) {
      out.writeBytes(pdfText(bytes).getBytes(StandardCharsets.UTF_8));
      out.writeBytes(inflatedStreams(bytes));
    }
    return out.toByteArray();
  }

  /** A PDF's text through PDFBox, if present (reflection: this branch has no PDF writer yet). */
  static String pdfText(byte[] pdf) {
    try {
      Class<?> loader = Class.forName("org.apache.pdfbox.Loader");
      Object document = loader.getMethod("loadPDF", byte[].class).invoke(null, (Object) pdf);
      try (AutoCloseable closing = (AutoCloseable) document) {
        Class<?> stripper = Class.forName("org.apache.pdfbox.text.PDFTextStripper");
        Object s = stripper.getConstructor().newInstance();
        return (String)
            stripper
                .getMethod("getText", Class.forName("org.apache.pdfbox.pdmodel.PDDocument"))
                .invoke(s, document);
      }
    } catch (Exception noPdfBox) {
      return "";
    }
  }

  /** Every Flate-compressed stream of a PDF, inflated. */
  static byte[] inflatedStreams(byte[] pdf) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("stream");
    while (at >= 0) {
      int start = at + "stream".length();
      while (start < pdf.length && (pdf[start] == '\r' || pdf[start] == '\n')) {
        start++;
      }
      int end = text.indexOf("endstream", start);
      if (end < 0) {
        break;
      }
      java.util.zip.Inflater inflater = new java.util.zip.Inflater();
      inflater.setInput(pdf, start, end - start);
      byte[] buffer = new byte[64 * 1024];
      try {
        while (!inflater.finished() && !inflater.needsInput()) {
          int n = inflater.inflate(buffer);
          if (n == 0 && inflater.needsDictionary()) {
            break;
          }
          out.write(buffer, 0, n);
        }
      } catch (java.util.zip.DataFormatException notFlate) {
        // Not every stream is compressed this way.
      } finally {
        inflater.end();
      }
      at = text.indexOf("stream", end + "endstream".length());
    }
    return out.toByteArray();
  }

  static boolean containsCanary(byte[] bytes) {
    return contains(bytes, CANARY) || contains(bytes, CANARY.substring(4));
  }

  /** Whether the text appears in the bytes: as is, in UTF-16, or Base64-encoded. */
  static boolean contains(byte[] bytes, String needle) {
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    if (latin.contains(needle)) {
      return true;
    }
    if (new String(bytes, StandardCharsets.UTF_16LE).contains(needle)
        || new String(bytes, StandardCharsets.UTF_16BE).contains(needle)) {
      return true;
    }
    // Base64 of the text at each of the three alignments it can have inside a longer value.
    Map<Integer, String> encodings = new HashMap<>();
    for (int shift = 0; shift < 3; shift++) {
      byte[] padded = ("xx".substring(0, shift) + needle).getBytes(StandardCharsets.UTF_8);
      String b64 = Base64.getEncoder().withoutPadding().encodeToString(padded);
      encodings.put(shift, b64.substring(shift == 0 ? 0 : 4, b64.length() - 4));
    }
    return encodings.values().stream().anyMatch(latin::contains);
  }
}
