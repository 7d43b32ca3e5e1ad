package hotline.audio;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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

    FakeAsteriskAudio send(byte[] bytes) throws IOException {
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

    /** The next frame kind the server sent, or -1 when it closed the connection. */
    int nextKindFromServer() throws IOException {
        int kind = in.read();
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
