package io.secagg.examples.hospitals;

import java.util.List;
import java.util.Locale;

/**
 * A hand-drawn SVG line chart of test accuracy per round: no plotting dependency for one
 * figure. Accuracy runs from the lowest value shown (rounded down to a tenth) to 1.
 */
final class AccuracyPlot {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 420;
  private static final int LEFT = 60;
  private static final int RIGHT = 250;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private AccuracyPlot() {}

  /** One line: its legend, accuracy after each round, colour, and whether it is dashed. */
  static final class Series {
    final String label;
    final double[] values;
    final String colour;
    final boolean dashed;

    Series(String label, double[] values, String colour, boolean dashed) {
      this.label = label;
      this.values = values.clone();
      this.colour = colour;
      this.dashed = dashed;
    }
  }

  static String svg(String title, List<Series> series) {
    int rounds = series.get(0).values.length;
    double low = 1;
    for (Series s : series) {
      for (double v : s.values) {
        low = Math.min(low, v);
      }
    }
    low = Math.min(0.9, Math.floor(low * 10) / 10);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
        WIDTH, HEIGHT));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n",
        LEFT, escape(title)));
    // Grid lines at every tenth: low is a tenth, so they end at 1.
    int tenths = (int) Math.round((1 - low) * 10);
    for (int i = 0; i <= tenths; i++) {
      double v = low + i / 10.0;
      double y = TOP + plotH * (1 - (v - low) / (1 - low));
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#dddddd\"/>%n", LEFT, y, LEFT + plotW, y));
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f"
          + "</text>%n", LEFT - 6, y + 4, v));
    }
    int step = Math.max(1, (int) Math.ceil(rounds / 10.0));
    for (int r = 0; r < rounds; r += step) {
      double x = xOf(r, rounds, plotW);
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
          + "%d</text>%n", x, TOP + plotH + 18, r + 1));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">round"
        + "</text>%n", LEFT + plotW / 2, HEIGHT - 10));
    b.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\""
        + " transform=\"rotate(-90 16 %.1f)\">test accuracy</text>%n", TOP + plotH / 2,
        TOP + plotH / 2));
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\""
        + " fill=\"none\" stroke=\"#888888\"/>%n", LEFT, TOP, plotW, plotH));
    int legendY = TOP + 10;
    for (Series s : series) {
      StringBuilder points = new StringBuilder();
      for (int r = 0; r < s.values.length; r++) {
        double y = TOP + plotH * (1 - (s.values[r] - low) / (1 - low));
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xOf(r, rounds, plotW), y));
      }
      String dash = s.dashed ? " stroke-dasharray=\"6 4\"" : "";
      b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\""
          + " stroke-width=\"2\"%s points=\"%s\"/>%n", s.colour, dash, points.toString().trim()));
      double lx = LEFT + plotW + 14;
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
          + " stroke=\"%s\" stroke-width=\"2\"%s/>%n", lx, legendY, lx + 24, legendY, s.colour,
          dash));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", lx + 30,
          legendY + 4, escape(s.label)));
      legendY += 22;
    }
    return b.append("</svg>\n").toString();
  }

  private static double xOf(int r, int rounds, double plotW) {
    return LEFT + (rounds == 1 ? plotW / 2 : plotW * r / (rounds - 1));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
