package hotline.lab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What a [robot-phone] says, as one sound file the lab's Asterisk plays: line hiss (or
 * digital silence) from the answer, the words of an evaluation clip at the moment chosen,
 * then the line again. Written under the lab root, where the robot's ROBOT_AUDIO finds it.
 */
public final class RobotVoice {

    private static final Path CLIPS = Path.of("src/test/resources/eval");
    private static final Path MADE = Path.of("var/spool/hotline-lab/robot-made");
    private final Random random;
    private short[] pcm = new short[0];
    private double lineDbfs = -62;

    public RobotVoice(long seed) {
        this.random = new Random(seed);
    }

    /** The line's noise between words: hiss at this level, or digital silence ({@code Double.NEGATIVE_INFINITY}). */
    public RobotVoice line(double dbfs) {
        this.lineDbfs = dbfs;
        return this;
    }

    public RobotVoice lineFor(double seconds) {
        int n = (int) Math.round(seconds * 8000);
        short[] hiss = new short[n];
        double sigma = Double.isInfinite(lineDbfs) ? 0 : 32768 * Math.pow(10, lineDbfs / 20);
        for (int i = 0; i < n; i++) hiss[i] = (short) Math.round(random.nextGaussian() * sigma);
        return append(hiss);
    }

    /** An evaluation clip, e.g. {@code speech/talk-3}: the words (and the clip's own line). */
    public RobotVoice says(String clip) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(CLIPS.resolve(clip + ".wav").toFile())) {
            byte[] b = in.readAllBytes();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
            return append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(clip, e);
        }
    }

    /** The first {@code seconds} of a clip only (one short "hello?"). */
    public RobotVoice saysBriefly(String clip, double seconds) {
        int before = pcm.length;
        says(clip);
        pcm = Arrays.copyOf(pcm, Math.min(pcm.length, before + (int) (seconds * 8000)));
        return this;
    }

    private RobotVoice append(short[] more) {
        short[] out = Arrays.copyOf(pcm, pcm.length + more.length);
        System.arraycopy(more, 0, out, pcm.length, more.length);
        pcm = out;
        return this;
    }

    /** Writes the sound for {@code robotId}; returns what ROBOT_AUDIO names (a path without extension). */
    public String writeFor(String robotId) {
        Path dir = Lab.root().resolve(MADE);
        byte[] bytes = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            bytes[2 * i] = (byte) pcm[i];
            bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        var format = new AudioFormat(8000f, 16, 1, true, false);
        try {
            Files.createDirectories(dir);
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes), format, pcm.length),
                    AudioFileFormat.Type.WAVE, dir.resolve(robotId + ".wav").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/" + MADE.resolve(robotId);
    }

    /**
     * Writes the sound as raw G.711 mu-law (what a SIP phone sends as RTP payload 0), for
     * SIPp's rtp_stream; returns the file.
     */
    public Path writeMulaw(Path file) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) out[i] = Mulaw.encode(pcm[i]);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The length of what the robot says, in seconds. */
    public double seconds() {
        return pcm.length / 8000.0;
    }
}
