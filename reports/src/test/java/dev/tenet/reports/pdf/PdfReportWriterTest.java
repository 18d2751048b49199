package dev.tenet.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.model.Finding;
import dev.tenet.reports.Golden;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.Samples;
import dev.tenet.reports.json.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfReportWriterTest {
  private static ReportInput input;
  private static byte[] pdf;
  private static String text;
  private static String squeezed;

  @BeforeAll
  static void render() throws Exception {
    input = Samples.rich();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfReportWriter().write(input, out);
    pdf = out.toByteArray();
    Path copy = Path.of("target/reports/rich.pdf");
    Files.createDirectories(copy.getParent());
    Files.write(copy, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      text = stripper().getText(doc);
    }
    squeezed = squeeze(text);
  }

  /** Reads by position: badges are painted after the text around them. */
  private static PDFTextStripper stripper() throws java.io.IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper;
  }

  /** Long unbreakable strings wrap anywhere in the PDF: compare without whitespace. */
  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  @Test
  void hasEverySection() {
    assertThat(text)
        .contains(
            "Contents",
            "Executive summary",
            "Pillar scores",
            "Trend",
            "Top risks",
            "Pillars",
            "Identity 40/100",
            "Secrets not assessed",
            "Findings",
            "Critical (2 findings)",
            "Remediation".toUpperCase(),
            "Attack paths",
            "ENTRY POINT",
            "CROWN JEWEL",
            "Changes since the previous assessment",
            "New findings (1)",
            "Resolved (1)",
            "Accepted risks",
            "Dana Whitfield",
            "Scope and method",
            "Blind spots (1)",
            "Rules evaluated",
            "Appendix A — OWASP Top 10 CI/CD Security Risks",
            "Appendix B — CIS Software Supply Chain Security Guide v1.0",
            "Appendix C — NIST SP 800-207 zero-trust tenets",
            "Integrity");
    for (Finding f : input.assessment().findings()) {
      assertThat(text).contains("ID " + f.id());
    }
    assertThat(squeezed)
        .contains(squeeze("1 part could not be read; it counts as unknown, never as passing"));
  }

  @Test
  void matchesTheGoldenText() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      lines.add(line.strip());
    }
    Golden.assertMatches("rich.pdf.txt", String.join("\n", lines) + "\n");
  }

  @Test
  void printsHostileNamesAsText() {
    assertThat(squeezed).contains("acme-corp/<script>alert('pwned')</script>#branch/main");
    assertThat(squeezed).contains(squeeze("OIDC in Q1. <b>Tracked</b> in SEC-142."));
    assertThat(text).doesNotContain("\u202E");
  }

  @Test
  void isTaggedWithEmbeddedFontsBookmarksAndMetadata() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      List<String> bookmarks = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
        bookmarks.add(item.getTitle());
      }
      assertThat(bookmarks)
          .startsWith("Executive summary", "Pillars", "Findings", "Attack paths")
          .endsWith("Integrity");
      var info = doc.getDocumentInformation();
      assertThat(info.getTitle()).startsWith("Zero-trust posture assessment — acme-corp");
      assertThat(info.getCustomMetadataValue("tenet-assessment-id"))
          .isEqualTo(input.assessment().id());
      assertThat(info.getCustomMetadataValue("tenet-assessment-sha256"))
          .isEqualTo(CanonicalJson.sha256(input.assessment()));
    }
  }

  @Test
  void hasPageNumbersAndAContentsPageThatPointsAtThem() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      assertThat(text).contains("Page 2 of " + pages, "Page " + pages + " of " + pages);
      PDFTextStripper stripper = stripper();
      stripper.setStartPage(2);
      stripper.setEndPage(2);
      String contents = stripper.getText(doc);
      assertThat(contents).containsPattern("Executive summary\\s*\\.+\\s*3\\b");
      stripper.setStartPage(3);
      stripper.setEndPage(3);
      assertThat(stripper.getText(doc)).contains("Executive summary");
    }
  }

  @Test
  void theLastPageCarriesTheFingerprint() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = stripper();
      stripper.setStartPage(doc.getNumberOfPages());
      String last = stripper.getText(doc).replaceAll("\\s+", "");
      assertThat(last).contains(CanonicalJson.sha256(input.assessment()));
      assertThat(last).contains("tenetverifyREPORT--db");
    }
  }

  @Test
  void drawsTheTrendChartAsVectorsWithRealText() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage summary = doc.getPage(2);
      boolean form = false;
      for (COSName name : summary.getResources().getXObjectNames()) {
        PDXObject x = summary.getResources().getXObject(name);
        assertThat(x).isNotInstanceOf(PDImageXObject.class);
        form |= x instanceof PDFormXObject;
      }
      assertThat(form).isTrue();
      PDFTextStripper stripper = stripper();
      stripper.setStartPage(3);
      stripper.setEndPage(3);
      assertThat(stripper.getText(doc)).contains("23 Oct 2026", "20 Nov 2026");
    }
  }

  @Test
  void aReportLargerThanTheTaggingLimitIsUntaggedAndSaysSo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfReportWriter(5).write(input, out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNull();
      String untagged = squeeze(stripper().getText(doc));
      assertThat(untagged).contains(squeeze("this PDF is not tagged for assistive technology"));
      assertThat(untagged).contains(squeeze("Executive summary"));
    }
    assertThat(text).doesNotContain("not tagged for assistive technology");
  }

  @Test
  void aFirstAssessmentSaysThereIsNothingToCompare() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfReportWriter().write(Samples.first(), out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      String first = stripper().getText(doc);
      assertThat(first)
          .contains("This is the first stored assessment of this scope")
          .contains("No risk has been accepted");
    }
  }
}
