package dev.tenet.app.service;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import dev.tenet.reports.ReportWriters;
import dev.tenet.reports.sign.PdfSignatures;
import dev.tenet.reports.sign.PdfSigner;
import dev.tenet.reports.sign.SigningException;
import dev.tenet.reports.sign.SigningKey;
import dev.tenet.reports.verify.ReportVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes reports of stored assessments; every format reads the same stored assessment. */
public final class ReportService {
  /** Larger files are refused by verify: a 10,000-finding PDF report is far smaller. */
  static final long MAX_REPORT_BYTES = 1L << 30;

  /** The password of a signing key, for runs without a terminal (CI, schedules). */
  public static final String SIGNING_PASSWORD_VARIABLE = "TENET_SIGNING_PASSWORD";

  private final Workspace workspace;
  private final RuleCatalog rules;
  private final RiskService risks;
  private final AuditService audit;
  private final Map<String, String> environment;
  private final Clock clock;

  /** A report service whose exports are recorded in the audit trail. */
  public ReportService(
      Workspace workspace,
      RuleCatalog rules,
      RiskService risks,
      AuditService audit,
      Map<String, String> environment,
      Clock clock) {
    this.workspace = workspace;
    this.rules = rules;
    this.risks = risks;
    this.audit = audit;
    this.environment = environment;
    this.clock = clock;
  }

  /** A report service without an audit trail (tests that exercise writers alone). */
  public ReportService(Workspace workspace, RuleCatalog rules, RiskService risks) {
    this(workspace, rules, risks, null, Map.of(), Clock.systemUTC());
  }

  private void exported(Assessment assessment, String format, String where, SigningKey key) {
    if (audit != null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("assessment", assessment.id());
      details.put("format", format);
      if (key != null) {
        details.put("signedBy", key.certificateSha256());
      }
      audit.record(
          AuditAction.REPORT_EXPORTED,
          where,
          assessment.scope().stream().map(s -> s.platform() + ":" + s.target()).toList(),
          details);
    }
  }

  /**
   * Opens a PKCS #12 signing key. Its password comes from {@value #SIGNING_PASSWORD_VARIABLE} when
   * set, else from {@code prompt} (a hidden terminal prompt, a dialog); it is never an argument.
   *
   * @param alias the key's alias in the file, or null for its only key
   * @param prompt asks for the password; returns null when none can be asked for or none is given
   */
  public SigningKey signingKey(Path file, String alias, Supplier<char[]> prompt) {
    String fromEnvironment = environment.get(SIGNING_PASSWORD_VARIABLE);
    char[] password = fromEnvironment != null ? fromEnvironment.toCharArray() : prompt.get();
    if (password == null) {
      throw new UserError(
          "The signing key's password is needed: set "
              + SIGNING_PASSWORD_VARIABLE
              + " or run in a terminal to be asked for it.");
    }
    try {
      return SigningKey.load(file, password, alias);
    } catch (SigningException e) {
      throw new UserError(e.getMessage());
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The formats Tenet writes (the one list is {@link ReportWriters}). */
  public List<String> formats() {
    return ReportWriters.formats();
  }

  /** The usual file extension of a format, without the dot. */
  public String extension(String format) {
    return writer(format).extension();
  }

  public ReportWriter writer(String format) {
    return ReportWriters.find(format)
        .orElseThrow(
            () ->
                new UserError(
                    "Unknown report format '"
                        + format
                        + "': choose one of "
                        + String.join(", ", ReportWriters.formats())
                        + "."));
  }

  /**
   * What a report of this assessment reads: the assessments of the same scope up to it (the trend)
   * and the one just before it (the changes). Scopes are compared by platform and target, not by
   * API address, so an organization keeps its history when reached through another URL.
   */
  public ReportInput input(Assessment assessment) {
    Set<String> scope = scopeKey(assessment.scope());
    List<AssessmentSummary> history =
        workspace.history().stream()
            .filter(s -> s.startedAt().compareTo(assessment.startedAt()) <= 0)
            .filter(s -> scopeKey(s.scope()).equals(scope))
            .toList();
    Assessment previous =
        history.stream()
            .filter(s -> !s.id().equals(assessment.id()))
            .reduce((first, second) -> second)
            .map(s -> workspace.store().load(s.id()))
            .orElse(null);
    return new ReportInput(
        assessment, history, risks.appliedTo(assessment), rules, rules.weaknesses(), previous);
  }

  private static Set<String> scopeKey(List<ScopeEntry> scope) {
    Set<String> key = new TreeSet<>();
    scope.forEach(s -> key.add(s.platform() + ":" + s.target()));
    return key;
  }

  /**
   * Checks a report file against this store: the assessment it names must be stored, and its
   * fingerprint, findings and score must match.
   */
  public ReportVerifier.Verdict verify(Path report) {
    return verify(report, null);
  }

  /**
   * The same, and the report must be a PDF signed by this certificate.
   *
   * @param signer a certificate file (PEM or DER) or its SHA-256 fingerprint (hex, colons allowed),
   *     or null when any signature, or none, will do
   */
  public ReportVerifier.Verdict verify(Path report, String signer) {
    String expected = signer == null ? null : expectedSigner(signer);
    if (!Files.exists(workspace.database())) {
      throw new UserError(
          "There is no assessment store at "
              + workspace.database()
              + ": pass the --db the report was written from.");
    }
    byte[] bytes;
    try {
      if (Files.size(report) > MAX_REPORT_BYTES) {
        throw new UserError(
            report + " is larger than " + (MAX_REPORT_BYTES >> 20) + " MB: not a Tenet report.");
      }
      bytes = Files.readAllBytes(report);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserError("There is no file " + report + ".");
    } catch (IOException e) {
      throw new UserError("Could not read " + report + ": " + reason(e) + ".");
    }
    return ReportVerifier.verify(
        bytes,
        id ->
            workspace.history().stream().anyMatch(s -> s.id().equals(id))
                ? Optional.of(workspace.store().load(id))
                : Optional.empty(),
        expected);
  }

  private static final Pattern FINGERPRINT =
      Pattern.compile("(?i)(?:sha-?256:?\\s*)?((?:[0-9a-f]{2}:?){31}[0-9a-f]{2})");

  /** A fingerprint as given, or the fingerprint of the certificate in the named file. */
  private static String expectedSigner(String signer) {
    Matcher m = FINGERPRINT.matcher(signer.strip());
    if (m.matches()) {
      return m.group(1).replace(":", "").toLowerCase(Locale.ROOT);
    }
    Path file = Path.of(signer);
    if (!Files.isRegularFile(file)) {
      throw new UserError(
          "The expected signer '"
              + signer
              + "' is neither a certificate file nor a SHA-256 fingerprint.");
    }
    try (InputStream in = Files.newInputStream(file)) {
      Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
      return PdfSignatures.fingerprint(certificate.getEncoded());
    } catch (IOException | CertificateException e) {
      throw new UserError(file + " is not an X.509 certificate (PEM or DER).");
    }
  }

  public void write(Assessment assessment, String format, OutputStream out) throws IOException {
    write(assessment, format, out, null);
  }

  /**
   * Writes a report to a stream; a PDF is signed with {@code key} when one is given.
   *
   * @param key the signing key, or null
   */
  public void write(Assessment assessment, String format, OutputStream out, SigningKey key)
      throws IOException {
    render(assessment, format, out, key);
    exported(assessment, format, "(standard output)", key);
  }

  private void render(Assessment assessment, String format, OutputStream out, SigningKey key)
      throws IOException {
    ReportWriter writer = writer(format);
    if (key == null) {
      writer.write(input(assessment), out);
      return;
    }
    if (!writer.format().equals("pdf")) {
      throw new UserError(
          "Only PDF reports can be signed; the " + format + " report carries a fingerprint only.");
    }
    ByteArrayOutputStream unsigned = new ByteArrayOutputStream();
    writer.write(
        input(assessment)
            .signedBy(new ReportInput.Signer(key.signerName(), key.certificateSha256())),
        unsigned);
    try {
      PdfSigner.sign(unsigned.toByteArray(), key, clock.instant(), out);
    } catch (SigningException e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * Writes to a file through a temporary sibling, so a failed export never leaves a half-written
   * report behind.
   */
  public void write(Assessment assessment, String format, Path file) {
    write(assessment, format, file, null);
  }

  /**
   * The same; a PDF is signed with {@code key} when one is given.
   *
   * @param key the signing key, or null
   */
  public void write(Assessment assessment, String format, Path file, SigningKey key) {
    writer(format);
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      Path folder = target.getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      temp = Files.createTempFile(folder, ".tenet-report", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        render(assessment, format, out, key);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      exported(assessment, format, target.toString(), key);
    } catch (IOException e) {
      throw new UserError(
          "Could not write the " + format + " report to " + target + ": " + reason(e) + ".");
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Nothing more to do about a stray temporary file.
        }
      }
    }
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
