package dev.tenet.reports.chart;

/**
 * A vector drawing surface, in CSS pixels with the origin at the top left. Charts draw once on this
 * interface; {@link SvgPlot} turns the drawing into inline SVG for HTML reports and {@link
 * Graphics2DPlot} into PDF vector graphics.
 */
public interface Plot {
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed);

  void polyline(double[] xs, double[] ys, String color, double width);

  void rect(double x, double y, double width, double height, String fill);

  void circle(double cx, double cy, double r, String fill, String stroke, double strokeWidth);

  void text(
      double x, double y, String text, double size, String color, Anchor anchor, boolean bold);
}
