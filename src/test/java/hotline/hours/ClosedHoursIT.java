package hotline.hours;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.audio.PromptAudio;
import hotline.config.ConfigLoader;
import hotline.config.Store;
import hotline.hours.DialplanHours;
import hotline.lab.HeardPrompts;
import hotline.lab.HotlineCallEndedEvent;
import hotline.lab.Lab;
import hotline.lab.LabCalls;
import hotline.lab.Recording;
import hotline.lab.ServerProcess;
import hotline.store.CallbackFilter;
import hotline.store.CallbackStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 12 items 1 and 8 on the lab's Asterisk: the real server process with opening hours under
 * which today is a holiday (built from the lab's own date, so the test passes at any time of day),
 * a closed call in both variants of {@code hours.when-closed}.
 */
@Isolated("rewrites the lab's installed dialplan and reloads it")
class ClosedHoursIT extends LabCalls {

    private static final int PORT = 4611;
    private static final Map<String, String> VIA = Map.of("HOTLINE_AGI", "agi://127.0.0.1:" + PORT + "/hotline");
    private static final Duration TOLERANCE = Duration.ofMillis(300);
    private static final String KOREAN = "8005550103";
    /** A port nothing listens on: the server is down. */
    private static final Map<String, String> DOWN = Map.of("HOTLINE_AGI", "agi://127.0.0.1:4607/hotline");

    /**
     * Open all day every day, but today and tomorrow (UTC, the server's clock) are holidays: a call
     * that crosses midnight is still on one; the next opening is the day after tomorrow at 00:00 UTC.
     */
    private static Path config(Path dir, String whenClosed) throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String allDay = "[\"00:00-24:00\"]";
        String hours = """
                hours:
                  time-zone: UTC
                  weekly: {monday: %1$s, tuesday: %1$s, wednesday: %1$s, thursday: %1$s, friday: %1$s, saturday: %1$s, sunday: %1$s}
                  holidays: {"%2$s..%3$s": lab holiday}
                  when-closed: %4$s
                """.formatted(allDay, today, today.plusDays(1), whenClosed);
        return Files.writeString(dir.resolve("hotline.yaml"),
                ServerProcess.labConfig(PORT, dir, "  greeting: greeting\n") + hours);
    }

    @Test
    void onAHolidayTheCallerHearsTheHoursThenLeavesANumberStoredAsAClosedCallbackForAfterTheOpening() throws Exception {
        Path dir = Files.createTempDirectory("hotline-closed-callback");
        Instant nextOpening = LocalDate.now(ZoneOffset.UTC).plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        String journal;
        String robot;
        try (ServerProcess server = ServerProcess.serve(config(dir, "callback"), dir.resolve("server.log"))) {
            robot = lab.call("robot-waits-for-callback", VIA); // presses 1 every second after 11 s of talk
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(90));

            assertThat(end.getOutcome()).isEqualTo("callback-booked:closed");
            journal = journalFor(dir, end.getChannel());
        }
        Lab.assertStepsInOrder(journal, "answer", "closed-now", "closed-hours", "closed-callback-offer",
                "callback-use-caller-id", "say-digits", "callback-confirm-caller-id", "callback-confirmed-closed",
                "pause", "hangup");
        assertThat(Lab.steps(journal)).doesNotContain("greeting", "connecting", "queue");
        HeardPrompts.by(robot).assertInOrder("en", "closed-now", "closed-hours", "closed-callback-offer",
                "callback-use-caller-id", "callback-confirmed-closed");
        try (CallbackStore store = CallbackStore.open(Store.at("jdbc:sqlite:" + dir.resolve("hotline.db")), Clock.systemUTC())) {
            assertThat(store.list(CallbackFilter.all())).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo("closed");
                assertThat(r.number().digits()).isEqualTo("5550100");
                assertThat(r.queue()).isEqualTo(hotline.store.CallbackQueue.of("hotline"));
                // store.promise.closed (2h) counted from the next opening (plus the call's own length)
                assertThat(r.promisedBy()).isBetween(nextOpening.plus(Duration.ofHours(2)),
                        nextOpening.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(2)));
            });
        }
    }

    @Test
    void withWhenClosedGoodbyeTheCallerHearsTheHoursAGoodbyeFiveSecondsOfSilenceThenTheHangUp() throws Exception {
        Path dir = Files.createTempDirectory("hotline-closed-goodbye");
        String journal;
        String robot;
        try (ServerProcess server = ServerProcess.serve(config(dir, "goodbye"), dir.resolve("server.log"))) {
            robot = lab.call("robot-silent", VIA);
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(60));

            assertThat(end.getOutcome()).isEqualTo("closed-goodbye");
            journal = journalFor(dir, end.getChannel());
        }
        assertThat(Lab.steps(journal)).isEqualTo(
                List.of("answer", "language", "closed-now", "closed-hours", "closed-goodbye", "pause", "hangup"));

        // measured from the caller's side: the prompts in order, then 5 s of silence before the hang-up
        List<Duration> at = HeardPrompts.by(robot).assertInOrder("en", "closed-now", "closed-hours", "closed-goodbye");
        Recording heard = Recording.of(Recording.heardBy(robot), -60, Duration.ofMillis(400));
        Duration goodbyeEnds = at.get(2).plus(length("closed-goodbye"));
        Duration afterGoodbye = heard.length().minus(goodbyeEnds);
        System.out.printf("closed, goodbye: the hang-up came %d ms after the goodbye ended%n", afterGoodbye.toMillis());
        assertThat(afterGoodbye).isBetween(Duration.ofSeconds(5).minus(TOLERANCE), Duration.ofSeconds(5).plus(TOLERANCE));
        assertThat(heard.spans()).as("nothing is heard after the goodbye")
                .allSatisfy(span -> assertThat(span.from()).isLessThan(goodbyeEnds.plusMillis(50)));
    }

    /**
     * §8.1 with the server down on that holiday: the dialplan's own fallback asks [hotline-hours]
     * (generated from the same config, installed into the lab's running dialplan for this test
     * only) and says "we are closed, our hours are ..., goodbye" in the dialled number's language,
     * not "the line is being adjusted", then 5 s and the hang-up.
     */
    @Test
    void withTheServerDownOnAHolidayTheDialplanSaysWeAreClosedInTheCallersLanguageThenFiveSecondsAndTheHangUp()
            throws Exception {
        Path dir = Files.createTempDirectory("hotline-closed-fallback");
        var hours = ConfigLoader.load(config(dir, "goodbye")).hours().model();
        Path installed = Lab.root().resolve("etc/hotline-lab/extensions.conf");
        String shipped = Files.readString(installed);
        String robot;
        try {
            Files.writeString(installed, withHours(shipped, DialplanHours.context(hours, "ClosedHoursIT")));
            Lab.cli("dialplan reload");
            awaitHoursContextWith("LOCAL_DAY"); // the generated context asks the date; the shipped one does not
            // AGI() fails and the dialplan falls back on its own
            robot = lab.call("robot-silent", KOREAN, DOWN);
            HotlineCallEndedEvent end = lab.awaitEnd(robot, Duration.ofSeconds(60));
            assertThat(end.getOutcome()).isEqualTo("fallback:agi-failed");
        } finally {
            Files.writeString(installed, shipped);
            Lab.cli("dialplan reload");
        }
        var heard = HeardPrompts.by(robot);
        List<Duration> at = heard.assertInOrder("ko", "closed-now", "closed-hours", "closed-goodbye");
        assertThat(heard.find("ko", "line-adjusting", Duration.ZERO)).as("nothing is being adjusted").isEmpty();
        Duration afterGoodbye = Recording.hangUpAfter(robot, "ko", at.get(2), "closed-goodbye");
        System.out.printf("closed, server down: the hang-up came %d ms after the Korean goodbye ended%n",
                afterGoodbye.toMillis());
        assertThat(afterGoodbye).isBetween(Duration.ofSeconds(5).minus(TOLERANCE), Duration.ofSeconds(5).plus(TOLERANCE));
    }

    private static void awaitHoursContextWith(String text) {
        for (int i = 0; i < 50 && !Lab.cli("dialplan show s@" + DialplanHours.CONTEXT).contains(text); i++) Lab.pause(100);
        assertThat(Lab.cli("dialplan show s@" + DialplanHours.CONTEXT)).as("the lab's [hotline-hours] after the reload")
                .contains(text);
    }

    /** The dialplan with its [hotline-hours] context (up to the next section comment) replaced by {@code context}. */
    private static String withHours(String dialplan, List<String> context) {
        int from = dialplan.indexOf("\n[" + DialplanHours.CONTEXT + "]") + 1; // the section, not a comment naming it
        int to = dialplan.indexOf("\n; ----", from);
        assertThat(from).as("the lab's dialplan has [hotline-hours]").isGreaterThan(1);
        assertThat(to).isGreaterThan(from);
        return dialplan.substring(0, from) + String.join("\n", context) + "\n" + dialplan.substring(to);
    }

    /** The call's journal line in the server process's journal, waiting a moment: the AMI event can overtake it. */
    private static String journalFor(Path dir, String channel) throws IOException, InterruptedException {
        Path file = dir.resolve("journal.jsonl");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                var line = Files.readAllLines(file).stream().filter(l -> l.contains("\"channel\":\"" + channel + "\"")).findFirst();
                if (line.isPresent()) return line.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no journal line for " + channel + " in " + file);
    }

    private static Duration length(String key) {
        return PromptAudio.read(HeardPrompts.prompt("en", key)).length();
    }
}
