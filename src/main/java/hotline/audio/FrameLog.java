package hotline.audio;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The {@link FrameFeatures} of a stretch, kept in 8 bytes a frame instead of one record a frame
 * (about 70 bytes with its reference): a live call's heap is mostly this list
 * (docs/performance.md, the capacity ramp). Every measure is a 16-bit step: the level in
 * 0.01 dB over -100..0 dBFS (what {@link FrameAnalyser} measures; the classifier's thresholds
 * are whole dB), voicing, band share and flatness, all in 0..1, in steps of 1/65535 (far finer
 * than any threshold it compares against); the power is the level's, so it is not kept. Frames
 * are kept in chunks of {@link #CHUNK}, so a growing call wastes at most one chunk, never the
 * half of a doubled array. Reading a frame builds its record on the spot.
 */
final class FrameLog extends AbstractList<FrameFeatures> implements RandomAccess {

    static final int CHUNK = 256;                // 5 s of frames, 2 KB
    private static final double STEPS = 65535.0;
    private static final double DB_STEP = 0.01;
    private static final int MEASURES = 4;       // level, voicing, band share, flatness
    private char[][] chunks = new char[4][];
    private int size;

    @Override
    public boolean add(FrameFeatures f) {
        int chunk = size / CHUNK;
        if (chunk == chunks.length) chunks = Arrays.copyOf(chunks, chunk * 2);
        if (chunks[chunk] == null) chunks[chunk] = new char[CHUNK * MEASURES];
        char[] c = chunks[chunk];
        int at = (size % CHUNK) * MEASURES;
        c[at] = level(f.energyDb());
        c[at + 1] = share(f.voicing());
        c[at + 2] = share(f.bandRatio());
        c[at + 3] = share(f.flatness());
        size++;
        return true;
    }

    @Override
    public FrameFeatures get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        char[] c = chunks[index / CHUNK];
        int at = (index % CHUNK) * MEASURES;
        double db = FrameAnalyser.SILENT_DB + c[at] * DB_STEP;
        return new FrameFeatures(power(db), db, c[at + 1] / STEPS, c[at + 2] / STEPS, c[at + 3] / STEPS);
    }

    @Override
    public int size() {
        return size;
    }

    private static char level(double db) {
        if (!(db > FrameAnalyser.SILENT_DB)) return 0;  // digital zero, and NaN
        return (char) Math.round(Math.min(-FrameAnalyser.SILENT_DB, db - FrameAnalyser.SILENT_DB) / DB_STEP);
    }

    private static char share(double fraction) {
        return (char) Math.round(Math.clamp(fraction, 0.0, 1.0) * STEPS);
    }

    /** The mean power of a frame of this level, as {@link FrameAnalyser} measured it (digital zero: 1e-10). */
    private static double power(double db) {
        return db <= FrameAnalyser.SILENT_DB ? 1e-10 : Math.pow(10, db / 10);
    }
}
