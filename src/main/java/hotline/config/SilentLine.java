package hotline.config;

import java.time.Duration;

/**
 * The end of the silent-line script (call-scripts.md §2.3-§2.4).
 *
 * @param goodbye            "your phone has no sound ... thank you, goodbye"
 * @param pauseBeforeHangup  §2.4: 5 s; never hang up directly. 1s..30s
 */
public record SilentLine(String goodbye, Duration pauseBeforeHangup) {

    public static final String DEFAULT_GOODBYE = "no-sound-goodbye";
    public static final Duration DEFAULT_PAUSE = Duration.ofSeconds(5);

    public SilentLine {
        goodbye = goodbye == null ? DEFAULT_GOODBYE : goodbye;
        pauseBeforeHangup = pauseBeforeHangup == null ? DEFAULT_PAUSE : pauseBeforeHangup;
        var check = new Check();
        check.promptKey("goodbye", goodbye);
        check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.done();
    }

    static SilentLine defaults() {
        return new SilentLine(null, null);
    }
}
