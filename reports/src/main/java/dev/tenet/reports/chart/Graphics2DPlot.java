package dev.tenet.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.function.BiFunction;

/**
 * Draws a {@link Plot} on a Graphics2D; in PDF reports that Graphics2D writes PDF vector operators
 * and real text in the report's embedded fonts.
 */
public final class Graphics2DPlot implements Plot {
  private final Graphics2D g;
  private final BiFunction<Boolean, Float, Font> fonts;

  /**
   * @param fonts the font for (bold, size)
   */
  public Graphics2DPlot(Graphics2D g, BiFunction<Boolean, Float, Font> fonts) {
    this.g = g;
    this.fonts = fonts;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
  }

  private static Color color(String hex) {
    return Color.decode(hex.startsWith("#") ? hex : "#" + hex);
  }

  @Override
  public void line(
      double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
    g.setColor(color(color));
    g.setStroke(
        dashed
            ? new BasicStroke(
                (float) width,
                BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER,
                10f,
                new float[] {3f, 3f},
                0f)
            : new BasicStroke((float) width));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String color, double width) {
    if (xs.length == 0) {
      return;
    }
    Path2D.Double path = new Path2D.Double();
    path.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) {
      path.lineTo(xs[i], ys[i]);
    }
    g.setColor(color(color));
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    g.setColor(color(fill));
    g.fill(new Rectangle2D.Double(x, y, width, height));
  }

  @Override
  public void circle(double cx, double cy, double r, String fill, String stroke, double sw) {
    Ellipse2D.Double c = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    g.setColor(color(fill));
    g.fill(c);
    g.setColor(color(stroke));
    g.setStroke(new BasicStroke((float) sw));
    g.draw(c);
  }

  @Override
  public void text(
      double x, double y, String text, double size, String color, Anchor anchor, boolean bold) {
    Font font = fonts.apply(bold, (float) size);
    g.setFont(font);
    g.setColor(color(color));
    double w = g.getFontMetrics(font).stringWidth(text);
    double left =
        switch (anchor) {
          case START -> x;
          case MIDDLE -> x - w / 2;
          case END -> x - w;
        };
    g.drawString(text, (float) left, (float) y);
  }
}
