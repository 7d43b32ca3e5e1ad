package hotline.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Asterisk's {@code AudioSocket()} for one session, as app_audiosocket does it: connects, names
 * the session (a 3-byte header, kind 0x01, the 16-byte UUID), then sends the caller's audio as
 * slin 8 kHz frames (kind 0x10, 320 bytes = 20 ms) on a real-time schedule, a DTMF frame (0x03)
 * when the shape presses a key, until the server's hangup frame (0x00). Meanwhile it times what
 * the server streams back: how much later than 20 ms after the one before each frame arrives (the
 * server's media clock slipping: a frame the server handled late goes out late), and the
 * stretches of silence (the script's windows and pauses, as the caller hears them).
 *
 * <p>The lines are driven by {@link AudioLoop}s (a selector and a 1 ms clock per core, as
 * Asterisk's own channel threads are not one thread and one timer per frame): the generator's own
 * cost stays small, so at 2,000 lines the cores are left to the server it measures.
 */
final class AudioLine {

    /** What the caller heard of one session. */
    record Heard(int frames, List<Long> silentStretchNanos, boolean hungUp) {}

    /** A stretch of silence shorter than this is a gap inside or between prompts, not a window or pause. */
    private static final long STRETCH_NANOS = 1_000_000_000L;
    static final long FRAME_NANOS = 20_000_000L;
    /** Nothing heard for this long: the session is dead (as the socket timeout was). */
    static final long QUIET_LIMIT_NANOS = 120_000_000_000L;

    final SocketChannel channel;
    final long startNanos;
    final ByteBuffer in = ByteBuffer.allocate(8192);
    private final CallShape shape;
    private final long callStartNanos;
    private final Observed observed;
    private final CompletableFuture<Heard> heard = new CompletableFuture<>();
    private final byte[] pcm = new byte[320];
    private final ByteBuffer out = ByteBuffer.allocate(64 * 1024);
    private final List<Long> stretches = new ArrayList<>();
    private boolean keySent;
    private int sent;
    private int frames;
    private long previous;
    private long silentSince;
    long lastHeardNanos;

    private AudioLine(SocketChannel channel, CallShape shape, long callStartNanos, Observed observed, long now) {
        this.channel = channel;
        this.shape = shape;
        this.callStartNanos = callStartNanos;
        this.observed = observed;
        this.startNanos = now;
        this.lastHeardNanos = now;
        this.keySent = shape.greetingKey() == ' ';
    }

    /** Runs the session named by {@code EXEC AudioSocket}'s argument ({@code <uuid>,host:port}) to its end. */
    static Heard run(String arguments, CallShape shape, long callStartNanos, Observed observed) throws IOException {
        UUID id = UUID.fromString(arguments.substring(0, arguments.indexOf(',')));
        String target = arguments.substring(arguments.indexOf(',') + 1);
        int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(target.substring(0, target.lastIndexOf(':')), port));
        channel.socket().setTcpNoDelay(true);
        channel.configureBlocking(false);
        var line = new AudioLine(channel, shape, callStartNanos, observed, System.nanoTime());
        line.out.put(frame(0x01, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array())).flip();
        AudioLoop.next().adopt(line);
        try {
            return line.heard.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            line.heard.completeExceptionally(e);
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The caller's side at {@code now}: every frame whose slot has come, on the absolute schedule (no burst after a late wake: a slot missed by more than one frame is skipped). */
    void send(long now) throws IOException {
        long due = (now - startNanos) / FRAME_NANOS + 1;
        if (due - sent > 1) sent = (int) (due - 1);
        out.compact();
        for (; sent < due && out.remaining() >= 2 * 323 + 4; sent++) {
            out.put((byte) 0x10).putShort((short) 320).put(shape.frame(sent, pcm));
            if (!keySent && now - callStartNanos > 1_000_000_000L) {
                out.put((byte) 0x03).putShort((short) 1).put((byte) shape.greetingKey());
                keySent = true;
            }
        }
        out.flip();
        flush();
    }

    void flush() throws IOException {
        if (out.hasRemaining()) channel.write(out);
    }

    /** When the next frame is due. */
    long nextSendNanos() {
        return startNanos + sent * FRAME_NANOS;
    }

    /** Parses what arrived at {@code now}; true when the session has ended (the server's hangup). */
    boolean received(long now) {
        in.flip();
        lastHeardNanos = now;
        try {
            while (in.remaining() >= 3) {
                int at = in.position();
                int kind = in.get(at) & 0xff;
                int length = in.getShort(at + 1) & 0xffff;
                if (in.remaining() < 3 + length) break;
                in.position(at + 3);
                if (kind == 0x00) {
                    end(now, true);
                    return true;
                }
                if (kind == 0x10) heardAudio(now, at + 3, length);
                in.position(at + 3 + length);
            }
        } finally {
            in.compact();
        }
        return false;
    }

    private void heardAudio(long now, int from, int length) {
        if (frames++ > 0) observed.frameLate(Math.max(0, now - previous - FRAME_NANOS));
        previous = now;
        boolean silent = true;
        for (int i = from; i < from + length && silent; i++) silent = in.get(i) == 0;
        if (silent && silentSince == 0) silentSince = now;
        if (!silent && silentSince != 0) {
            if (now - silentSince >= STRETCH_NANOS) stretches.add(now - silentSince);
            silentSince = 0;
        }
    }

    /** The session is over: hung up by the server ({@code hungUp}) or its connection closed. */
    void end(long now, boolean hungUp) {
        if (heard.isDone()) return;
        if (hungUp && silentSince != 0 && now - silentSince >= STRETCH_NANOS) stretches.add(now - silentSince);
        stretches.forEach(observed::stretch);
        heard.complete(new Heard(frames, List.copyOf(stretches), hungUp));
    }

    /** The connection failed or closed: the session ends as a closed socket ended it before (not hung up). */
    void closed() {
        end(System.nanoTime(), false);
    }

    /** Nothing arrived for {@link #QUIET_LIMIT_NANOS}: a failure, as the socket's timeout was. */
    void timedOut() {
        heard.completeExceptionally(new java.net.SocketTimeoutException("no AudioSocket frame in 120 s"));
    }

    static byte[] frame(int kind, byte[] payload) {
        return ByteBuffer.allocate(3 + payload.length).put((byte) kind).putShort((short) payload.length).put(payload).array();
    }
}
