package hotline.config;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import java.time.Duration;

/**
 * Line-quality triage from the caller's own audio (call-scripts.md §2-§3): where the
 * AudioSocket listener runs, how long it listens, and the thresholds that tell a silent
 * line, a quiet voice, a noisy line and normal speech apart. Every key, its default and
 * its range: docs/line-quality.md.
 *
 * @param bindAddress    where the AudioSocket listener binds; Asterisk connects to it, so
 *                       it must be an address Asterisk reaches (not 0.0.0.0), default 127.0.0.1
 * @param port           AudioSocket port, 1..65535, default 4574
 * @param window         how long one listen lasts at most, 1s..30s, default 5s (§2)
 * @param confirmVoiceAfter voiced audio, clear of the noise, that confirms a voice before
 *                       the window ends (the verdict is then given at once), 100ms..5s and
 *                       at most the window, default 300ms
 * @param voiceOverNoise dB the voiced frames must stand above the line's noise floor; a
 *                       voice closer to the noise than this is noise, 3..40, default 15
 * @param quietBelow     dBFS: a voice whose voiced frames average under this is too quiet
 *                       (hands-free, far from the phone), -60..-10, default -28
 * @param silenceBelow   dBFS: a line with no voice whose loud frames (90th percentile)
 *                       stay under this is silent (hiss), otherwise noisy, -90..-20, default -42
 * @param asteriskHosts  addresses (IP literals) of the Asterisks allowed to connect besides
 *                       loopback; any other peer is refused, default none
 */
public record LineQuality(String bindAddress, Integer port, Duration window, Duration confirmVoiceAfter,
        Double voiceOverNoise, Double quietBelow, Double silenceBelow, List<String> asteriskHosts) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 4574;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONFIRM_VOICE_AFTER = Duration.ofMillis(300);
    public static final double DEFAULT_VOICE_OVER_NOISE = 15.0;
    public static final double DEFAULT_QUIET_BELOW = -28.0;
    public static final double DEFAULT_SILENCE_BELOW = -42.0;

    public LineQuality {
        bindAddress = bindAddress == null ? DEFAULT_BIND_ADDRESS : bindAddress;
        port = port == null ? DEFAULT_PORT : port;
        window = window == null ? DEFAULT_WINDOW : window;
        confirmVoiceAfter = confirmVoiceAfter == null ? DEFAULT_CONFIRM_VOICE_AFTER : confirmVoiceAfter;
        voiceOverNoise = voiceOverNoise == null ? DEFAULT_VOICE_OVER_NOISE : voiceOverNoise;
        quietBelow = quietBelow == null ? DEFAULT_QUIET_BELOW : quietBelow;
        silenceBelow = silenceBelow == null ? DEFAULT_SILENCE_BELOW : silenceBelow;
        asteriskHosts = asteriskHosts == null ? List.of() : List.copyOf(asteriskHosts);
        var check = new Check();
        for (int i = 0; i < asteriskHosts.size(); i++) {
            String host = asteriskHosts.get(i);
            check.item("asterisk-hosts", i, host.matches("[0-9.]{7,15}") || host.matches("[0-9A-Fa-f:]{2,39}"),
                    Check.quote(host) + " is not an IP address (no host names)");
        }
        check.that("bind-address", !bindAddress.isBlank() && !bindAddress.equals("0.0.0.0") && !bindAddress.equals("::"),
                "must be an address Asterisk can connect to, was " + Check.quote(bindAddress));
        check.that("port", port > 0 && port < 65536, "must be 1..65535, was " + port);
        check.between("window", window, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.between("confirm-voice-after", confirmVoiceAfter, Duration.ofMillis(100), Duration.ofSeconds(5));
        check.across("confirm-voice-after", Set.of("confirm-voice-after", "window"), confirmVoiceAfter.compareTo(window) <= 0,
                Durations.format(confirmVoiceAfter) + " is longer than the window (" + Durations.format(window) + ")");
        range(check, "voice-over-noise", voiceOverNoise, 3, 40);
        range(check, "quiet-below", quietBelow, -60, -10);
        range(check, "silence-below", silenceBelow, -90, -20);
        check.done();
    }

    public LineQuality(String bindAddress, Integer port, Duration window, Duration confirmVoiceAfter,
            Double voiceOverNoise, Double quietBelow, Double silenceBelow) {
        this(bindAddress, port, window, confirmVoiceAfter, voiceOverNoise, quietBelow, silenceBelow, null);
    }

    public static LineQuality defaults() {
        return new LineQuality(null, null, null, null, null, null, null, null);
    }

    /** The Asterisk hosts' addresses (literals only: no name lookup here). */
    public Set<InetAddress> allowedPeers() {
        Set<InetAddress> peers = new HashSet<>();
        for (String host : asteriskHosts) {
            try {
                peers.add(InetAddress.ofLiteral(host));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(List.of("line-quality.asterisk-hosts: '" + host + "' is not an IP address"));
            }
        }
        return peers;
    }

    /** The same settings with another window (a flow may listen for less or more). */
    public LineQuality withWindow(Duration newWindow) {
        Duration needed = confirmVoiceAfter.compareTo(newWindow) <= 0 ? confirmVoiceAfter : newWindow;
        return new LineQuality(bindAddress, port, newWindow, needed, voiceOverNoise, quietBelow, silenceBelow,
                asteriskHosts);
    }

    private static void range(Check check, String key, double value, double min, double max) {
        check.that(key, Double.isFinite(value) && value >= min && value <= max,
                value + " is outside " + min + ".." + max);
    }
}
