package hotline.audio;

import hotline.config.LineQuality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Runs the classifier over the labelled clips ({@code <dir>/<label>/<name>.wav}, made by
 * src/test/eval/make-clips.sh) the way a call's listener does: through the {@link Ear}, 20 ms
 * at a time, stopping at the first confident verdict.
 */
public final class Evaluation {

    /** The labels, in the order the confusion matrix prints them. */
    public static final List<String> LABELS = List.of("silence", "quiet", "speech", "noise");

    /** One labelled clip. Names ending in 7, 8 or 9 are the held-out split. */
    public record Clip(String label, String name, short[] pcm) {
        public boolean heldOut() {
            char last = name.charAt(name.length() - 1);
            return last >= '7' && last <= '9';
        }
    }

    /** A clip's verdict and how much audio it took (the window, or less when confirmed early). */
    public record Outcome(Clip clip, LineVerdict verdict, Duration decidedAfter) {
        public boolean correct() {
            return clip.label().equals(verdict.label());
        }
    }

    private Evaluation() {}

    public static List<Clip> load(Path dir) {
        List<Clip> clips = new ArrayList<>();
        for (String label : LABELS) {
            Path folder = dir.resolve(label);
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> files = Files.list(folder)) {
                for (Path wav : files.filter(p -> p.toString().endsWith(".wav")).sorted().toList()) {
                    String name = wav.getFileName().toString().replaceFirst("\\.wav$", "");
                    clips.add(new Clip(label, name, readPcm(wav)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        return clips;
    }

    /** An 8 kHz mono 16-bit signed WAV as samples; any other format is refused. */
    static short[] readPcm(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getSampleRate() != FrameAnalyser.RATE || f.getChannels() != 1 || f.getSampleSizeInBits() != 16
                    || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.isBigEndian()) {
                throw new IllegalArgumentException(wav + ": not 8 kHz mono 16-bit signed little-endian: " + f);
            }
            byte[] bytes = in.readAllBytes();
            short[] pcm = new short[bytes.length / 2];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
            }
            return pcm;
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(wav + ": not a WAV file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + wav, e);
        }
    }

    public static List<Outcome> run(List<Clip> clips, LineQuality quality) {
        return clips.stream().map(c -> listen(quality, c)).toList();
    }

    /** The CSV columns of {@link #csv}: the measurements a verdict was decided on. */
    public static String csvHeader() {
        return LineFeatures.csvHeader();
    }

    public static String csv(Outcome outcome) {
        return outcome.verdict().features().csv();
    }

    /**
     * The clip as a caller's line: 20 ms frames into an {@link Ear}, the listener's own (a voice
     * confirmed early ends it, else the window's verdict). The clock is the frames' own.
     */
    static Outcome listen(LineQuality quality, Clip clip) {
        var ear = new Ear(quality, true); // every measure, for --features
        short[] pcm = clip.pcm();
        long window = quality.window().toMillis() / 20;
        byte[] frame = new byte[2 * FrameAnalyser.FRAME];
        int frames = 0;
        for (int at = 0; at + FrameAnalyser.FRAME <= pcm.length && frames < window; at += FrameAnalyser.FRAME) {
            for (int i = 0; i < FrameAnalyser.FRAME; i++) {
                frame[2 * i] = (byte) pcm[at + i];
                frame[2 * i + 1] = (byte) (pcm[at + i] >> 8);
            }
            ear.hear(frame, 20_000_000L * ++frames);
            var early = ear.early();
            if (early.isPresent()) return new Outcome(clip, early.get(), Duration.ofMillis(20L * frames));
        }
        return new Outcome(clip, ear.verdict(), Duration.ofMillis(20L * frames));
    }
}
