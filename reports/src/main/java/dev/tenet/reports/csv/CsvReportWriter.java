package dev.tenet.reports.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.RiskAcceptance;
import dev.tenet.core.model.Finding;
import dev.tenet.core.util.Json;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row per finding, for spreadsheets and SIEMs. Columns are stable ({@link #COLUMNS}: new ones
 * are only ever appended); quoting follows RFC 4180 (CRLF line ends, fields with a comma, quote or
 * line break in double quotes, quotes doubled); UTF-8 without a byte-order mark.
 *
 * <p>Every cell is text from an API and may be hostile: a cell a spreadsheet would read as a
 * formula (starting with {@code = + - @}, a tab or a carriage return, or their full-width forms) is
 * prefixed with an apostrophe, so it is shown as text and never evaluated.
 */
public final class CsvReportWriter implements ReportWriter {
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "severity",
          "rule",
          "weakness",
          "pillar",
          "title",
          "resource",
          "file",
          "line",
          "message",
          "evidence",
          "remediation",
          "owasp",
          "cis_ssc",
          "nist",
          "accepted",
          "accepted_by",
          "accepted_until",
          "assessment");

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String extension() {
    return "csv";
  }

  @Override
  public void write(ReportInput input, OutputStream out) throws IOException {
    Assessment a = input.assessment();
    Map<String, RiskAcceptance> accepted = new HashMap<>();
    for (RiskAcceptance r : input.acceptances()) {
      if (r.activeAt(a.finishedAt())) {
        accepted.put(r.findingId(), r);
      }
    }
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    row(w, COLUMNS);
    for (Finding f : a.findings()) {
      RiskAcceptance r = accepted.get(f.id());
      List<String> cells = new ArrayList<>(COLUMNS.size());
      cells.add(f.id());
      cells.add(f.severity().id());
      cells.add(f.ruleId());
      cells.add(f.weakness().id());
      cells.add(f.pillar().id());
      cells.add(f.title());
      cells.add(f.resource());
      cells.add(f.location() == null ? "" : f.location().file());
      cells.add(
          f.location() == null || f.location().line() <= 0
              ? ""
              : Integer.toString(f.location().line()));
      cells.add(f.message());
      cells.add(evidence(f));
      cells.add(steps(f.remediation()));
      cells.add(String.join(";", f.weakness().owasp()));
      cells.add(String.join(";", f.weakness().cisSsc()));
      cells.add(String.join(";", f.weakness().nist().stream().map(String::valueOf).toList()));
      cells.add(r == null ? "no" : "yes");
      cells.add(r == null || r.owner() == null ? "" : r.owner());
      cells.add(r == null || r.expiresAt() == null ? "" : r.expiresAt().toString());
      cells.add(a.id());
      row(w, cells);
    }
    w.flush();
  }

  private static String evidence(Finding f) {
    if (f.evidence().isEmpty()) {
      return "";
    }
    try {
      return Json.mapper().writeValueAsString(f.evidence());
    } catch (JsonProcessingException e) {
      return String.valueOf(f.evidence());
    }
  }

  private static String steps(List<String> steps) {
    List<String> numbered = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      numbered.add((i + 1) + ". " + steps.get(i));
    }
    return String.join("\n", numbered);
  }

  private static void row(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(cell(cells.get(i)));
    }
    w.write("\r\n");
  }

  /** One cell: defused against formula evaluation, then quoted by RFC 4180 when needed. */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && formulaTrigger(v.charAt(0))) {
      v = "'" + v;
    }
    boolean quote =
        v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  private static boolean formulaTrigger(char c) {
    return switch (c) {
      case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
      default -> false;
    };
  }
}
