package dev.tenet.reports.pdf;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import dev.tenet.reports.chart.Graphics2DPlot;
import dev.tenet.reports.chart.TrendChart;
import java.awt.Shape;
import java.util.Map;
import org.w3c.dom.Element;

/** Draws the report's charts as PDF vector graphics where the markup places a chart object. */
final class ChartDrawer implements FSObjectDrawer {
  private final TrendChart trend;

  ChartDrawer(TrendChart trend) {
    this.trend = trend;
  }

  @Override
  public Map<Shape, String> drawObject(
      Element e,
      double x,
      double y,
      double width,
      double height,
      OutputDevice outputDevice,
      RenderingContext ctx,
      int dotsPerPixel) {
    if (!"trend".equals(e.getAttribute("data-chart"))) {
      return null;
    }
    outputDevice.drawWithGraphics(
        (float) x,
        (float) y,
        (float) width / dotsPerPixel,
        (float) height / dotsPerPixel,
        g -> {
          double scale = (width / dotsPerPixel) / TrendChart.WIDTH;
          g.scale(scale, scale);
          trend.draw(new Graphics2DPlot(g, PdfFonts::awt));
        });
    return null;
  }
}
