package hotline.config;

import java.time.Duration;
import java.util.List;

/**
 * Listening for the caller's voice after the greeting, re-prompting while the line is
 * silent (call-scripts.md §2: "Hello? I can't hear you").
 *
 * @param reprompts   played in turn after each silent window; the silence is confirmed
 *                    once per listening window (§2: twice in all, so one re-prompt)
 * @param listenFor   each window, §2 says 5 s. Whole seconds, 1..60 (Asterisk's
 *                    WaitForNoise counts its timeout in seconds)
 * @param voiceNeeded how much continuous sound counts as the caller speaking, 50ms..5s
 *                    ({@code energy} detector only; the audio detector has line-quality.confirm-voice-after)
 * @param detector    {@code audio}: the caller's audio is classified (silence, quiet, speech,
 *                    noise; docs/line-quality.md); {@code energy}: Asterisk's WaitForNoise
 *                    only tells sound from silence
 */
public record Listening(List<String> reprompts, Duration listenFor, Duration voiceNeeded, String detector) {

    public Listening {
        reprompts = reprompts == null ? List.of("cant-hear-you") : List.copyOf(reprompts);
        listenFor = listenFor == null ? Duration.ofSeconds(5) : listenFor;
        voiceNeeded = voiceNeeded == null ? Duration.ofMillis(300) : voiceNeeded;
        detector = detector == null ? "audio" : detector;
        var check = new Check();
        check.that("detector", detector.equals("audio") || detector.equals("energy"),
                Check.quote(detector) + " is neither audio nor energy");
        check.promptKeys("reprompts", reprompts);
        check.wholeSecondsBetween("listen-for", listenFor, 1, 60);
        check.between("voice-needed", voiceNeeded, Duration.ofMillis(50), Duration.ofSeconds(5));
        check.done();
    }

    public boolean listensToAudio() {
        return detector.equals("audio");
    }

    static Listening defaults() {
        return new Listening(null, null, null, null);
    }
}
