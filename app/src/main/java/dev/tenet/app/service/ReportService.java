package dev.tenet.app.service;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import dev.tenet.reports.ReportWriters;
import dev.tenet.reports.verify.ReportVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Writes reports of stored assessments; every format reads the same stored assessment. */
public final class ReportService {
  /** Larger files are refused by verify: a 10,000-finding PDF report is far smaller. */
  static final long MAX_REPORT_BYTES = 1L << 30;

  private final Workspace workspace;
  private final RuleCatalog rules;
  private final RiskService risks;
  private final AuditService audit;

  /** A report service whose exports are recorded in the audit trail. */
  public ReportService(
      Workspace workspace, RuleCatalog rules, RiskService risks, AuditService audit) {
    this.workspace = workspace;
    this.rules = rules;
    this.risks = risks;
    this.audit = audit;
  }

  /** A report service without an audit trail (tests that exercise writers alone). */
  public ReportService(Workspace workspace, RuleCatalog rules, RiskService risks) {
    this(workspace, rules, risks, null);
  }

  private void exported(Assessment assessment, String format, String where) {
    if (audit != null) {
      audit.record(
          AuditAction.REPORT_EXPORTED,
          where,
          assessment.scope().stream().map(s -> s.platform() + ":" + s.target()).toList(),
          Map.of("assessment", assessment.id(), "format", format));
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
                : Optional.empty());
  }

  public void write(Assessment assessment, String format, OutputStream out) throws IOException {
    writer(format).write(input(assessment), out);
    exported(assessment, format, "(standard output)");
  }

  /**
   * Writes to a file through a temporary sibling, so a failed export never leaves a half-written
   * report behind.
   */
  public void write(Assessment assessment, String format, Path file) {
    ReportWriter writer = writer(format);
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      Path folder = target.getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      temp = Files.createTempFile(folder, ".tenet-report", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        writer.write(input(assessment), out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      exported(assessment, format, target.toString());
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
