package hotline.audio;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The {@link FrameFeatures} of a stretch, kept in 10 bytes a frame instead of one record a
 * frame (about 70 bytes with its reference): a live call's heap is mostly this list and the
 * Ear's sorted levels (docs/performance.md, the capacity ramp). The level is a float (7
 * digits); voicing, band share and flatness, all in 0..1, are 16-bit fractions (steps of
 * 1/65535, far finer than any threshold the classifier compares against); the power is the
 * level's, so it is not kept. Reading a frame builds its record on the spot.
 */
final class FrameLog extends AbstractList<FrameFeatures> implements RandomAccess {

    private static final double STEPS = 65535.0;
    private static final int SHARES = 3;
    private float[] levels = new float[64];
    private char[] shares = new char[64 * SHARES];
    private int size;

    @Override
    public boolean add(FrameFeatures f) {
        if (size == levels.length) {
            levels = Arrays.copyOf(levels, size * 2);
            shares = Arrays.copyOf(shares, size * 2 * SHARES);
        }
        levels[size] = (float) f.energyDb();
        int at = size * SHARES;
        shares[at] = share(f.voicing());
        shares[at + 1] = share(f.bandRatio());
        shares[at + 2] = share(f.flatness());
        size++;
        return true;
    }

    @Override
    public FrameFeatures get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        double db = levels[index];
        int at = index * SHARES;
        return new FrameFeatures(power(db), db, shares[at] / STEPS, shares[at + 1] / STEPS, shares[at + 2] / STEPS);
    }

    @Override
    public int size() {
        return size;
    }

    private static char share(double fraction) {
        return (char) Math.round(Math.clamp(fraction, 0.0, 1.0) * STEPS);
    }

    /** The mean power of a frame of this level, as {@link FrameAnalyser} measured it (digital zero: 1e-10). */
    private static double power(double db) {
        return db <= FrameAnalyser.SILENT_DB ? 1e-10 : Math.pow(10, db / 10);
    }
}
