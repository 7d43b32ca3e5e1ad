package hotline.agi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Reads one FastAGI connection as LF-terminated lines of raw bytes, each line bounded in
 * size and in time. Only LF ends a line: a CR stays in the line, for the caller to refuse.
 * Memory grows with what actually arrived, never with what a peer announces.
 */
final class AgiLineReader {

    /** No deadline: wait as long as the peer keeps the connection open. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final Socket socket;
    private final InputStream in;
    private final byte[] chunk = new byte[4096];
    private int chunkStart;
    private int chunkEnd;
    private long bytesRead;

    AgiLineReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** The line was longer than allowed; nothing of it is kept. */
    static final class LineTooLong extends IOException {
        LineTooLong(int limit) {
            super("line longer than " + limit + " bytes");
        }
    }

    /** The connection ended inside a line. */
    static final class CutShort extends IOException {
        CutShort(int bytes) {
            super("connection closed after " + bytes + " bytes of an unfinished line");
        }
    }

    /**
     * The next line without its LF, or null when the connection closed between lines.
     *
     * @param maxBytes     longest line allowed, counting its LF
     * @param deadlineNanos {@link System#nanoTime()} by which the whole line must be in,
     *                      or {@link #NO_DEADLINE}
     */
    byte[] readLine(int maxBytes, long deadlineNanos) throws IOException {
        var line = new ByteArrayOutputStream();
        while (true) {
            for (int i = chunkStart; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    append(line, i - chunkStart, maxBytes);
                    chunkStart = i + 1;
                    return line.toByteArray();
                }
            }
            append(line, chunkEnd - chunkStart, maxBytes);
            chunkStart = chunkEnd;
            if (!fill(deadlineNanos)) {
                if (line.size() == 0) return null;
                throw new CutShort(line.size());
            }
        }
    }

    /** Blocks until at least one byte is waiting; false when the connection closed first. */
    boolean awaitData(long deadlineNanos) throws IOException {
        return chunkStart < chunkEnd || fill(deadlineNanos);
    }

    /** Bytes that arrived and were not read as a line yet, buffered here or in the socket. */
    boolean hasWaitingBytes() throws IOException {
        return chunkStart < chunkEnd || in.available() > 0;
    }

    /** Every byte received so far. */
    long bytesRead() {
        return bytesRead;
    }

    /** Reads and drops what is waiting, up to {@code budget} bytes or the deadline; false at end of stream. */
    boolean discard(long budget, long deadlineNanos) throws IOException {
        long dropped = chunkEnd - chunkStart;
        chunkStart = chunkEnd;
        while (dropped < budget) {
            if (!fill(deadlineNanos)) return false;
            dropped += chunkEnd - chunkStart;
            chunkStart = chunkEnd;
        }
        return true;
    }

    private void append(ByteArrayOutputStream line, int count, int maxBytes) throws LineTooLong {
        // the LF is counted: a line of maxBytes - 1 bytes plus its LF is the longest allowed
        if (line.size() + count + 1 > maxBytes) throw new LineTooLong(maxBytes);
        line.write(chunk, chunkStart, count);
    }

    private boolean fill(long deadlineNanos) throws IOException {
        int timeoutMillis = 0;
        if (deadlineNanos != NO_DEADLINE) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) throw new SocketTimeoutException("deadline passed");
            timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
        }
        socket.setSoTimeout(timeoutMillis);
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) return false;
        bytesRead += n;
        chunkStart = 0;
        chunkEnd = n;
        return true;
    }
}
