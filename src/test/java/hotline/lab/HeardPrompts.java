package hotline.lab;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which prompts a robot caller heard, and when, found in its own recording (MixMonitor r()):
 * the caller's side of the order of prompts. A prompt is found where the recording's
 * loudness, 10 ms by 10 ms, follows the prompt file's own (after one gain offset for the
 * whole prompt), so a prompt is told from another prompt, and a language's file from
 * another language's, without relying on Asterisk's log (prompts stream over AudioSocket).
 */
public final class HeardPrompts {

    private static final int WINDOW = 80;          // 10 ms at 8 kHz
    private static final double FLOOR_DB = -70;
    private static final double VOICED_DB = -45;   // frames of the prompt that carry its shape
    private static final double MATCH_DB = 4.0;    // mean deviation accepted as "this prompt"

    private final Path file;
    private final double[] heard;

    private HeardPrompts(Path file, double[] heard) {
        this.file = file;
        this.heard = heard;
    }

    /** What robot {@code robotId} heard ([robot-phone] and the robots that record: ROBOT_ID). */
    public static HeardPrompts by(String robotId) {
        Path wav = Recording.heardBy(robotId);
        return new HeardPrompts(wav, envelope(Recording.read(wav)));
    }

    /** A recording given as samples (8 kHz, 16-bit), e.g. made up by a unit test. */
    static HeardPrompts of(short[] pcm) {
        return new HeardPrompts(Path.of("(samples)"), envelope(pcm));
    }

    static short[] samples(Path wav) {
        return Recording.samples(wav);
    }

    /** The prompt file the server streams for {@code key} in {@code language} (sounds/). */
    public static Path prompt(String language, String key) {
        return Path.of("sounds", language, "hotline", key + ".wav");
    }

    /** Where the prompt starts in the recording, searching from {@code from}; empty when it was not heard. */
    public Optional<Duration> find(String language, String key, Duration from) {
        return find(envelope(Recording.samples(prompt(language, key))), prompt(language, key), from);
    }

    /** The catalogue's digit that SAY DIGITS plays in zh, ko and yue (en and es use Asterisk's own). */
    public static Path digit(String language, char digit) {
        return Path.of("sounds", language, "digits", digit + ".wav");
    }

    /**
     * Where SAY DIGITS of {@code digits} in {@code language} begins, heard as the catalogue's digit
     * files ({@link #digit}) one after the other: each digit within {@value #DIGIT_GAP_MS} ms of the
     * previous one's end, at the file's own level (±{@value #DIGIT_GAIN_DB} dB: the audio path is
     * digital); empty when the caller did not hear them so. It tells the language's voice and the
     * count of digits, not one digit from another (one synthetic voice's 8 and 9 differ by about 1 dB
     * here): which digits were said is Asterisk's log's to show.
     */
    public Optional<Duration> findDigits(String language, String digits, Duration from) {
        int cursor = (int) (from.toMillis() / 10);
        int first = -1;
        for (char d : digits.toCharArray()) {
            double[] p = envelope(Recording.samples(digit(language, d)));
            int until = first < 0 ? heard.length : cursor + DIGIT_GAP_MS / 10;
            int at = closeMatch(p, cursor, until);
            if (at < 0) return Optional.empty();
            if (first < 0) first = at;
            cursor = at + p.length - 6; // a digit's last 60 ms may overlap the next one's search
        }
        return Optional.of(Duration.ofMillis(first * 10L));
    }

    private static final int DIGIT_GAP_MS = 500;
    private static final double DIGIT_GAIN_DB = 6.0;

    /** The earliest start in [from, until) where {@code p} matches within MATCH_DB at about its own level; -1 if none. */
    private int closeMatch(double[] p, int from, int until) {
        int[] voiced = java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] > VOICED_DB).toArray();
        if (voiced.length < 10) throw new IllegalStateException("a digit file is (nearly) silent");
        double[] diffs = new double[voiced.length];
        int best = -1;
        double bestDev = Double.MAX_VALUE;
        for (int o = Math.max(0, from); o < until && o + p.length <= heard.length; o++) {
            for (int k = 0; k < voiced.length; k++) diffs[k] = heard[o + voiced[k]] - p[voiced[k]];
            double gain = median(diffs);
            if (Math.abs(gain) > DIGIT_GAIN_DB) continue;
            double dev = 0;
            for (double x : diffs) dev += Math.abs(x - gain);
            dev /= diffs.length;
            if (dev < bestDev) {
                bestDev = dev;
                best = o;
            }
            if (best >= 0 && bestDev <= MATCH_DB / 2 && o > best + 5) break; // a clear match, and no closer one next to it
        }
        return bestDev <= MATCH_DB ? best : -1;
    }

    private Optional<Duration> find(double[] p, Path what, Duration from) {
        Match best = bestMatch(p, what, from);
        if (best.deviationDb() <= MATCH_DB) return Optional.of(best.at());
        return inPieces(p, (int) (from.toMillis() / 10))
                .map(at -> Duration.ofMillis(at * 10L));
    }

    /**
     * Where a prompt the caller cut short began (barge-in: their key or voice stopped it): only
     * its first {@code heardAtLeast} must be in the recording; what follows is not looked at.
     */
    public Optional<Duration> findCutShort(String language, String key, Duration from, Duration heardAtLeast) {
        double[] whole = envelope(Recording.samples(prompt(language, key)));
        double[] start = Arrays.copyOf(whole, (int) Math.min(whole.length, heardAtLeast.toMillis() / 10));
        Match best = bestMatch(start, prompt(language, key), from);
        return best.deviationDb() <= MATCH_DB ? Optional.of(best.at()) : Optional.empty();
    }

    /**
     * The prompt heard with hiccups: the sender (or the machine) stalled for a moment, so part of
     * the prompt comes a little later (up to {@value #MAX_GAP_FRAMES}0 ms per 200 ms piece) or a
     * little earlier (a catch-up). The first 400 ms fix the gain; then each piece is looked for
     * near where the previous one ended and must match closely ({@value #PIECE_DB} dB: the audio
     * path is digital, a true piece matches at about 0 dB, a chance one does not); at least 70 %
     * of the voiced pieces must be found, never more than three missing in a row (the pieces
     * a gap falls into). Returns where the first piece begins.
     */
    private Optional<Integer> inPieces(double[] p, int from) {
        int pieces = (p.length + PIECE - 1) / PIECE;
        for (int start = from; start + p.length <= heard.length; start++) {
            double gain = gainAt(p, start);
            if (Double.isNaN(gain) || deviation(p, 0, start, gain) > PIECE_DB || deviation(p, 1, start + PIECE, gain) > PIECE_DB) {
                continue;
            }
            if (chainHolds(p, pieces, start, gain)) return Optional.of(start);
        }
        return Optional.empty();
    }

    private boolean chainHolds(double[] p, int pieces, int start, double gain) {
        int at = start + 2 * PIECE, voiced = 0, missing = 0, inARow = 0;
        for (int k = 2; k < pieces; k++) {
            PieceFit fit = bestFit(p, k, at, gain);
            if (fit.deviation() == SILENT_PIECE) {
                at += PIECE;
                continue;
            }
            voiced++;
            if (fit.deviation() <= PIECE_DB) {
                at += fit.gap() + PIECE;
                inARow = 0;
            } else {
                missing++;
                if (++inARow > 3) return false;
                at += PIECE;
            }
        }
        return missing * 10 <= voiced * 3;
    }

    /** Where near {@code at} piece {@code k} fits best: its deviation (SILENT_PIECE: no voice) and the gap. */
    private PieceFit bestFit(double[] p, int k, int at, double gain) {
        double best = Double.MAX_VALUE;
        int bestGap = 0;
        for (int gap = MIN_GAP_FRAMES; gap <= MAX_GAP_FRAMES; gap++) {
            if (at + gap < 0 || at + gap + Math.min(PIECE, p.length - k * PIECE) > heard.length) continue;
            double d = deviation(p, k, at + gap, gain);
            if (d < best - 0.5 || (Math.abs(d - best) <= 0.5 && Math.abs(gap) < Math.abs(bestGap))) {
                best = d;
                bestGap = gap;
            }
        }
        return new PieceFit(best, bestGap);
    }

    private record PieceFit(double deviation, int gap) {}

    private static final int PIECE = 20;           // 200 ms
    private static final double PIECE_DB = 1.5;
    private static final double SILENT_PIECE = -1;
    private static final int MAX_GAP_FRAMES = 50;  // 500 ms: a stall of the sender (or of the machine)
    private static final int MIN_GAP_FRAMES = -10; // 100 ms: the sender catching up, or Asterisk dropping a burst

    /** The gain of the recording over the prompt's first two pieces placed at {@code at}. */
    private double gainAt(double[] p, int at) {
        double[] d = new double[2 * PIECE];
        int n = 0;
        for (int i = 0; i < Math.min(2 * PIECE, p.length); i++) if (p[i] > VOICED_DB) d[n++] = heard[at + i] - p[i];
        return n < 3 ? Double.NaN : median(java.util.Arrays.copyOf(d, n));
    }

    /** Mean deviation of piece {@code k} placed at {@code at} with the prompt's gain; SILENT_PIECE when it has no voice. */
    private double deviation(double[] p, int k, int at, double gain) {
        int end = Math.min(p.length, (k + 1) * PIECE);
        double dev = 0;
        int n = 0;
        for (int i = k * PIECE; i < end; i++) {
            if (p[i] > VOICED_DB) {
                dev += Math.abs(heard[at + i - k * PIECE] - p[i] - gain);
                n++;
            }
        }
        return n < 3 ? SILENT_PIECE : dev / n;
    }

    /** The closest the recording comes to the prompt: where, and the mean deviation of its loudness (dB). */
    record Match(Duration at, double deviationDb) {}

    Match bestMatch(String language, String key, Duration from) {
        return bestMatch(envelope(Recording.samples(prompt(language, key))), prompt(language, key), from);
    }

    private Match bestMatch(double[] p, Path file, Duration from) {
        int[] voiced = java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] > VOICED_DB).toArray();
        if (voiced.length < 10) throw new IllegalStateException(file + " is (nearly) silent");
        double best = Double.MAX_VALUE;
        int bestAt = -1;
        double[] diffs = new double[voiced.length];
        for (int o = (int) (from.toMillis() / 10); o + p.length <= heard.length; o++) {
            for (int k = 0; k < voiced.length; k++) diffs[k] = heard[o + voiced[k]] - p[voiced[k]];
            double gain = median(diffs);
            double dev = 0;
            for (double d : diffs) dev += Math.abs(d - gain);
            dev /= diffs.length;
            if (dev < best) {
                best = dev;
                bestAt = o;
            }
            if (dev < MATCH_DB / 2) break; // a clear match: the earliest is the one
        }
        return new Match(Duration.ofMillis(Math.max(0, bestAt) * 10L), best);
    }

    /**
     * Of prompts that open with the same words (the closing and its weekend and holiday wishes),
     * the one the recording follows furthest when placed within 500 ms of {@code at}, where
     * {@link #find} found one of them (a stall early in it can move that by as much): {@code find}
     * takes a prompt for the opening of a longer one, and a longer one for a shorter one that
     * differs in a few words. Each is walked 200 ms
     * piece by piece as {@link #inPieces} does (so a stall of the sender does not throw it off), and
     * the one with the largest share of its voiced pieces found is the closest; a prompt that runs
     * past the end of the recording loses the pieces it does not have.
     */
    public String closestAt(String language, Duration at, String... keys) {
        String closest = null;
        double best = -1;
        int centre = (int) (at.toMillis() / 10);
        for (String key : keys) {
            double[] p = envelope(Recording.samples(prompt(language, key)));
            int last = Math.min(centre + MAX_GAP_FRAMES, heard.length - 2 * PIECE);
            for (int o = Math.max(0, centre - MAX_GAP_FRAMES); o <= last; o++) {
                double share = shareFollowed(p, o);
                if (share > best) {
                    best = share;
                    closest = key;
                }
            }
        }
        if (closest == null) fail(file + ": the recording ends before " + at);
        return closest;
    }

    /** The share of the prompt's voiced pieces found, the prompt placed at frame {@code start}. */
    private double shareFollowed(double[] p, int start) {
        double gain = gainAt(p, start);
        if (Double.isNaN(gain)) return 0;
        int pieces = (p.length + PIECE - 1) / PIECE, at = start, voiced = 0, found = 0;
        for (int k = 0; k < pieces; k++) {
            PieceFit fit = bestFit(p, k, at, gain);
            if (fit.deviation() == SILENT_PIECE) {
                at += PIECE;
                continue;
            }
            voiced++;
            boolean fits = fit.deviation() <= PIECE_DB;
            if (fits) found++;
            at += (fits ? fit.gap() : 0) + PIECE;
        }
        return voiced == 0 ? 0 : (double) found / voiced;
    }

    /**
     * How many dB louder than its file the caller heard the prompt that begins at {@code at} (as
     * {@link #find} or {@link #assertInOrder} placed it): the median, over the voiced 10 ms of the
     * prompt's first second (a stall later in it does not move the figure), of the recording's
     * loudness minus the file's. Compare two prompts of one call, not one prompt with 0: the line
     * may have a gain of its own. VOLUME(TX)=2 on the caller's channel adds 6 dB.
     */
    public double gainDb(String language, String key, Duration at) {
        double[] p = envelope(Recording.samples(prompt(language, key)));
        int from = (int) (at.toMillis() / 10);
        double[] diffs = new double[p.length];
        int n = 0;
        for (int i = 0; i < Math.min(p.length, GAIN_FRAMES) && from + i < heard.length; i++) {
            if (p[i] > VOICED_DB) diffs[n++] = heard[from + i] - p[i];
        }
        if (n < 10) throw new IllegalStateException(file + ": " + prompt(language, key) + " is not in it at " + at);
        return median(Arrays.copyOf(diffs, n));
    }

    private static final int GAIN_FRAMES = 100;    // 1 s

    /** Asserts the robot heard these prompts of {@code language} in this order; returns where each began. */
    public List<Duration> assertInOrder(String language, String... keys) {
        List<Duration> at = new ArrayList<>();
        Duration from = Duration.ZERO;
        for (String key : keys) {
            Optional<Duration> found = find(language, key, from);
            if (found.isEmpty()) {
                Match closest = bestMatch(language, key, from);
                fail(file + ": the caller never heard " + prompt(language, key) + " after " + from
                        + " (closest: " + String.format(java.util.Locale.ROOT, "%.1f dB", closest.deviationDb())
                        + " off at " + closest.at() + "; found so far, of " + Arrays.toString(keys) + ": " + at + ")");
            }
            at.add(found.get());
            from = found.get().plusMillis(10);
        }
        return at;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[] envelope(short[] pcm) {
        double[] db = new double[pcm.length / WINDOW];
        for (int w = 0; w < db.length; w++) {
            double sum = 0;
            for (int i = w * WINDOW; i < (w + 1) * WINDOW; i++) sum += (double) pcm[i] * pcm[i];
            double rms = Math.sqrt(sum / WINDOW) / 32768.0;
            db[w] = Math.max(FLOOR_DB, 20 * Math.log10(Math.max(rms, 1e-9)));
        }
        return db;
    }
}
