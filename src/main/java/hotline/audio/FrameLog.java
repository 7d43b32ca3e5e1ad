package hotline.audio;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The {@link FrameFeatures} of a stretch, kept as five floats a frame (20 bytes) instead of
 * one record a frame (about 70 bytes with its reference): a live call's heap is mostly this
 * list (docs/performance.md, the capacity ramp). Float keeps 7 digits, far finer than any
 * threshold the classifier compares against. Reading a frame builds its record on the spot.
 */
final class FrameLog extends AbstractList<FrameFeatures> implements RandomAccess {

    private static final int FIELDS = 5;
    private float[] values = new float[64 * FIELDS];
    private int size;

    @Override
    public boolean add(FrameFeatures f) {
        if ((size + 1) * FIELDS > values.length) values = Arrays.copyOf(values, values.length * 2);
        int at = size * FIELDS;
        values[at] = (float) f.power();
        values[at + 1] = (float) f.energyDb();
        values[at + 2] = (float) f.voicing();
        values[at + 3] = (float) f.bandRatio();
        values[at + 4] = (float) f.flatness();
        size++;
        return true;
    }

    @Override
    public FrameFeatures get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        int at = index * FIELDS;
        return new FrameFeatures(values[at], values[at + 1], values[at + 2], values[at + 3], values[at + 4]);
    }

    @Override
    public int size() {
        return size;
    }
}
