package hotline.agi;

import hotline.flow.Outcome;
import hotline.journal.CallRecord;
import hotline.journal.JournalWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a refused FastAGI request: the one command it gets is
 * {@code SET VARIABLE HOTLINE_OUTCOME failed:bad-request}, so the dialplan plays its
 * fallback, and no flow runs. Log and journal lines are rate-limited: a flood of bad
 * connections must not become a flood on disk.
 */
final class BadRequests {

    static final String OUTCOME = new Outcome.Failed("bad-request").code();
    private static final Logger log = LoggerFactory.getLogger(BadRequests.class);
    /** What is read and dropped while Asterisk finishes its header and takes the command. */
    private static final long DISCARD_BUDGET = 1 << 20;
    private static final Duration DISCARD_FOR = Duration.ofSeconds(2);

    private final JournalWriter journal;
    private final Clock clock;
    private final RateLimit logLines = new RateLimit(5, Duration.ofSeconds(10));
    private final RateLimit journalLines = new RateLimit(20, Duration.ofSeconds(1));
    private final AtomicLong refused = new AtomicLong();

    BadRequests(JournalWriter journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    long refusedSoFar() {
        return refused.get();
    }

    void refuse(Socket socket, AgiLineReader reader, AgiHeader.Refused why) {
        String peer = String.valueOf(socket.getInetAddress());
        if (logLines.tryAcquire()) {
            log.warn("refused a FastAGI request from {}: {} ({} more refused unlogged)",
                    peer, why.getMessage(), logLines.takeSuppressed());
        }
        // a socket that sent nothing is a port scan or an idle neighbour, not a call
        if (why.sentAnything() && journalLines.tryAcquire()) {
            CallRecord record = new CallRecord(clock).with("peer", peer).with("refused", why.getMessage());
            record.outcome(OUTCOME);
            journal.write(record);
        }
        refused.incrementAndGet(); // after the journal line, so a count seen means the line is written
        sendOutcome(socket, reader);
    }

    private static void sendOutcome(Socket socket, AgiLineReader reader) {
        try {
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            out.write("SET VARIABLE \"" + HotlineCall.OUTCOME_VARIABLE + "\" \"" + OUTCOME + "\"\n");
            out.flush();
            socket.shutdownOutput();
            // Asterisk reads the command once it has written its whole header; closing with
            // its bytes unread would reset the connection and could lose the command
            reader.discard(DISCARD_BUDGET, System.nanoTime() + DISCARD_FOR.toNanos());
        } catch (IOException gone) {
            // the peer is gone or stalled: the dialplan sees no outcome and falls back anyway
        }
    }
}
