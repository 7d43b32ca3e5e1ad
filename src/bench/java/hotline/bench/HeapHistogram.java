package hotline.bench;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code jcmd GC.class_histogram}: live bytes by class after a full GC. Two of them, taken
 * before and during a load, say where a live call's heap goes (the ramp prints the classes that
 * grew most per call, so the heap figure comes with its cause).
 */
record HeapHistogram(long total, Map<String, Long> bytesByClass) {

    /** A class's growth between two histograms, in bytes per live call. */
    record Growth(String className, double bytesPerCall) {}

    static HeapHistogram parse(String jcmdOutput) throws IOException {
        var byClass = new HashMap<String, Long>();
        Long total = null;
        for (String line : jcmdOutput.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length == 3 && cols[0].equals("Total")) total = Long.parseLong(cols[2]);
            // "  12:   3456   789012  java.lang.String (java.base@25)"
            if (cols.length >= 4 && cols[0].endsWith(":") && cols[1].matches("\\d+") && cols[2].matches("\\d+")) {
                byClass.merge(cols[3], Long.parseLong(cols[2]), Long::sum);
            }
        }
        if (total == null) throw new IOException("jcmd gave no histogram total: " + jcmdOutput.lines().limit(3).toList());
        return new HeapHistogram(total, Map.copyOf(byClass));
    }

    /** The {@code n} classes that grew most from {@code before}, per each of {@code calls} live calls. */
    List<Growth> topGrowth(HeapHistogram before, int calls, int n) {
        return bytesByClass.entrySet().stream()
                .map(e -> new Growth(e.getKey(), (e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L)) / (double) calls))
                .sorted(Comparator.comparingDouble(Growth::bytesPerCall).reversed())
                .limit(n)
                .toList();
    }
}
