package dev.tenet.reports.html;

import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import dev.tenet.reports.content.ReportContent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The HTML report: one self-contained file (styles, script, fonts and charts inline; a
 * Content-Security-Policy forbids loading anything), the same content as the PDF, and a sortable,
 * filterable findings table that degrades to a plain table without script.
 */
public final class HtmlReportWriter implements ReportWriter {

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String extension() {
    return "html";
  }

  @Override
  public void write(ReportInput input, OutputStream out) throws IOException {
    String html = render(new ReportContent(input));
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(html);
    writer.flush();
  }

  static String render(ReportContent content) {
    return new ReportMarkup(
            content,
            ReportMarkup.Medium.SCREEN,
            ReportAssets.stylesheet(ReportMarkup.Medium.SCREEN),
            ReportAssets.script())
        .render();
  }
}
