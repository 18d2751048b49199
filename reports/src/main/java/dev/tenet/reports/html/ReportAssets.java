package dev.tenet.reports.html;

import dev.tenet.reports.chart.SvgPlot;
import dev.tenet.reports.chart.TrendChart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report's stylesheets, script and fonts, from the assets module ({@code
 * dev/tenet/assets/report/}). Read once and kept: every report inlines them.
 */
public final class ReportAssets {
  private static final String FOLDER = "/dev/tenet/assets/report/";
  private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

  /** The body font of both media. */
  public static final String SANS = "Noto Sans";

  /** The font for ids, resources and evidence. */
  public static final String MONO = "Noto Sans Mono";

  /** The fallback for symbols (arrows, check marks) and scripts Noto Sans lacks. */
  public static final String FALLBACK = "DejaVu Sans";

  private ReportAssets() {}

  public static byte[] bytes(String name) {
    return CACHE
        .computeIfAbsent(
            name,
            n -> {
              try (InputStream in = ReportAssets.class.getResourceAsStream(FOLDER + n)) {
                if (in == null) {
                  throw new IllegalStateException(
                      "The report asset " + FOLDER + n + " is missing from tenet-assets");
                }
                return in.readAllBytes();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .clone();
  }

  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** The stylesheet of a medium: the shared rules, then the medium's own. */
  public static String stylesheet(ReportMarkup.Medium medium) {
    if (medium == ReportMarkup.Medium.PRINT) {
      return text("report.css") + "\n" + text("print.css");
    }
    return fontFaces() + text("report.css") + "\n" + text("screen.css");
  }

  /** Noto Sans (Latin) as data URLs: an HTML report fetches nothing. */
  private static String fontFaces() {
    StringBuilder css = new StringBuilder();
    String[][] faces = {
      {"noto-sans-latin-400-normal.woff2", "400", "normal"},
      {"noto-sans-latin-400-italic.woff2", "400", "italic"},
      {"noto-sans-latin-600-normal.woff2", "600", "normal"},
      {"noto-sans-latin-700-normal.woff2", "700", "normal"}
    };
    for (String[] face : faces) {
      css.append("@font-face{font-family:'Report Sans';font-weight:")
          .append(face[1])
          .append(";font-style:")
          .append(face[2])
          .append(";src:url(data:font/woff2;base64,")
          .append(Base64.getEncoder().encodeToString(bytes("fonts/" + face[0])))
          .append(") format('woff2');}\n");
    }
    return css.toString();
  }

  public static String script() {
    return text("report.js");
  }

  public static String svg(TrendChart chart) {
    SvgPlot plot =
        new SvgPlot(TrendChart.WIDTH, TrendChart.HEIGHT, "'Report Sans', 'Noto Sans', sans-serif");
    chart.draw(plot);
    return plot.toSvg(chart.description());
  }

  /** For a Content-Security-Policy hash source. */
  static String base64Sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
