package dev.tenet.reports.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.tenet.reports.html.ReportAssets;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's fonts, embedded (subsetted) in every PDF: PDF/UA allows no font that is not
 * embedded.
 *
 * <p>Glyph substitution (GSUB) is switched off: PDFBox 3 applies Latin GSUB features to every
 * string it writes by compiling regular expressions per string, which made a 10,000-finding report
 * three times slower. Noto Sans needs no substitution for the report's scripts; the cost is the
 * "fi"/"fl" ligatures, which also keeps copied text free of ligature characters.
 */
final class PdfFonts {
  private record Face(String file, String family, int weight, FontStyle style) {}

  private static final List<Face> FACES =
      List.of(
          new Face("NotoSans-Regular.ttf", ReportAssets.SANS, 400, FontStyle.NORMAL),
          new Face("NotoSans-Bold.ttf", ReportAssets.SANS, 700, FontStyle.NORMAL),
          new Face("NotoSans-Italic.ttf", ReportAssets.SANS, 400, FontStyle.ITALIC),
          new Face("NotoSansMono-Regular.ttf", ReportAssets.MONO, 400, FontStyle.NORMAL),
          new Face("DejaVuSans.ttf", ReportAssets.FALLBACK, 400, FontStyle.NORMAL));

  private static final Map<String, Font> AWT = new ConcurrentHashMap<>();

  private PdfFonts() {}

  static void register(PdfRendererBuilder builder, PDDocument doc) throws IOException {
    for (Face face : FACES) {
      TrueTypeFont ttf =
          new TTFParser()
              .parse(new RandomAccessReadBuffer(ReportAssets.bytes("fonts/" + face.file())));
      ttf.setEnableGsub(false);
      PDType0Font font = PDType0Font.load(doc, ttf, true);
      builder.useFont(new PDFontSupplier(font), face.family(), face.weight(), face.style(), true);
    }
  }

  /**
   * The same face as a Java2D font, for charts: its family name maps to the embedded PDF font, and
   * its metrics place chart labels exactly.
   */
  static Font awt(boolean bold, float size) {
    String file = bold ? "NotoSans-Bold.ttf" : "NotoSans-Regular.ttf";
    Font base =
        AWT.computeIfAbsent(
            file,
            f -> {
              try {
                return Font.createFont(
                    Font.TRUETYPE_FONT, new ByteArrayInputStream(ReportAssets.bytes("fonts/" + f)));
              } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("The report font " + f + " cannot be read", e);
              }
            });
    return base.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
  }
}
