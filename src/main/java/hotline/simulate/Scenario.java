package hotline.simulate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a simulated caller does, as a scenario file describes it (docs/call-flows/scenarios/*.yaml,
 * read by {@link ScenarioFile}). Times are counted from the start of the call (the answer).
 *
 * @param name      the file's name without {@code .yaml}
 * @param about     one line for people
 * @param script    the script path the dialplan calls ({@code hotline}: the inbound flow); routed like a real call
 * @param dialled   the dialled number (DID), so the caller's first language; {@code s} when not set
 * @param callerId  the caller ID digits; empty when withheld
 * @param sounds    what the caller's line sounds like from when on; nothing: a silent line
 * @param presses   the keys the caller presses, each once, at a step or a time
 * @param types     the numbers the caller keys in when asked for digits, one per ask
 * @param hangsUp   when the caller hangs up; empty: never (the flow ends the call)
 * @param speaksFor how long the caller speaks when recorded (name, statement), then presses #
 * @param queues    per queue: members logged in and when one answers
 * @param agentPresses feature keys the answering agent presses: accepted and kept for the coming
 *                  agent scripts (issue 11); no flow reads them yet
 * @param expect    what the scenario must end in (the tests check it)
 * @param when      when the call starts and under which opening hours
 */
public record Scenario(String name, String about, String script, String dialled, String callerId,
                       List<Sound> sounds, List<Press> presses, List<String> types, Optional<Moment> hangsUp,
                       Duration speaksFor, Map<String, QueuePlan> queues, List<Press> agentPresses,
                       Optional<Expect> expect, When when) {

    public Scenario {
        sounds = List.copyOf(sounds);
        presses = List.copyOf(presses);
        types = List.copyOf(types);
        queues = Map.copyOf(queues);
        agentPresses = List.copyOf(agentPresses);
        when = when == null ? When.ANY : when;
    }

    /** At the simulator's fixed start, under the config's hours. */
    public Scenario(String name, String about, String script, String dialled, String callerId,
                    List<Sound> sounds, List<Press> presses, List<String> types, Optional<Moment> hangsUp,
                    Duration speaksFor, Map<String, QueuePlan> queues, List<Press> agentPresses,
                    Optional<Expect> expect) {
        this(name, about, script, dialled, callerId, sounds, presses, types, hangsUp, speaksFor, queues, agentPresses,
                expect, null);
    }

    /**
     * When the call starts ({@code starts-at}; empty: {@link Simulator#START}) and the opening hours
     * it is under ({@code hours:}, the keys of hotline.yaml's; empty: the config's).
     */
    public record When(Optional<java.time.Instant> startsAt, Optional<hotline.config.Hours> hours) {
        static final When ANY = new When(Optional.empty(), Optional.empty());
    }

    /**
     * How the line sounds from {@code from} on, for {@code lasting} (empty: to the end of the call);
     * a later sound covers an earlier one while it lasts.
     */
    public record Sound(Duration from, Kind kind, Optional<Duration> lasting) {

        /** {@code speaks-at}: one utterance ("hello? yes, I'm calling about ...") this long. */
        static final Duration UTTERANCE = Duration.ofSeconds(2);

        boolean covers(Duration t) {
            return from.compareTo(t) <= 0 && lasting.map(l -> t.compareTo(from.plus(l)) < 0).orElse(true);
        }
    }

    /** What the caller's audio is: the four verdicts the listening tells apart. */
    public enum Kind { SILENCE, QUIET, SPEECH, NOISE }

    /**
     * A moment of the call: a time from the answer, or {@code after} into the first step of that
     * name still to come (a prompt key, {@code listen}, {@code pause}, {@code queue}, ...; the
     * journal's step names). A step shorter than {@code after} has it at its end.
     */
    public record Moment(Optional<Duration> time, String step, Duration after) {

        static final Duration INTO_A_STEP = Duration.ofSeconds(1);

        public static Moment at(Duration time) {
            return new Moment(Optional.of(time), "", Duration.ZERO);
        }

        public static Moment during(String step, Duration after) {
            return new Moment(Optional.empty(), step, after);
        }

        @Override
        public String toString() {
            return time.map(t -> t.toMillis() + " ms").orElse(step + " +" + after.toMillis() + " ms");
        }
    }

    /** A key pressed once at a moment. */
    public record Press(Moment when, char key) {}

    /**
     * A queue as the scenario sees it.
     *
     * @param loggedIn     members logged in ({@code QUEUE_MEMBER(queue,logged)})
     * @param answersAfter a member answers this long after the caller first joined the queue; empty: nobody
     * @param agent        the answering member's channel
     * @param talksFor     how long the agent and the caller talk before the bridge ends
     */
    public record QueuePlan(int loggedIn, Optional<Duration> answersAfter, String agent, Duration talksFor) {

        static final QueuePlan NOBODY_ANSWERS = new QueuePlan(1, Optional.empty(), "PJSIP/agent-1", Duration.ofMinutes(2));
    }

    /**
     * What the scenario must end in.
     *
     * @param outcome the outcome code ({@code HOTLINE_OUTCOME})
     * @param steps   the journal's step names in order; empty: not checked
     */
    public record Expect(String outcome, List<String> steps) {
        public Expect {
            steps = List.copyOf(steps);
        }
    }
}
