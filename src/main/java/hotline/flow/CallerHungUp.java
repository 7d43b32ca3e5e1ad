package hotline.flow;

/** The caller went away. Thrown by any {@link Caller} step, caught once per call. */
public final class CallerHungUp extends RuntimeException {
    public CallerHungUp(String detail) {
        super(detail, null, false, false);
    }
}
