package hotline.audio;

/**
 * What the caller's line sounds like (call-scripts.md §2-§3), with the measurements it
 * was decided on. A line that sent no audio at all is {@link Silence}.
 */
public sealed interface LineVerdict {

    LineFeatures features();

    /** The class name in kebab-case, as the evaluation and a journal write it. */
    default String label() {
        return switch (this) {
            case Silence s -> "silence";
            case QuietVoice q -> "quiet";
            case Speech s -> "speech";
            case Noise n -> "noise";
        };
    }

    /** §2: no voice and nothing louder than line hiss. */
    record Silence(LineFeatures features) implements LineVerdict {}

    /** §3: a voice, but too low (hands-free, far from the phone). */
    record QuietVoice(LineFeatures features) implements LineVerdict {}

    /** A voice at a normal level, clear of the line's noise. */
    record Speech(LineFeatures features) implements LineVerdict {}

    /** §3: loud sound that is not an understandable voice: steady noise, babble, a voice drowned in noise. */
    record Noise(LineFeatures features) implements LineVerdict {}
}
