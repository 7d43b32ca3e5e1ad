package hotline.store;

/** How one callback call ended, as the dialler reports it to {@link CallbackStore#recordAttempt}. */
public sealed interface AttemptResult {

    /** The stable code kept as the callback's last result. */
    String code();

    /** Asterisk never said how the attempt went (a late or lost OriginateResponse): back in line, counted. */
    String NO_RESPONSE = "no-response";
    /** The dialler stopped or died with the attempt open (SIGTERM past ring-for, SIGKILL). */
    String INTERRUPTED = "interrupted";

    /** The caller answered: the callback is DONE. */
    record Reached() implements AttemptResult {
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

    static AttemptResult notReached(String why) {
        return new NotReached(why);
    }
}
