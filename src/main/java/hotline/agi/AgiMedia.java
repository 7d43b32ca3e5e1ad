package hotline.agi;

import hotline.audio.AudioSocketServer;
import hotline.audio.MediaSession;
import hotline.config.LineQuality;
import hotline.flow.CallerHungUp;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call's ears (docs/line-quality.md): one {@link MediaSession} at a time, opened with
 * {@code EXEC AudioSocket} on a thread of its own, since the AGI channel is busy until the
 * session ends. While it is open the call's thread plays and listens through it and sends
 * no AGI command; {@link #release()} ends it (the EXEC returns) before one is sent.
 */
final class AgiMedia {

    private static final Logger log = LoggerFactory.getLogger(AgiMedia.class);
    static final Duration CONNECT_WITHIN = Duration.ofSeconds(2);
    /** After our hangup frame, Asterisk's EXEC returns within milliseconds; this is the bound. */
    static final Duration RELEASE_WITHIN = Duration.ofSeconds(3);
    /** Sessions lost with the channel still up before the call gives up on AudioSocket. */
    private static final int LOSSES_TOLERATED = 2;

    private final AgiChannel channel;
    private final AudioSocketServer server;
    private final LineQuality quality;
    private final String callId;
    private MediaSession session;
    private CompletableFuture<AgiReply> exec;
    private int losses;

    AgiMedia(AgiChannel channel, AudioSocketServer server, LineQuality quality, String callId) {
        this.channel = channel;
        this.server = server;
        this.quality = quality;
        this.callId = callId;
    }

    /** The open session, opening one when there is none; empty when AudioSocket does not work for this call. */
    Optional<MediaSession> session() {
        if (session != null && session.isOpen()) return Optional.of(session);
        if (session != null) lost();
        if (losses >= LOSSES_TOLERATED) return Optional.empty();
        MediaSession opened = server.open(callId, quality);
        CompletableFuture<AgiReply> running = new CompletableFuture<>();
        Thread.ofVirtual().name("agi-audiosocket-" + callId).start(() -> {
            try {
                running.complete(channel.sendCommand(new ExecCommand("AudioSocket", opened.audioSocketArguments())));
            } catch (AgiException | RuntimeException e) {
                running.completeExceptionally(e);
            }
        });
        running.whenComplete((reply, failure) -> opened.close());
        session = opened;
        exec = running;
        if (!opened.awaitConnected(CONNECT_WITHIN)) {
            log.warn("AudioSocket did not connect within {} ms", CONNECT_WITHIN.toMillis());
            lost();
            return Optional.empty();
        }
        return Optional.of(opened);
    }

    /** Whether a session is open now (AGI commands must wait for {@link #release()}). */
    boolean isOpen() {
        return session != null;
    }

    /** Ends the open session, if any, and waits for the EXEC to return; a dead channel is a hangup. */
    void release() {
        if (session == null) return;
        session.close();
        AgiReply reply = awaitExec();
        session = null;
        exec = null;
        if (reply == null || reply.getResultCode() == -1) requireAlive("the end of the media session");
    }

    /**
     * The session ended from Asterisk's side: the caller hung up ({@link CallerHungUp}), or
     * AudioSocket gave up with the channel still up (counted; the flow carries on).
     */
    void lost() {
        if (session == null) return;
        session.close();
        AgiReply reply = awaitExec();
        session = null;
        exec = null;
        requireAlive("a media session");
        losses++;
        log.warn("media session lost with the channel up (reply {}); {} of {} tolerated", reply == null ? "none"
                : reply.getFirstLine(), losses, LOSSES_TOLERATED);
    }

    private AgiReply awaitExec() {
        try {
            return exec.get(RELEASE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AgiHangupException) throw new CallerHungUp("during the media session");
            throw new AgiCaller.AgiFailure("EXEC AudioSocket", e.getCause());
        } catch (TimeoutException e) {
            throw new AgiCaller.AgiFailure("EXEC AudioSocket did not return after the hangup frame", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgiCaller.AgiFailure("interrupted waiting for EXEC AudioSocket", e);
        }
    }

    private void requireAlive(String step) {
        AgiCaller.requireAlive(channel, step);
    }
}
