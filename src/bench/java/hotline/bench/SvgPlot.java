package hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The capacity curve as an SVG ops can open in a browser: live calls across, each figure as a
 * share of its limit up (100 % is the limit, drawn), so the first line to cross it is the limit
 * hit first. Hand-written: polylines and text, no library.
 */
final class SvgPlot {

    private static final int W = 760, H = 420, LEFT = 60, RIGHT = 200, TOP = 40, BOTTOM = 50;

    private SvgPlot() {}

    static void write(Path file, List<Ramp.Step> steps, String limitHit) throws IOException {
        double maxCalls = steps.stream().mapToInt(Ramp.Step::calls).max().orElse(1);
        double maxShare = 150;
        var svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", W, H));
        svg.append(text(LEFT, 20, "hotline-ivr capacity: each figure as % of its limit; limit hit first: " + escape(limitHit)));
        int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                LEFT, TOP, plotW, plotH));
        for (int share = 0; share <= maxShare; share += 50) {
            double y = TOP + plotH - share / maxShare * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                    LEFT, y, LEFT + plotW, y, share == 100 ? "#d00" : "#eee"));
            svg.append(text(LEFT - 40, (int) y + 4, share + " %"));
        }
        for (Ramp.Step s : steps) {
            double x = LEFT + s.calls() / maxCalls * plotW;
            svg.append(text((int) x - 10, TOP + plotH + 16, String.valueOf(s.calls())));
        }
        svg.append(text(LEFT + plotW / 2 - 30, H - 10, "live calls"));
        series(svg, steps, maxCalls, maxShare, plotW, plotH, "#1f77b4", "frame lateness p99 / 20 ms", 0,
                s -> s.lateP99Millis() / Ramp.LATE_LIMIT_MS * 100);
        series(svg, steps, maxCalls, maxShare, plotW, plotH, "#ff7f0e", "pause error p99 / 200 ms", 1,
                s -> s.pauseErrorP99Millis() / Ramp.PAUSE_LIMIT_MS * 100);
        series(svg, steps, maxCalls, maxShare, plotW, plotH, "#2ca02c", "heap per call / 64 KB", 2,
                s -> s.heapKbPerCall() / Ramp.HEAP_LIMIT_KB * 100);
        series(svg, steps, maxCalls, maxShare, plotW, plotH, "#9467bd", "server CPU / 2 cores", 3,
                s -> s.cpuPercent() / (Runtime.getRuntime().availableProcessors() * 100.0) * 100);
        svg.append("</svg>\n");
        Files.writeString(file, svg);
    }

    private static void series(StringBuilder svg, List<Ramp.Step> steps, double maxCalls, double maxShare, int plotW,
                               int plotH, String colour, String name, int row, ToDoubleFunction<Ramp.Step> share) {
        var points = new StringBuilder();
        for (Ramp.Step s : steps) {
            double v = share.applyAsDouble(s);
            if (Double.isNaN(v)) continue;
            double x = LEFT + s.calls() / maxCalls * plotW;
            double y = TOP + plotH - Math.min(maxShare, v) / maxShare * plotH;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                points.toString().trim(), colour));
        int ly = TOP + 10 + row * 20;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                W - RIGHT + 10, ly, W - RIGHT + 30, ly, colour));
        svg.append(text(W - RIGHT + 35, ly + 4, name));
    }

    private static String text(int x, int y, String s) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y, s);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
