package hotline.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Asterisk's {@code AudioSocket()} for one session, as app_audiosocket does it: connects, names
 * the session (a 3-byte header, kind 0x01, the 16-byte UUID), then sends the caller's audio as
 * slin 8 kHz frames (kind 0x10, 320 bytes = 20 ms) on a real-time schedule, a DTMF frame (0x03)
 * when the shape presses a key, until the server's hangup frame (0x00). Meanwhile it times what
 * the server streams back: how much later than 20 ms after the one before each frame arrives (the
 * server's media clock slipping: a frame the server handled late goes out late), and the
 * stretches of silence (the script's windows and pauses, as the caller hears them).
 */
final class AudioLine {

    /** What the caller heard of one session. */
    record Heard(int frames, List<Long> silentStretchNanos, boolean hungUp) {}

    /** A stretch of silence shorter than this is a gap inside or between prompts, not a window or pause. */
    private static final long STRETCH_NANOS = 1_000_000_000L;
    private static final long FRAME_NANOS = 20_000_000L;

    private AudioLine() {}

    /** Runs the session named by {@code EXEC AudioSocket}'s argument ({@code <uuid>,host:port}) to its end. */
    static Heard run(String arguments, CallShape shape, long callStartNanos, Observed observed) throws IOException {
        UUID id = UUID.fromString(arguments.substring(0, arguments.indexOf(',')));
        String target = arguments.substring(arguments.indexOf(',') + 1);
        int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        try (Socket s = new Socket(target.substring(0, target.lastIndexOf(':')), port)) {
            s.setSoTimeout(120_000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            synchronized (out) {
                out.write(frame(0x01, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                        .putLong(id.getLeastSignificantBits()).array()));
            }
            Thread sender = Thread.ofVirtual().start(() -> send(s, out, shape, callStartNanos));
            try {
                return receive(new DataInputStream(new BufferedInputStream(s.getInputStream())), observed);
            } finally {
                sender.interrupt();
            }
        }
    }

    /** The caller's side: a frame every 20 ms on the absolute schedule, never a burst to catch up. */
    private static void send(Socket s, OutputStream out, CallShape shape, long callStartNanos) {
        long start = System.nanoTime();
        byte[] pcm = new byte[320];
        boolean keySent = shape.greetingKey() == ' ';
        try {
            for (int f = 0; !s.isClosed(); f++) {
                long wait = start + f * FRAME_NANOS - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                synchronized (out) {
                    out.write(frame(0x10, shape.frame(f, pcm)));
                    if (!keySent && System.nanoTime() - callStartNanos > 1_000_000_000L) {
                        out.write(frame(0x03, new byte[] {(byte) shape.greetingKey()}));
                        keySent = true;
                    }
                }
            }
        } catch (IOException | InterruptedException over) {
            // the server hung up, or the session ended
        }
    }

    private static Heard receive(DataInputStream in, Observed observed) throws IOException {
        var stretches = new ArrayList<Long>();
        int frames = 0;
        long previous = 0;
        long silentSince = 0;
        try {
            while (true) {
                int kind = in.readUnsignedByte();
                byte[] payload = in.readNBytes(in.readUnsignedShort());
                long now = System.nanoTime();
                if (kind == 0x00) {
                    if (silentSince != 0 && now - silentSince >= STRETCH_NANOS) stretches.add(now - silentSince);
                    stretches.forEach(observed::stretch);
                    return new Heard(frames, stretches, true);
                }
                if (kind != 0x10) continue;
                if (frames++ > 0) observed.frameLate(Math.max(0, now - previous - FRAME_NANOS));
                previous = now;
                boolean silent = isSilent(payload);
                if (silent && silentSince == 0) silentSince = now;
                if (!silent && silentSince != 0) {
                    if (now - silentSince >= STRETCH_NANOS) stretches.add(now - silentSince);
                    silentSince = 0;
                }
            }
        } catch (java.io.EOFException | java.net.SocketException closed) {
            stretches.forEach(observed::stretch);
            return new Heard(frames, stretches, false);
        }
    }

    private static boolean isSilent(byte[] payload) {
        for (byte b : payload) if (b != 0) return false;
        return true;
    }

    static byte[] frame(int kind, byte[] payload) {
        return ByteBuffer.allocate(3 + payload.length).put((byte) kind).putShort((short) payload.length).put(payload).array();
    }
}
