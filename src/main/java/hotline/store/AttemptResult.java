package hotline.store;

import java.time.Duration;

/** How one callback call ended, as the dialler reports it to {@link CallbackStore#recordAttempt}. */
public sealed interface AttemptResult {

    /** The stable code kept as the callback's last result. */
    String code();

    /** Asterisk never said how the attempt went (a late or lost OriginateResponse): back in line, counted. */
    String NO_RESPONSE = "no-response";
    /** The dialler stopped or died with the attempt open (SIGTERM past ring-for, SIGKILL). */
    String INTERRUPTED = "interrupted";

    /** The longest an answered callee may hold its agent before entering the queue. */
    Duration LONGEST_HOLD = Duration.ofMinutes(10);

    /**
     * The caller answered: the callback is DONE. The callee first hears the intro, and for up to
     * {@code holdsAgentFor} (or until {@link CallbackStore#endHolding}) still holds the ready agent it
     * was placed for, on every node sharing the store; {@link Duration#ZERO}: holds nothing.
     */
    record Reached(Duration holdsAgentFor) implements AttemptResult {
        public Reached {
            if (holdsAgentFor.isNegative() || holdsAgentFor.compareTo(LONGEST_HOLD) > 0) {
                throw new IllegalArgumentException("holds-agent-for: " + holdsAgentFor + " is not within 0.." + LONGEST_HOLD);
            }
        }

        /** Reached, holding no agent (ops, tests). */
        public Reached() {
            this(Duration.ZERO);
        }

        public String code() { return "reached"; }
    }

    /**
     * Nobody answered; the callback goes back in line (keeping its place) until the
     * configured max-attempts, then it is FAILED.
     *
     * @param why a code such as {@code no-answer}, {@code busy}, {@code congestion}, {@code chanunavail}
     */
    record NotReached(String why) implements AttemptResult {
        public NotReached {
            Fields.code("why", why);
        }

        public String code() { return why; }
    }

    static AttemptResult reached() {
        return new Reached();
    }

    /** Reached; the callee holds its agent for up to {@code holdsAgentFor} while it hears the intro. */
    static AttemptResult reachedHolding(Duration holdsAgentFor) {
        return new Reached(holdsAgentFor);
    }

    static AttemptResult notReached(String why) {
        return new NotReached(why);
    }
}
