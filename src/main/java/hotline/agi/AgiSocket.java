package hotline.agi;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI connection, in the shape Asterisk-Java's connection handler reads and
 * writes (its own implementation cannot be built from an accepted socket outside its
 * package). It hands over the header {@link AgiHeader} already checked, then reads
 * Asterisk's replies as bounded lines: at most 8 KB each, each finished within the
 * header timeout once it has begun. Asterisk answers one command with one line, so a
 * second line already waiting behind a reply is a forged reply (a channel variable
 * holding a line break): the connection is then treated as hung up, nothing more is read.
 */
final class AgiSocket implements SocketConnectionFacade {

    private static final Logger log = LoggerFactory.getLogger(AgiSocket.class);

    private final Socket socket;
    private final AgiLineReader reader;
    private final Writer out;
    private final Duration lineTimeout;
    /** The checked header, then the blank line that ends it, then Asterisk's replies. */
    private final Deque<String> ahead = new ArrayDeque<>();
    private boolean inUsageText;
    private String brokenBecause;

    AgiSocket(Socket socket, AgiLineReader reader, List<String> header, Duration lineTimeout) throws IOException {
        this.socket = socket;
        this.reader = reader;
        this.lineTimeout = lineTimeout;
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        ahead.addAll(header);
        ahead.add("");
    }

    @Override
    public String readLine() throws IOException {
        if (!ahead.isEmpty()) return ahead.poll();
        if (brokenBecause != null) throw new IOException("AGI protocol error: " + brokenBecause);
        String line = readReplyLine();
        if (line == null || expectsMoreLines(line)) return line;
        // nothing but Asterisk's own hang-up notice may follow a reply before the next command
        while (reader.hasWaitingBytes()) {
            String next = readReplyLine();
            if (next == null) break;
            if (!next.equals("HANGUP") || ahead.size() > 0) {
                return broken("a second line arrived behind the reply '" + shorten(line) + "'");
            }
            ahead.add(next);
        }
        return line;
    }

    /** Lines of one reply that Asterisk-Java reads on: 520 usage text, 100 Trying, a HANGUP notice. */
    private boolean expectsMoreLines(String line) {
        if (line.startsWith("520-")) inUsageText = true;
        else if (line.startsWith("520 ")) inUsageText = false;
        return inUsageText || line.startsWith("100 ") || line.equals("HANGUP");
    }

    private String readReplyLine() throws IOException {
        try {
            // Asterisk may take minutes to answer (a queue), but once a line starts it comes at once
            if (!reader.awaitData(AgiLineReader.NO_DEADLINE)) return null;
            byte[] raw = reader.readLine(AgiHeader.MAX_LINE_BYTES, System.nanoTime() + lineTimeout.toNanos());
            return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
        } catch (AgiLineReader.LineTooLong | java.net.SocketTimeoutException e) {
            return broken(e.getMessage());
        }
    }

    private String broken(String why) throws IOException {
        brokenBecause = why;
        log.warn("AGI protocol error from {}: {}; the call is treated as hung up", socket.getInetAddress(), why);
        throw new IOException("AGI protocol error: " + why);
    }

    private static String shorten(String line) {
        return AgiText.clean(line, 40);
    }

    @Override public void write(String s) throws IOException { out.write(s); }
    @Override public void flush() throws IOException { out.flush(); }
    @Override public void close() throws IOException { socket.close(); }
    @Override public boolean isConnected() { return socket.isConnected() && !socket.isClosed(); }
    @Override public InetAddress getLocalAddress() { return socket.getLocalAddress(); }
    @Override public int getLocalPort() { return socket.getLocalPort(); }
    @Override public InetAddress getRemoteAddress() { return socket.getInetAddress(); }
    @Override public int getRemotePort() { return socket.getPort(); }
}
