package hotline.audio;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One media thread for many AudioSocket connections (issue 13): a selector reads every
 * connection's frames as they arrive, and one 20 ms clock sends every session's next frame
 * (its prompt, or silence). A call's own thread no longer wakes for each frame; it waits for
 * its step to end (a key, a voice, the prompt's last frame, the deadline).
 *
 * <p>Writes never block: a frame the socket cannot take whole is kept and finished first at the
 * next slot, and until then nothing new is queued (a stuck Asterisk delays its own call only).
 * What a connection sends is untrusted: lengths are capped, the UUID frame must arrive within
 * {@link AudioSocketServer#IDENTIFY_TIMEOUT_MS}, and whatever it sends can only end itself.
 */
final class MediaLoop implements AutoCloseable {

    /** What the loop asks of its server. */
    interface Owner {
        /** The session {@code id} names, now attached to {@code line}; null when refused (unknown, closed, taken). */
        MediaSession attach(UUID id, MediaSession.Line line, long firstSlotNanos);

        /** The connection is gone; {@code attached} is its session, or null when it never had one. */
        void gone(SocketChannel channel, boolean identified, boolean timedOut, MediaSession attached);
    }

    private static final Logger log = LoggerFactory.getLogger(MediaLoop.class);
    static final long FRAME_NANOS = 20_000_000L;
    /** Behind by more than this, the clock starts afresh from now (as a session's own catch-up). */
    private static final long CATCH_UP_NANOS = 60_000_000L;
    private static final int HEADER = 3;
    private static final int AUDIO_BYTES = 320;
    /** The kernel doubles it: ≈ 8 KB, 25 frames of 323 bytes. */
    private static final int SEND_BUFFER_BYTES = 4096;
    private static final ByteBuffer NOTHING_UNSENT = ByteBuffer.allocate(0);

    private final Owner owner;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Connection> connections = new ArrayList<>(); // the loop's thread only
    private final byte[] audio = new byte[AUDIO_BYTES];             // the Ear copies what it keeps
    private final LongAdder slotsLost = new LongAdder();
    private long nextSlotNanos;
    private volatile boolean open = true;

    MediaLoop(String name, Owner owner) throws IOException {
        this.owner = owner;
        this.selector = Selector.open();
        this.nextSlotNanos = System.nanoTime() + FRAME_NANOS;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Takes a new connection (accepted, not yet identified); from any thread. */
    void adopt(SocketChannel channel) {
        later(() -> {
            try {
                channel.configureBlocking(false);
                channel.socket().setTcpNoDelay(true);
                // at most about half a second of our audio waits in the socket for an Asterisk that
                // stopped reading: beyond it the slots pass unsent (counted), never heard late
                channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, SEND_BUFFER_BYTES);
                var c = new Connection(channel, System.nanoTime() + AudioSocketServer.IDENTIFY_TIMEOUT_MS * 1_000_000L);
                c.key = channel.register(selector, SelectionKey.OP_READ, c);
                connections.add(c);
            } catch (IOException e) {
                log.warn("AudioSocket connection not taken: {}", e.toString());
                closeQuietly(channel);
                owner.gone(channel, false, false, null);
            }
        });
    }

    private void later(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void run() {
        try {
            while (open) {
                long wait = nextSlotNanos - System.nanoTime();
                if (wait > 0) selector.select(this::readable, (wait + 999_999) / 1_000_000);
                else selector.selectNow(this::readable);
                for (Runnable task; (task = tasks.poll()) != null; ) task.run();
                long now = System.nanoTime();
                if (now - nextSlotNanos >= 0) {
                    if (now - nextSlotNanos > CATCH_UP_NANOS) nextSlotNanos = now;
                    tick(nextSlotNanos, now);
                    nextSlotNanos += FRAME_NANOS;
                }
            }
        } catch (ClosedSelectorException | IOException e) {
            if (open) log.error("media loop stopped: {}", e.toString());
        } finally {
            for (Connection c : List.copyOf(connections)) end(c, null);
        }
    }

    /** Every session's frames for the slot, then the deadlines of connections identifying or lingering. */
    private void tick(long slot, long now) {
        for (int i = 0; i < connections.size(); i++) {
            Connection c = connections.get(i);
            if (c.failed != null) continue;
            if (c.session != null && c.flush()) {
                if (c.hangupOwed) c.hangUpNow();
                else c.session.tick(slot, now, c);
            } else if (c.session != null && c.failed == null && !c.hangupOwed) {
                slotsLost.increment(); // the frame before is not all out yet: this slot passes unsent
            }
            if (c.session == null && now - c.identifyBy >= 0) {
                c.failed = new ProtocolException("no UUID frame within " + AudioSocketServer.IDENTIFY_TIMEOUT_MS + " ms");
                c.timedOut = true;
            }
            if (c.lingerUntil != 0 && now - c.lingerUntil >= 0 && c.failed == null) {
                c.failed = new IOException("dropped " + AudioSocketServer.LINGER_MS + " ms after our hangup frame");
            }
        }
        for (int i = connections.size() - 1; i >= 0; i--) {
            Connection c = connections.get(i);
            if (c.failed != null) end(c, c.failed);
        }
    }

    private void readable(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        if (c.failed != null) return;
        try {
            int n = c.channel.read(c.in);
            if (n < 0) throw new java.io.EOFException("closed by Asterisk");
            c.in.flip();
            boolean more = true;
            while (more && c.in.remaining() >= HEADER) more = frame(c);
            c.in.compact();
            c.makeRoom();
        } catch (IOException | RuntimeException e) {
            c.in.clear();
            c.failed = e;
        }
        if (c.failed != null || c.endedByAsterisk) end(c, c.failed);
    }

    /** Handles the next whole frame in {@code c.in}; false when it has not all arrived yet. */
    private boolean frame(Connection c) throws IOException {
        ByteBuffer in = c.in;
        int at = in.position();
        int kind = in.get(at) & 0xff;
        int length = in.getShort(at + 1) & 0xffff;
        if (length > AudioFrame.MAX_PAYLOAD) {
            throw new ProtocolException("frame kind 0x" + Integer.toHexString(kind) + " of " + length
                    + " bytes (at most " + AudioFrame.MAX_PAYLOAD + ")");
        }
        if (in.remaining() < HEADER + length) {
            c.awaiting = HEADER + length;
            return false;
        }
        in.position(at + HEADER);
        if (c.session == null) return identify(c, kind, length);
        switch (kind) {
            case AudioFrame.KIND_AUDIO -> {
                byte[] pcm = length == AUDIO_BYTES ? audio : new byte[length];
                in.get(pcm);
                c.session.hear(pcm);
            }
            case AudioFrame.KIND_DTMF -> {
                char key = length == 1 ? (char) in.get() : 0;
                if (length != 1) in.position(in.position() + length);
                if (AudioFrame.isKey(key)) c.session.key(key);
            }
            case AudioFrame.KIND_HANGUP -> {
                c.endedByAsterisk = true;
                return false;
            }
            case AudioFrame.KIND_ERROR -> {
                int code = length == 0 ? 0 : in.get(in.position()) & 0xff;
                log.warn("AudioSocket error 0x{} from Asterisk", Integer.toHexString(code));
                c.endedByAsterisk = true;
                return false;
            }
            default -> in.position(in.position() + length); // a second UUID, other rates: skipped
        }
        return true;
    }

    private boolean identify(Connection c, int kind, int length) throws IOException {
        if (kind != AudioFrame.KIND_UUID || length != 16) throw new ProtocolException("the first frame was not a UUID");
        UUID id = new UUID(c.in.getLong(), c.in.getLong());
        c.identified = true;
        MediaSession session = owner.attach(id, c, nextSlotNanos);
        if (session == null) {
            log.warn("AudioSocket connection for {} which is not open (unknown, closed, or taken): hung up", id);
            c.write(AudioFrame.hangup());
            c.refused = true;
            throw new ProtocolException("refused");
        }
        c.session = session;
        return true;
    }

    private void end(Connection c, Exception why) {
        if (c.gone) return;
        c.gone = true;
        connections.remove(c);
        if (c.key != null) c.key.cancel();
        closeQuietly(c.channel);
        if (c.refused) {
            // counted and logged where it was refused
        } else if (why == null || why instanceof java.io.EOFException) {
            log.debug("AudioSocket connection ended");
        } else if (c.session != null && c.session.isClosed()) {
            log.debug("AudioSocket connection dropped after our hangup frame: {}", why.toString());
        } else if (c.timedOut) {
            log.warn("AudioSocket connection did not identify in time: {}", why.getMessage());
        } else {
            log.warn("AudioSocket connection closed: {}", why.toString());
        }
        owner.gone(c.channel, c.identified, c.timedOut, c.session);
    }

    /** Frames not sent because the socket had not yet taken the one before (its slot passed in silence). */
    long slotsLost() {
        return slotsLost.sum();
    }

    /** Stops the thread and closes every connection it holds. */
    @Override
    public void close() {
        open = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(selector);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on the way out; nothing useful to do
        }
    }

    /** One connection: what it sent that is not yet a whole frame, and what we could not send whole. */
    private final class Connection implements MediaSession.Line {
        final SocketChannel channel;
        final long identifyBy;
        /** Three audio frames; grown once for a longer frame (rare: Asterisk sends 323 bytes). */
        ByteBuffer in = ByteBuffer.allocate(3 * (HEADER + AUDIO_BYTES));
        int awaiting;       // the bytes of the frame under way
        ByteBuffer unsent = NOTHING_UNSENT;
        SelectionKey key;
        MediaSession session;
        boolean identified;
        boolean refused;
        boolean timedOut;
        boolean endedByAsterisk;
        boolean hangupOwed;  // our hangup frame waits behind a frame the socket did not take whole
        boolean gone;
        long lingerUntil;
        Exception failed;

        Connection(SocketChannel channel, long identifyBy) {
            this.channel = channel;
            this.identifyBy = identifyBy;
        }

        void makeRoom() {
            if (awaiting <= in.capacity()) return;
            ByteBuffer bigger = ByteBuffer.allocate(HEADER + AudioFrame.MAX_PAYLOAD);
            in.flip();
            in = bigger.put(in);
        }

        /** Finishes the frame the socket did not take whole; true when nothing is left of it. */
        boolean flush() {
            if (!unsent.hasRemaining()) return true;
            try {
                channel.write(unsent);
            } catch (IOException e) {
                failed = e;
                return false;
            }
            return !unsent.hasRemaining();
        }

        @Override
        public boolean send(byte[] frame) {
            if (failed != null) return false;
            if (!flush()) {
                if (failed == null) slotsLost.increment(); // Asterisk is not reading: the caller hears a gap
                return false;
            }
            write(frame);
            return failed == null;
        }

        void write(byte[] frame) {
            try {
                ByteBuffer b = ByteBuffer.wrap(frame);
                channel.write(b);
                if (b.hasRemaining()) unsent = ByteBuffer.allocate(b.remaining()).put(b).flip();
            } catch (IOException e) {
                failed = new IOException("media session write failed: " + e, e);
            }
        }

        @Override
        public void hangUp() {
            later(() -> {
                if (gone || failed != null) return;
                lingerUntil = System.nanoTime() + AudioSocketServer.LINGER_MS * 1_000_000L;
                if (lingerUntil == 0) lingerUntil = 1;
                hangupOwed = true;
                if (flush()) hangUpNow();
                if (failed != null) end(this, failed);
            });
        }

        void hangUpNow() {
            hangupOwed = false;
            write(AudioFrame.hangup());
        }
    }
}
