package hotline.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What a robot caller recorded (MixMonitor on its own channel, [robot-phone]): the sounds
 * in it as spans of time, 10 ms resolution, so a test can assert what the caller heard
 * and when: pauses, barge-in, the order of prompts.
 */
public record Recording(Path file, List<Span> spans, Duration length) {

    /** One stretch of sound: from its first to its last 10 ms above the threshold. */
    public record Span(Duration from, Duration to) {
        public Duration length() {
            return to.minus(from);
        }
    }

    private static final int WINDOW = 80; // 10 ms at 8 kHz

    /** The robot's recordings for a call: what it heard, or what it said. */
    public static Path heardBy(String robotId) {
        return Lab.root().resolve("var/spool/hotline-lab/robots/" + robotId + "-heard.wav");
    }

    public static Path saidBy(String robotId) {
        return Lab.root().resolve("var/spool/hotline-lab/robots/" + robotId + "-said.wav");
    }

    /** Reads a recording, waiting up to 5 s for MixMonitor to finish writing it. */
    public static Recording of(Path wav, double thresholdDbfs, Duration joinGapsUnder) {
        short[] pcm = read(wav);
        double threshold = 32768.0 * Math.pow(10, thresholdDbfs / 20);
        List<Span> spans = new ArrayList<>();
        int start = -1, last = -1;
        int gap = (int) (joinGapsUnder.toMillis() / 10);
        for (int w = 0; (w + 1) * WINDOW <= pcm.length; w++) {
            double sum = 0;
            for (int i = w * WINDOW; i < (w + 1) * WINDOW; i++) sum += (double) pcm[i] * pcm[i];
            boolean loud = Math.sqrt(sum / WINDOW) > threshold;
            if (loud) {
                if (start >= 0 && w - last > gap) {
                    spans.add(span(start, last));
                    start = -1;
                }
                if (start < 0) start = w;
                last = w;
            }
        }
        if (start >= 0) spans.add(span(start, last));
        return new Recording(wav, List.copyOf(spans), Duration.ofMillis(pcm.length / 8));
    }

    private static Span span(int first, int last) {
        return new Span(Duration.ofMillis(first * 10L), Duration.ofMillis((last + 1) * 10L));
    }

    /** The first span that starts at or after {@code at}. */
    public Span firstFrom(Duration at) {
        return spans.stream().filter(s -> s.from().compareTo(at) >= 0).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no sound after " + at + " in " + spans));
    }

    /** The span sounding at {@code at}, or the last one that ended before it. */
    public Span at(Duration at) {
        Span found = null;
        for (Span s : spans) if (s.from().compareTo(at) <= 0) found = s;
        if (found == null) throw new AssertionError(file + ": no sound before " + at + " in " + spans);
        return found;
    }

    /** How long a WAV file (a prompt, or a finished recording) plays. */
    public static Duration lengthOf(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return Duration.ofMillis(Math.round(in.getFrameLength() * 1000.0 / in.getFormat().getFrameRate()));
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalStateException(wav + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * From the end of prompt {@code key} (heard at {@code at} by {@code robotId}) to the end of the
     * robot's recording: how long after the prompt the call was hung up.
     */
    public static Duration hangUpAfter(String robotId, String language, Duration at, String key) {
        Duration after = lengthOf(heardBy(robotId)).minus(at).minus(lengthOf(HeardPrompts.prompt(language, key)));
        // the figure the closing note reports per script: grep "pause before the hang-up" in the IT output
        System.out.printf("%s: pause before the hang-up after %s (%s) %d ms, on the caller's recording%n", robotId, key,
                language, after.toMillis());
        return after;
    }

    /** A robot's recording as samples, waiting up to 5 s for MixMonitor to finish writing it. */
    static short[] read(Path wav) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.isRegularFile(wav) && System.nanoTime() < deadline) Lab.pause(100);
        Lab.pause(300); // MixMonitor closes the file a moment after the hangup
        return samples(wav);
    }

    /** A WAV file's samples (8 kHz, 16-bit, the lab's format), read as they are. */
    static short[] samples(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            if (in.getFormat().getSampleRate() != 8000 || in.getFormat().getSampleSizeInBits() != 16) {
                throw new IllegalStateException(wav + ": expected 8 kHz 16-bit, got " + in.getFormat());
            }
            byte[] b = in.readAllBytes();
            boolean big = in.getFormat().isBigEndian();
            short[] pcm = new short[b.length / 2];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = big ? (short) ((b[2 * i] << 8) | (b[2 * i + 1] & 0xff))
                        : (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
            }
            return pcm;
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalStateException(wav + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
