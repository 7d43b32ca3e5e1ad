package hotline.audio;

import hotline.config.LineQuality;
import java.util.Objects;
import java.util.Optional;

/**
 * What one listen needs: the call's line-quality settings (its config snapshot; the
 * window is {@code quality.window()}, see {@link LineQuality#withWindow}), the call's
 * id for the logs, and optionally a prompt to play to the caller first, through the
 * same AudioSocket session, while listening for the caller speaking over it (barge-in).
 * With a prompt, the window starts when the prompt ends.
 */
public record ListenRequest(LineQuality quality, String callId, Optional<PromptAudio> prompt) {

    public ListenRequest {
        Objects.requireNonNull(quality, "quality");
        callId = callId == null ? "" : callId;
        prompt = prompt == null ? Optional.empty() : prompt;
    }

    public ListenRequest(LineQuality quality, String callId) {
        this(quality, callId, Optional.empty());
    }

    public static ListenRequest of(LineQuality quality) {
        return new ListenRequest(quality, "");
    }

    public ListenRequest withPrompt(PromptAudio audio) {
        return new ListenRequest(quality, callId, Optional.of(audio));
    }
}
