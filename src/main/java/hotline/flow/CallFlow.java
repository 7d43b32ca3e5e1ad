package hotline.flow;

/**
 * A call script: what one call does, from the answer to its outcome. A flow is built per call
 * from that call's script snapshot ({@link Routes}); it may throw {@link CallerHungUp}, which
 * the adapter turns into {@code caller-hung-up:<step>}.
 */
@FunctionalInterface
public interface CallFlow {

    Outcome run(Caller caller, CallFacts facts);
}
