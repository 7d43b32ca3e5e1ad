package hotline.audio;

import hotline.config.LineQuality;
import java.util.Objects;

/**
 * What one listen needs: the call's line-quality settings (its config snapshot; the
 * window is {@code quality.window()}, see {@link LineQuality#withWindow}) and the call's
 * id for the logs.
 */
public record ListenRequest(LineQuality quality, String callId) {

    public ListenRequest {
        Objects.requireNonNull(quality, "quality");
        callId = callId == null ? "" : callId;
    }

    public static ListenRequest of(LineQuality quality) {
        return new ListenRequest(quality, "");
    }
}
