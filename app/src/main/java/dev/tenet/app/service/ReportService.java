package dev.tenet.app.service;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import dev.tenet.reports.ReportWriters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Writes reports of stored assessments; every format reads the same stored assessment. */
public final class ReportService {
  private final Workspace workspace;
  private final RuleCatalog rules;
  private final AuditService audit;

  /** A report service whose exports are recorded in the audit trail. */
  public ReportService(Workspace workspace, RuleCatalog rules, AuditService audit) {
    this.workspace = workspace;
    this.rules = rules;
    this.audit = audit;
  }

  /** A report service without an audit trail (tests that exercise writers alone). */
  public ReportService(Workspace workspace, RuleCatalog rules) {
    this(workspace, rules, null);
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

  public ReportInput input(Assessment assessment) {
    List<AssessmentSummary> history =
        workspace.history().stream()
            .filter(s -> s.startedAt().compareTo(assessment.startedAt()) <= 0)
            .toList();
    return new ReportInput(assessment, history, List.of(), rules, rules.weaknesses());
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
