package dev.tenet.reports.chart;

import dev.tenet.reports.chart.Plot.Anchor;
import java.util.ArrayList;
import java.util.List;

/**
 * The overall score across the assessments of one scope: one point per assessment, evenly spaced in
 * order, the current one marked and labelled. Unscored assessments leave a gap in the line.
 */
public final class TrendChart {
  /** One assessment on the chart. */
  public record Point(String label, Integer score, boolean current) {}

  public static final double WIDTH = 640;
  public static final double HEIGHT = 190;

  private static final String AXIS = "#94a3b8";
  private static final String GRID = "#e2e8f0";
  private static final String LABEL = "#475569";
  private static final String LINE = "#1d4ed8";
  private static final double LEFT = 36;
  private static final double RIGHT = 24;
  private static final double TOP = 16;
  private static final double BOTTOM = 30;
  private static final int MAX_LABELS = 8;

  private final List<Point> points;

  public TrendChart(List<Point> points) {
    this.points = List.copyOf(points);
  }

  /** A sentence saying what the chart shows, for screen readers and the PDF's alternate text. */
  public String description() {
    List<String> parts = new ArrayList<>();
    for (Point p : points) {
      parts.add(p.label() + ": " + (p.score() == null ? "not scored" : p.score()));
    }
    return "Overall score by assessment, 0 to 100. " + String.join("; ", parts) + ".";
  }

  public void draw(Plot plot) {
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    for (int v = 0; v <= 100; v += 25) {
      double y = y(v, plotHeight);
      plot.line(LEFT, y, WIDTH - RIGHT, y, v == 0 ? AXIS : GRID, v == 0 ? 1 : 0.8, false);
      plot.text(LEFT - 6, y + 3.5, Integer.toString(v), 9, LABEL, Anchor.END, false);
    }
    int n = points.size();
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = n == 1 ? LEFT + plotWidth / 2 : LEFT + 10 + (plotWidth - 20) * i / (n - 1);
    }
    // The line, broken where an assessment could not be scored.
    List<double[]> run = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      Integer score = i < n ? points.get(i).score() : null;
      if (score != null) {
        run.add(new double[] {xs[i], y(score, plotHeight)});
      } else if (!run.isEmpty()) {
        double[] rx = run.stream().mapToDouble(p -> p[0]).toArray();
        double[] ry = run.stream().mapToDouble(p -> p[1]).toArray();
        plot.polyline(rx, ry, LINE, 2);
        run.clear();
      }
    }
    int step = Math.max(1, (int) Math.ceil(n / (double) MAX_LABELS));
    for (int i = 0; i < n; i++) {
      Point p = points.get(i);
      boolean labelled = i % step == 0 || i == n - 1;
      if (labelled) {
        plot.text(xs[i], HEIGHT - BOTTOM + 16, p.label(), 8.5, LABEL, Anchor.MIDDLE, p.current());
      }
      if (p.score() == null) {
        plot.text(xs[i], y(0, plotHeight) - 6, "n/a", 8, LABEL, Anchor.MIDDLE, false);
        continue;
      }
      double y = y(p.score(), plotHeight);
      if (p.current()) {
        plot.circle(xs[i], y, 4.5, LINE, "#ffffff", 1.5);
        double labelY = p.score() > 88 ? y + 16 : y - 9;
        plot.text(xs[i], labelY, Integer.toString(p.score()), 10, "#0f172a", Anchor.MIDDLE, true);
      } else {
        plot.circle(xs[i], y, 3, "#ffffff", LINE, 1.5);
      }
    }
    if (n == 1) {
      plot.text(
          LEFT + plotWidth / 2,
          TOP + 14,
          "First assessment of this scope: later assessments extend the trend.",
          9,
          LABEL,
          Anchor.MIDDLE,
          false);
    }
  }

  private static double y(double score, double plotHeight) {
    return TOP + plotHeight * (1 - score / 100.0);
  }
}
