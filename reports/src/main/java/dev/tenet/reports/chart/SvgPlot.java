package dev.tenet.reports.chart;

import dev.tenet.reports.html.Html;
import java.util.Locale;

/** Draws a {@link Plot} as an inline SVG element; text is escaped like any report text. */
public final class SvgPlot implements Plot {
  private final StringBuilder body = new StringBuilder(4096);
  private final double width;
  private final double height;
  private final String fontFamily;

  public SvgPlot(double width, double height, String fontFamily) {
    this.width = width;
    this.height = height;
    this.fontFamily = fontFamily;
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  @Override
  public void line(
      double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
    body.append("<line x1=\"")
        .append(n(x1))
        .append("\" y1=\"")
        .append(n(y1))
        .append("\" x2=\"")
        .append(n(x2))
        .append("\" y2=\"")
        .append(n(y2))
        .append("\" stroke=\"")
        .append(Html.escape(color))
        .append("\" stroke-width=\"")
        .append(n(width))
        .append('"');
    if (dashed) {
      body.append(" stroke-dasharray=\"3 3\"");
    }
    body.append("/>");
  }

  @Override
  public void polyline(double[] xs, double[] ys, String color, double width) {
    body.append("<polyline fill=\"none\" stroke=\"")
        .append(Html.escape(color))
        .append("\" stroke-width=\"")
        .append(n(width))
        .append("\" stroke-linejoin=\"round\" points=\"");
    for (int i = 0; i < xs.length; i++) {
      body.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
    }
    body.append("\"/>");
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    body.append("<rect x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" width=\"")
        .append(n(width))
        .append("\" height=\"")
        .append(n(height))
        .append("\" fill=\"")
        .append(Html.escape(fill))
        .append("\"/>");
  }

  @Override
  public void circle(double cx, double cy, double r, String fill, String stroke, double sw) {
    body.append("<circle cx=\"")
        .append(n(cx))
        .append("\" cy=\"")
        .append(n(cy))
        .append("\" r=\"")
        .append(n(r))
        .append("\" fill=\"")
        .append(Html.escape(fill))
        .append("\" stroke=\"")
        .append(Html.escape(stroke))
        .append("\" stroke-width=\"")
        .append(n(sw))
        .append("\"/>");
  }

  @Override
  public void text(
      double x, double y, String text, double size, String color, Anchor anchor, boolean bold) {
    body.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" font-size=\"")
        .append(n(size))
        .append("\" fill=\"")
        .append(Html.escape(color))
        .append("\" text-anchor=\"")
        .append(
            switch (anchor) {
              case START -> "start";
              case MIDDLE -> "middle";
              case END -> "end";
            })
        .append('"');
    if (bold) {
      body.append(" font-weight=\"700\"");
    }
    body.append('>').append(Html.escape(text)).append("</text>");
  }

  /** The SVG element, with an accessible title. */
  public String toSvg(String title) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 "
        + n(width)
        + " "
        + n(height)
        + "\" width=\""
        + n(width)
        + "\" height=\""
        + n(height)
        + "\" font-family=\""
        + Html.escape(fontFamily)
        + "\"><title>"
        + Html.escape(title)
        + "</title>"
        + body
        + "</svg>";
  }
}
