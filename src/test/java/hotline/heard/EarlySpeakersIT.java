package hotline.heard;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.HotlineConfig;
import hotline.lab.AgiTrace;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.LabHotline;
import hotline.lab.Recording;
import hotline.lab.RobotVoice;
import hotline.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * "Heard from the first second" on the lab's Asterisk, with robots that behave like
 * phones ([robot-phone]: line hiss all the time, words when people say them, what they
 * hear recorded). Every early speaker reaches the agents' queue; barge-in latency and the
 * time to "connecting you" are measured on the robots' own recordings; so are the
 * silent line's pauses. All robots of a test call at once (each its own channel).
 */
@Isolated("12 recorded callers at once, barge-in timed to 300 ms")
class EarlySpeakersIT extends LabCalls {

    private static final int PORT = 4591;
    private static final Duration CALL = Duration.ofSeconds(60);
    private static LabHotline hotline;

    @BeforeAll
    static void startTheHotline() {
        HotlineConfig shipped = ConfigLoader.load(Path.of("config/hotline.yaml"));
        hotline = new LabHotline(shipped, PORT, TestStores.sqliteBook());
    }

    @AfterAll
    static void stopTheHotline() {
        hotline.close();
    }

    /** One robot: what it says and when; it hangs up once its sound is over. */
    private record Robot(String name, RobotVoice voice, String keys) {}

    private record Placed(Robot robot, String robotId) {}

    private List<Placed> placeAll(List<Robot> robots) {
        List<Placed> placed = new ArrayList<>();
        for (Robot r : robots) {
            String audio = r.voice().writeFor(r.name() + "-" + UUID.randomUUID().toString().substring(0, 8));
            var vars = new java.util.HashMap<>(hotline.via());
            vars.put("ROBOT_AUDIO", audio);
            vars.put("ROBOT_THEN", r.keys().isEmpty() ? "hangup" : "hiss");
            if (!r.keys().isEmpty()) vars.put("ROBOT_KEYS", r.keys());
            placed.add(new Placed(r, lab.call("robot-phone", "s", vars)));
        }
        return placed;
    }

    @Test
    void everyCallerWhoSpeaksEarlyReachesTheQueueAndOurPromptFallsSilentWithinThreeHundredMilliseconds() {
        String[] voices = {"speech/talk-0", "speech/phone-talk-1", "speech/talk-2", "speech/phone-talk-3",
                "speech/talk-5", "speech/phone-talk-6", "speech/talk-8", "speech/phone-talk-4", "speech/talk-9",
                "speech/phone-talk-8", "speech/talk-3"};
        double[] at = {0.5, 1.5, 3.0, 0.8, 2.2, 1.1, 3.6, 2.7, 4.1, 6.0, 1.9}; // the last two: over the options line
        List<Robot> robots = new ArrayList<>();
        for (int i = 0; i < voices.length; i++) {
            robots.add(new Robot("speaks-at-" + at[i], new RobotVoice(i).lineFor(at[i]).says(voices[i]).lineFor(9), ""));
        }
        robots.add(new Robot("one-hello", new RobotVoice(99).lineFor(1.2).saysBriefly("speech/talk-7", 0.6).lineFor(12), ""));

        List<Placed> placed = placeAll(robots);
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<Long> bargeIns = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (Placed p : placed) {
            HotlineCallEndedEvent end = lab.awaitEnd(p.robotId(), CALL);
            AgiTrace trace = AgiTrace.of(Lab.fullLog(), end.getChannel());
            if (trace.indexOfCommand("EXEC \"Queue\" \"hotline", 0) < 0) failures.put(p.robot().name(), trace.commands().toString());
            Recording heard = Recording.of(Recording.heardBy(p.robotId()), -45, Duration.ofMillis(150));
            Recording said = Recording.of(Recording.saidBy(p.robotId()), -40, Duration.ofMillis(150));
            Duration voiceOnset = said.spans().getFirst().from();
            // the prompt sounding at the voice's onset, or resuming just after it (the voice began
            // between two words); none of them: the prompt was already silent
            Recording.Span prompt = heard.spans().stream().filter(s -> s.to().compareTo(voiceOnset) > 0).findFirst()
                    .orElseThrow();
            boolean playing = prompt.from().compareTo(voiceOnset.plusMillis(150)) <= 0;
            Duration silentAfter = playing ? prompt.to().minus(voiceOnset) : Duration.ZERO;
            Duration connecting = (playing ? heard.firstFrom(prompt.to().plusMillis(1)) : prompt).from();
            bargeIns.add(silentAfter.toMillis());
            report.add(String.format(Locale.ROOT, "%-18s voice at %5d ms, prompt silent %4d ms later, \"connecting\" heard at %5d ms",
                    p.robot().name(), voiceOnset.toMillis(), silentAfter.toMillis(), connecting.toMillis()));
        }
        System.out.println("EarlySpeakersIT barge-in, from the robots' recordings:\n  " + String.join("\n  ", report));
        System.out.println("EarlySpeakersIT barge-in latency (voice onset -> our silence) ms: " + stats(bargeIns));

        assertThat(failures).as("robots that never reached the queue").isEmpty();
        assertThat(bargeIns).hasSizeGreaterThanOrEqualTo(10).allSatisfy(ms -> assertThat(ms).isBetween(0L, 300L));
    }

    @Test
    void silentQuietNoisyLateAndKeyCallersGetTheHandbooksAnswerFromTheirFirstSecond() {
        List<Robot> robots = List.of(
                new Robot("silent-hiss", new RobotVoice(1).line(-56).lineFor(40), ""),
                new Robot("digital-silence", new RobotVoice(2).line(Double.NEGATIVE_INFINITY).lineFor(40), ""),
                new Robot("quiet-from-start", new RobotVoice(3).lineFor(0.4).says("quiet/phone-quiet-4")
                        .says("quiet/quiet-2").says("quiet/phone-quiet-1").says("quiet/quiet-5").lineFor(30), ""),
                new Robot("noisy-from-start", new RobotVoice(4).says("noise/loud-noise-talk-1")
                        .says("noise/loud-noise-talk-3").says("noise/loud-noise-talk-5").says("noise/loud-noise-talk-1")
                        .says("noise/loud-noise-talk-3").lineFor(20), ""),
                new Robot("after-the-menu", new RobotVoice(5).lineFor(9.5).says("speech/talk-6").lineFor(8), ""),
                new Robot("hangs-up-in-greeting", new RobotVoice(6).lineFor(2.0), ""),
                new Robot("key-mid-greeting", new RobotVoice(7).lineFor(1.8), "4"));

        List<Placed> placed = placeAll(robots);
        Map<String, String> outcomes = new java.util.LinkedHashMap<>();
        Map<String, String> ids = new java.util.HashMap<>();
        for (Placed p : placed) {
            HotlineCallEndedEvent end = lab.awaitEnd(p.robotId(), Duration.ofSeconds(90));
            outcomes.put(p.robot().name(), end.getOutcome());
            ids.put(p.robot().name(), p.robotId());
            if (p.robot().name().equals("key-mid-greeting")) {
                assertThat(hotline.journalFor(end.getChannel())).contains("\"language\":\"ko\"");
            }
        }
        System.out.println("EarlySpeakersIT outcomes: " + outcomes);

        assertThat(outcomes).containsEntry("silent-hiss", "silent-line-goodbye")
                .containsEntry("digital-silence", "silent-line-goodbye")
                .containsEntry("quiet-from-start", "quiet-line-goodbye")
                .containsEntry("noisy-from-start", "noisy-line-goodbye")
                .containsEntry("hangs-up-in-greeting", "caller-hung-up:greeting");
        assertThat(outcomes.get("after-the-menu")).isEqualTo("queued:hotline");  // hung up while waiting
        for (String silent : List.of("silent-hiss", "digital-silence")) {
            List<Long> pauses = silentLinePauses(Recording.of(Recording.heardBy(ids.get(silent)), -45, Duration.ofMillis(400)));
            System.out.println("EarlySpeakersIT " + silent + " pauses as heard (ms): " + pauses);
            assertThat(pauses).hasSize(3).allSatisfy(ms -> assertThat(ms).isBetween(4800L, 5400L));
        }
    }

    /**
     * greeting, options line, [5 s], "I can't hear you", [5 s], goodbye, [5 s], hang-up:
     * the pauses of 3 s or more between what was heard, and the last up to the recording's end
     * (a prompt's own pauses between its sentences are shorter).
     */
    private static List<Long> silentLinePauses(Recording heard) {
        var spans = heard.spans();
        assertThat(spans).as("what the silent caller heard: " + spans).hasSizeGreaterThanOrEqualTo(4);
        List<Long> pauses = new ArrayList<>();
        for (int i = 1; i < spans.size(); i++) {
            long gap = spans.get(i).from().minus(spans.get(i - 1).to()).toMillis();
            if (gap >= 3000) pauses.add(gap);
        }
        pauses.add(heard.length().minus(spans.getLast().to()).toMillis());
        return pauses;
    }

    private static String stats(List<Long> ms) {
        var sorted = ms.stream().sorted().toList();
        return String.format(Locale.ROOT, "n=%d min=%d median=%d max=%d all=%s", sorted.size(), sorted.getFirst(),
                sorted.get(sorted.size() / 2), sorted.getLast(), sorted.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")));
    }
}
