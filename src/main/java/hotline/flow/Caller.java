package hotline.flow;

import java.time.Duration;

/**
 * What a call script can do to the person on the line. The only port between the
 * flows and the telephony adapter; every method may throw {@link CallerHungUp}.
 */
public interface Caller {

    void answer();

    /** Plays a prompt by its catalogue key, to the end. */
    void play(String promptKey);

    /** Listens for the caller's voice for at most {@code atMost}; see {@link Heard}. */
    Heard listen(Duration atMost, Duration voiceNeeded);

    /** Keeps the line open without playing anything. */
    void pause(Duration length);

    /** Puts the caller in an Asterisk queue with music on hold until it ends. */
    QueueEnd enqueue(String queue, Duration maxWait);

    void hangUp();
}
