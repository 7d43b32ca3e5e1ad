package hotline.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A recorded prompt as AudioSocket sends it to the caller: 8 kHz mono signed 16-bit
 * little-endian samples, in 20 ms frames of 320 bytes (the last one padded with silence).
 * Only that format is accepted; nothing is resampled.
 */
public final class PromptAudio {

    static final int FRAME_BYTES = 320;
    private static final int FRAME_MS = 20;

    private final String name;
    private final byte[] pcm;
    private final double[] frameDb;

    private PromptAudio(String name, byte[] pcm) {
        this.name = name;
        this.pcm = pcm;
        this.frameDb = new double[frames()];
        for (int i = 0; i < frameDb.length; i++) frameDb[i] = levelOf(i);
    }

    /** 20 ms of silence, what the session sends between prompts to keep the stream alive. */
    static final byte[] SILENCE_FRAME = AudioFrame.encode(AudioFrame.KIND_AUDIO, new byte[FRAME_BYTES]);

    /** Reads a WAV file; refuses anything but 8 kHz mono 16-bit PCM ({@link IllegalArgumentException}). */
    public static PromptAudio read(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleRate() != 8000f
                    || f.getChannels() != 1 || f.getSampleSizeInBits() != 16) {
                throw new IllegalArgumentException(wav + ": " + f + ", not 8 kHz mono signed 16-bit PCM");
            }
            byte[] bytes = in.readAllBytes();
            if (f.isBigEndian()) swapBytes(bytes);
            return new PromptAudio(wav.getFileName().toString(), bytes);
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(wav + ": not a WAV file this server can read (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + wav, e);
        }
    }

    /** Samples as they are (tests). */
    static PromptAudio of(String name, short[] samples) {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return new PromptAudio(name, bytes);
    }

    public String name() {
        return name;
    }

    /** How many 20 ms frames it takes to send. */
    public int frames() {
        return (pcm.length + FRAME_BYTES - 1) / FRAME_BYTES;
    }

    /** How long the caller hears it: whole 20 ms frames. */
    public Duration length() {
        return Duration.ofMillis((long) frames() * FRAME_MS);
    }

    /** The level of frame {@code i}, dBFS (the echo guard compares the caller's audio with it). */
    double frameDb(int i) {
        return frameDb[i];
    }

    private double levelOf(int i) {
        int from = i * FRAME_BYTES;
        int to = Math.min(pcm.length, from + FRAME_BYTES) & ~1;
        double sum = 0;
        for (int b = from; b + 1 < to; b += 2) {
            double x = (short) ((pcm[b] & 0xff) | (pcm[b + 1] << 8));
            sum += x * x;
        }
        double meanSquare = sum / (FRAME_BYTES / 2) / (FrameAnalyser.FULL_SCALE * FrameAnalyser.FULL_SCALE);
        return meanSquare <= 1e-10 ? FrameAnalyser.SILENT_DB : 10 * Math.log10(meanSquare);
    }

    /** Frame {@code i} as an AudioSocket audio frame (kind 0x10). */
    byte[] frame(int i) {
        byte[] payload = new byte[FRAME_BYTES];
        int from = i * FRAME_BYTES;
        System.arraycopy(pcm, from, payload, 0, Math.min(FRAME_BYTES, pcm.length - from));
        return AudioFrame.encode(AudioFrame.KIND_AUDIO, payload);
    }

    private static void swapBytes(byte[] b) {
        for (int i = 0; i + 1 < b.length; i += 2) {
            byte t = b[i];
            b[i] = b[i + 1];
            b[i + 1] = t;
        }
    }
}
