package dev.tenet.reports;

import dev.tenet.reports.csv.CsvReportWriter;
import dev.tenet.reports.html.HtmlReportWriter;
import dev.tenet.reports.json.JsonReportWriter;
import dev.tenet.reports.pdf.PdfReportWriter;
import dev.tenet.reports.sarif.SarifReportWriter;
import java.util.List;
import java.util.Optional;

/** The one list of report formats Tenet writes. */
public final class ReportWriters {
  private ReportWriters() {}

  public static List<ReportWriter> all() {
    return List.of(
        new JsonReportWriter(),
        new SarifReportWriter(),
        new CsvReportWriter(),
        new HtmlReportWriter(),
        new PdfReportWriter());
  }

  public static Optional<ReportWriter> find(String format) {
    return all().stream().filter(w -> w.format().equalsIgnoreCase(format)).findFirst();
  }

  public static List<String> formats() {
    return all().stream().map(ReportWriter::format).toList();
  }
}
