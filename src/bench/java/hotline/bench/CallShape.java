package hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The recorded-call shapes the harness replays: what the caller's line sends over AudioSocket
 * (the evaluation clips of src/test/resources/eval, 8 kHz 16-bit mono, looped) and how Asterisk
 * answers the AGI commands of the same call.
 */
enum CallShape {
    /** Hiss only: the whole silent-line script (§2), greeting to hang-up. */
    SILENT_LINE("eval/silence/hiss-0.wav", false, ' '),
    /** Talks over the greeting from the first second: barge-in, then the queue (the caller hangs up there). */
    EARLY_SPEAKER("eval/speech/talk-0.wav", false, ' '),
    /** A voice too low (hands-free): the quiet-line re-prompts and goodbye (§3). */
    QUIET("eval/quiet/phone-quiet-0.wav", true, ' '),
    /** Babble: the noisy-line re-prompt and goodbye (§3). */
    NOISY("eval/noise/babble-0.wav", true, ' '),
    /** Presses 8 in the greeting (complaint), no team lead answers: the callback capture on the caller's number. */
    CALLBACK_CAPTURE("eval/silence/hiss-1.wav", true, '8');

    private static final Path EVAL = Path.of("src/test/resources");

    private final String clip;
    private final boolean loops;
    private final char greetingKey;
    private byte[] pcm;

    CallShape(String clip, boolean loops, char greetingKey) {
        this.clip = clip;
        this.loops = loops;
        this.greetingKey = greetingKey;
    }

    /** The key pressed 1 s into the call (a DTMF frame, or the STREAM FILE result), or a space for none. */
    char greetingKey() {
        return greetingKey;
    }

    /** Frame {@code n} of the caller's audio (320 bytes, little-endian): the clip, looped or then silent. */
    byte[] frame(int n, byte[] into) {
        byte[] all = pcm();
        int frames = all.length / 320;
        if (!loops && n >= frames && this != SILENT_LINE) {
            Arrays.fill(into, (byte) 0);
            return into;
        }
        System.arraycopy(all, (n % frames) * 320, into, 0, 320);
        return into;
    }

    private synchronized byte[] pcm() {
        if (pcm == null) {
            try {
                byte[] wav = Files.readAllBytes(EVAL.resolve(clip));
                pcm = Arrays.copyOfRange(wav, 44, wav.length); // the clips' plain 44-byte RIFF header
            } catch (IOException e) {
                throw new UncheckedIOException("run the harness from the project folder: " + clip, e);
            }
        }
        return pcm;
    }

    /** Asterisk 22's reply to {@code command} on this caller's channel (docs/lab.md's recorded wire format). */
    String reply(String command, boolean greetingDone) {
        if (command.startsWith("STREAM FILE")) {
            if (greetingKey != ' ' && !greetingDone && command.contains("greeting")) {
                return "200 result=" + (int) greetingKey + " endpos=8000";
            }
            return "200 result=0 endpos=24000";
        }
        if (command.startsWith("GET VARIABLE \"WAITSTATUS\"")) {
            return this == SILENT_LINE || this == CALLBACK_CAPTURE ? "200 result=1 (TIMEOUT)" : "200 result=1 (NOISE)";
        }
        if (command.startsWith("GET VARIABLE \"QUEUESTATUS\"")) return "200 result=1 (TIMEOUT)";
        if (command.startsWith("GET FULL VARIABLE")) return "200 result=1 (0)";   // nobody logged in
        if (command.startsWith("GET DATA")) return "200 result=1";                // "1": confirm
        if (command.startsWith("WAIT FOR DIGIT")) return "200 result=49";         // '1'
        if (command.startsWith("RECORD FILE")) return "200 result=0 (timeout) endpos=8000";
        if (command.startsWith("EXEC \"Queue\"")) return this == EARLY_SPEAKER ? "200 result=-1" : "200 result=0";
        if (command.startsWith("CHANNEL STATUS")) return "200 result=6";
        if (command.startsWith("SET VARIABLE") || command.startsWith("HANGUP")) return "200 result=1";
        return "200 result=0";
    }
}
