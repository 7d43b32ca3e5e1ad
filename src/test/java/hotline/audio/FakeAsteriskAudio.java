package hotline.audio;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.UUID;

/** Asterisk's side of an AudioSocket connection, for tests: what app_audiosocket sends and reads. */
final class FakeAsteriskAudio implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    FakeAsteriskAudio(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    FakeAsteriskAudio identify(UUID id) throws IOException {
        return send(AudioFrame.identify(id));
    }

    synchronized FakeAsteriskAudio send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The audio as 20 ms frames (320 bytes), as fast as the socket takes them; stops early if the server hangs up. */
    FakeAsteriskAudio stream(short[] pcm) throws IOException {
        for (int at = 0; at + FrameAnalyser.FRAME <= pcm.length; at += FrameAnalyser.FRAME) {
            try {
                send(AudioFrame.encode(AudioFrame.KIND_AUDIO, Signals.littleEndian(pcm, at, FrameAnalyser.FRAME)));
            } catch (IOException closedByTheServer) {
                return this;
            }
        }
        return this;
    }

    /** What the caller heard of the server while it spoke in real time, and when. */
    record Heard(int loudFrames, long lastLoudNanos, long voiceStartNanos, int frames, java.util.List<Integer> silencesBetween) {
        java.time.Duration lastLoudFrameAt() {
            return java.time.Duration.ofNanos(lastLoudNanos);
        }

        java.time.Duration voiceStartedAt() {
            return java.time.Duration.ofNanos(voiceStartNanos);
        }
    }

    /**
     * Behaves like a phone: sends {@code pcm} as 20 ms frames on a real-time schedule (on a
     * thread of its own) while reading what the server plays; completes when the server
     * hangs up or closes. Times are from the moment of the call, on one clock.
     */
    java.util.concurrent.CompletableFuture<Heard> speakInRealTime(short[] pcm) {
        long start = System.nanoTime();
        long[] voiceStart = {0};
        int voiceFrame = voiceFrame(pcm);
        Thread.ofVirtual().start(() -> {
            for (int f = 0; (f + 1) * FrameAnalyser.FRAME <= pcm.length; f++) {
                long due = start + f * 20_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(java.time.Duration.ofNanos(wait));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (f == voiceFrame) voiceStart[0] = System.nanoTime() - start;
                try {
                    send(AudioFrame.encode(AudioFrame.KIND_AUDIO, Signals.littleEndian(pcm, f * FrameAnalyser.FRAME,
                            FrameAnalyser.FRAME)));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        var heard = new java.util.concurrent.CompletableFuture<Heard>();
        Thread.ofVirtual().start(() -> {
            int loud = 0;
            int frames = 0;
            long last = 0;
            int quietRun = 0;
            var silences = new java.util.ArrayList<Integer>(); // quiet frames between two loud ones
            try {
                while (true) {
                    int kind = in.read();
                    if (kind < 0 || kind == AudioFrame.KIND_HANGUP) break;
                    int length = in.readUnsignedShort();
                    byte[] payload = in.readNBytes(length);
                    if (kind == AudioFrame.KIND_AUDIO) frames++;
                    if (kind != AudioFrame.KIND_AUDIO) continue;
                    if (levelLittleEndian(payload) > -50) {
                        if (loud > 0 && quietRun > 0) silences.add(quietRun);
                        quietRun = 0;
                        loud++;
                        last = System.nanoTime() - start;
                    } else {
                        quietRun++;
                    }
                }
            } catch (IOException e) {
                // closed: what was heard so far is the answer
            }
            heard.complete(new Heard(loud, last, voiceStart[0], frames, List.copyOf(silences)));
        });
        return heard;
    }

    /** Presses {@code key} after {@code delay} (a DTMF frame, as Asterisk 22 sends it). */
    void pressAfter(char key, java.time.Duration delay) {
        try {
            Thread.sleep(delay);
            send(AudioFrame.encode(AudioFrame.KIND_DTMF, new byte[] {(byte) key}));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int voiceFrame(short[] pcm) {
        try {
            return Signals.voiceStart(pcm);
        } catch (AssertionError noVoice) {
            return -1;
        }
    }

    private static double levelLittleEndian(byte[] b) {
        double sum = 0;
        int n = b.length / 2;
        for (int i = 0; i < n; i++) {
            double x = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
            sum += x * x;
        }
        return n == 0 ? -100 : 10 * Math.log10(sum / n / (32768.0 * 32768.0) + 1e-12);
    }

    /**
     * The next frame kind the server sent, or -1 when it closed the connection: by a FIN, or by a
     * reset when it closed with what we sent still unread (a refused peer is never read).
     */
    int nextKindFromServer() throws IOException {
        int kind;
        try {
            kind = in.read();
        } catch (java.net.SocketException reset) {
            if (!String.valueOf(reset.getMessage()).contains("reset")) throw reset;
            return -1;
        }
        if (kind < 0) return -1;
        int length = in.readUnsignedShort();
        in.skipNBytes(length);
        return kind;
    }

    /** What the server sent until its hangup frame (or the end of the connection). */
    record Received(int audioFrames, int audioBytes, long firstAudioNanos, long lastAudioNanos, boolean hungUp) {
        java.time.Duration audioSpan() {
            return java.time.Duration.ofNanos(lastAudioNanos - firstAudioNanos);
        }
    }

    /** Reads the server's frames, timing the audio ones, until its hangup frame. */
    Received receiveUntilHangup() throws IOException {
        int frames = 0, bytes = 0;
        long first = 0, last = 0;
        while (true) {
            int kind = in.read();
            if (kind < 0) return new Received(frames, bytes, first, last, false);
            int length = in.readUnsignedShort();
            in.skipNBytes(length);
            if (kind == AudioFrame.KIND_HANGUP) return new Received(frames, bytes, first, last, true);
            if (kind == AudioFrame.KIND_AUDIO) {
                last = System.nanoTime();
                if (frames++ == 0) first = last;
                bytes += length;
            }
        }
    }

    /** True when the server closed the connection (EOF) within the socket timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
