package dev.tenet.reports.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.util.XRLog;
import dev.tenet.core.Tenet;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import dev.tenet.reports.content.ReportContent;
import dev.tenet.reports.html.ReportAssets;
import dev.tenet.reports.html.ReportMarkup;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The PDF report: the report markup laid out by openhtmltopdf on PDFBox, tagged for PDF/UA (up to
 * {@link #TAGGED_FINDINGS_LIMIT} findings), fonts embedded so all text can be searched and copied,
 * bookmarks and page-numbered contents, charts as vector graphics. The document information carries
 * the assessment id and the SHA-256 of its canonical JSON, as does the last page.
 */
public final class PdfReportWriter implements ReportWriter {
  /**
   * Reports of assessments with more findings than this are not tagged. openhtmltopdf 1.1.65 wraps
   * every inline box in an empty background artifact when tagging (it takes the initial {@code
   * background-image} for an image), so a tagged 10,000-finding report holds half a million
   * needless PDF objects: about 1 GB of heap and twice the rendering time. Untagged, the text is
   * still real text in embedded fonts (searchable and copyable), with bookmarks and contents; the
   * report says so, and the HTML report carries the same content with its markup.
   */
  public static final int TAGGED_FINDINGS_LIMIT = 5_000;

  private final int taggedLimit;

  public PdfReportWriter() {
    this(TAGGED_FINDINGS_LIMIT);
  }

  PdfReportWriter(int taggedLimit) {
    this.taggedLimit = taggedLimit;
  }

  @Override
  public String format() {
    return "pdf";
  }

  @Override
  public String extension() {
    return "pdf";
  }

  @Override
  public void write(ReportInput input, OutputStream out) throws IOException {
    ReportContent content = new ReportContent(input);
    boolean tagged = content.assessment().findings().size() <= taggedLimit;
    String xhtml =
        new ReportMarkup(
                content,
                ReportMarkup.Medium.PRINT,
                ReportAssets.stylesheet(ReportMarkup.Medium.PRINT),
                null)
            .untagged(!tagged)
            .render();
    // openhtmltopdf logs its progress to standard error; reports are written quietly.
    XRLog.setLoggingEnabled(false);
    try (PDDocument doc = new PDDocument()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePDDocument(doc);
      builder.usePdfUaAccessibility(tagged);
      builder.withProducer(Tenet.tool());
      // The report is self-contained: nothing, local or remote, is ever fetched while rendering.
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      PdfFonts.register(builder, doc);
      DefaultObjectDrawerFactory charts = new DefaultObjectDrawerFactory();
      charts.registerDrawer(
          ReportMarkup.CHART_TYPE, new ChartDrawer(ReportMarkup.trendChart(content)));
      builder.useObjectDrawerFactory(charts);
      builder.withHtmlContent(xhtml, null);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        renderer.createPDFWithoutClosing();
      }
      doc.getDocumentInformation().setCreator(content.assessment().tool());
      // Object streams, not the classic cross-reference table: PDFBox 3.0.8's classic writer
      // checks every queued object against a linear queue, which is quadratic in the tens of
      // thousands of structure elements a tagged report of a large assessment holds.
      doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
    }
  }
}
