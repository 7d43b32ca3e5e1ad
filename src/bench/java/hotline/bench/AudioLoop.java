package hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake Asterisk's media threads: one platform thread per core (at most 2), each with a
 * selector that reads what the server streams to its lines, and a 1 ms clock that sends every
 * line's frame when its slot comes. A line's slots keep the phase of its own start (rounded up to
 * the next millisecond), as each Asterisk channel's frames follow its own RTP, so the server gets
 * frames spread over the 20 ms, not a burst of every line at once.
 */
final class AudioLoop {

    private static final long MS = 1_000_000L;
    private static final int PHASES = (int) (AudioLine.FRAME_NANOS / MS);
    private static final AudioLoop[] LOOPS = start(Math.min(2, Runtime.getRuntime().availableProcessors()));
    private static final AtomicInteger TURN = new AtomicInteger();

    private final Selector selector;
    private final Queue<AudioLine> arriving = new ConcurrentLinkedQueue<>();
    @SuppressWarnings("unchecked")
    private final List<AudioLine>[] byPhase = new List[PHASES]; // the loop's thread only
    private long nextMs;
    private long nextQuietCheck;

    private AudioLoop(int n) throws IOException {
        selector = Selector.open();
        for (int i = 0; i < PHASES; i++) byPhase[i] = new ArrayList<>();
        Thread.ofPlatform().name("fake-audio-" + n).daemon(true).start(this::run);
    }

    private static AudioLoop[] start(int n) {
        var loops = new AudioLoop[n];
        try {
            for (int i = 0; i < n; i++) loops[i] = new AudioLoop(i);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loops;
    }

    static AudioLoop next() {
        return LOOPS[Math.floorMod(TURN.getAndIncrement(), LOOPS.length)];
    }

    void adopt(AudioLine line) {
        arriving.add(line);
        selector.wakeup();
    }

    private void run() {
        nextMs = System.nanoTime() / MS + 1;
        while (true) {
            try {
                long wait = nextMs * MS - System.nanoTime();
                if (wait > 0) selector.select(this::readable, Math.max(1, wait / MS));
                else selector.selectNow(this::readable);
                for (AudioLine line; (line = arriving.poll()) != null; ) take(line);
                long now = System.nanoTime();
                if (now / MS - nextMs >= PHASES) nextMs = now / MS - PHASES + 1; // far behind: each line once, not a backlog
                for (; nextMs * MS <= now; nextMs++) {
                    List<AudioLine> due = byPhase[(int) (nextMs % PHASES)];
                    for (int i = due.size() - 1; i >= 0; i--) send(due.get(i), now);
                }
                if (now - nextQuietCheck > 0) checkQuiet(now);
            } catch (IOException | RuntimeException e) {
                System.err.println("fake audio loop: " + e);
            }
        }
    }

    private void take(AudioLine line) {
        try {
            line.channel.register(selector, SelectionKey.OP_READ, line);
            byPhase[phase(line)].add(line);
            line.flush(); // the UUID frame
        } catch (IOException e) {
            drop(line);
        }
    }

    private static int phase(AudioLine line) {
        return (int) (((line.startNanos + MS - 1) / MS) % PHASES);
    }

    private void send(AudioLine line, long now) {
        try {
            line.send(now);
        } catch (IOException e) {
            drop(line);
        }
    }

    private void readable(SelectionKey key) {
        AudioLine line = (AudioLine) key.attachment();
        try {
            int n = line.channel.read(line.in);
            if (n < 0) {
                drop(line);
                return;
            }
            if (line.received(System.nanoTime())) drop(line);
        } catch (IOException e) {
            drop(line);
        }
    }

    private void checkQuiet(long now) {
        nextQuietCheck = now + 1_000 * MS;
        for (List<AudioLine> lines : byPhase) {
            for (AudioLine line : List.copyOf(lines)) {
                if (now - line.lastHeardNanos > AudioLine.QUIET_LIMIT_NANOS) {
                    line.timedOut();
                    drop(line);
                }
            }
        }
    }

    /** Ends the line (if nothing ended it yet) and lets go of its connection. */
    private void drop(AudioLine line) {
        line.closed();
        byPhase[phase(line)].remove(line);
        SelectionKey key = line.channel.keyFor(selector);
        if (key != null) key.cancel();
        try {
            line.channel.close();
        } catch (IOException ignored) {
            // closing a connection that is gone
        }
    }
}
