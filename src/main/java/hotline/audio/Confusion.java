package hotline.audio;

import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix over {@link Evaluation#LABELS}: {@code counts[truth][verdict]}.
 */
public record Confusion(int[][] counts) {

    public static Confusion of(List<Evaluation.Outcome> outcomes) {
        int n = Evaluation.LABELS.size();
        int[][] counts = new int[n][n];
        for (var o : outcomes) {
            counts[index(o.clip().label())][index(o.verdict().label())]++;
        }
        return new Confusion(counts);
    }

    private static int index(String label) {
        int i = Evaluation.LABELS.indexOf(label);
        if (i < 0) throw new IllegalArgumentException("unknown label " + label);
        return i;
    }

    public int total() {
        int t = 0;
        for (int[] row : counts) for (int c : row) t += c;
        return t;
    }

    public int correct() {
        int c = 0;
        for (int i = 0; i < counts.length; i++) c += counts[i][i];
        return c;
    }

    public double accuracy() {
        return total() == 0 ? 0 : (double) correct() / total();
    }

    /** Of the clips labelled {@code label}, the share heard as it (NaN without such clips). */
    public double recall(String label) {
        int i = index(label);
        int row = 0;
        for (int c : counts[i]) row += c;
        return row == 0 ? Double.NaN : (double) counts[i][i] / row;
    }

    /** Of the clips heard as {@code label}, the share that were it (NaN when none was). */
    public double precision(String label) {
        int j = index(label);
        int column = 0;
        for (int[] row : counts) column += row[j];
        return column == 0 ? Double.NaN : (double) counts[j][j] / column;
    }

    /** The matrix as a Markdown table, rows the labels, columns the verdicts. */
    public String table() {
        var labels = Evaluation.LABELS;
        var out = new StringBuilder("| label \\ heard as |");
        labels.forEach(l -> out.append(' ').append(l).append(" |"));
        out.append(" recall |\n|---|");
        labels.forEach(l -> out.append("---:|"));
        out.append("---:|\n");
        for (int i = 0; i < labels.size(); i++) {
            out.append("| ").append(labels.get(i)).append(" |");
            for (int c : counts[i]) out.append(' ').append(c).append(" |");
            out.append(' ').append(percent(recall(labels.get(i)))).append(" |\n");
        }
        out.append("| precision |");
        labels.forEach(l -> out.append(' ').append(percent(precision(l))).append(" |"));
        out.append(" |\n");
        out.append(String.format(Locale.ROOT, "%naccuracy %s (%d of %d)%n", percent(accuracy()), correct(), total()));
        return out.toString();
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
