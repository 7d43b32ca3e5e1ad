package hotline.agi;

import hotline.flow.CallerHungUp;
import hotline.flow.QueueEnd;
import hotline.flow.QueueEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetFullVariableCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's stays in app_queue queues: the place in line kept across stays, the agent
 * whisper, the wait clock the apology whisper reads, and how each stay ended.
 */
final class AgiQueues {

    private static final Logger log = LoggerFactory.getLogger(AgiQueues.class);

    private final AgiChannel channel;
    private final String callId;
    private final QueuePlaces places;
    private final Clock clock;
    private Optional<Instant> waitStarted = Optional.empty();

    AgiQueues(AgiChannel channel, String callId, QueuePlaces places, Clock clock) {
        this.channel = channel;
        this.callId = callId;
        this.places = places;
        this.clock = clock;
    }

    int membersLoggedIn(String queue) {
        String value;
        try {
            value = channel.sendCommand(new GetFullVariableCommand("${QUEUE_MEMBER(" + queue + ",logged)}")).getExtra();
        } catch (AgiHangupException e) {
            throw new CallerHungUp("checking queue " + queue);
        } catch (AgiException e) {
            throw new AgiCaller.AgiFailure("queue members " + queue, e);
        }
        try {
            return value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            log.warn("QUEUE_MEMBER({},logged) gave '{}'; counting nobody", queue, value);
            return 0;
        }
    }

    QueueEnd enqueue(QueueEntry entry) {
        String position = entry.keepPlace()
                ? String.valueOf(places.placeFor(entry.queue(), callId, clock.instant())) : "";
        String gosub = entry.whisper().orElse(""); // app_queue runs Gosub(<context>,s,1)
        try {
            if (entry.apologiseAfter().isPresent()) startWaitClock(entry.apologiseAfter().get());
            AgiReply reply = channel.sendCommand(new ExecCommand("Queue", entry.queue(), "", "", "",
                    String.valueOf(entry.timeout().toSeconds()), "", gosub, "", position));
            String member = channel.sendCommand(new GetVariableCommand("MEMBERINTERFACE")).getExtra();
            if (member != null && !member.isEmpty()) {
                places.leave(entry.queue(), callId);
                return new QueueEnd.Answered(AgiText.clean(member));
            }
            if (reply.getResultCode() == -1) {
                return new QueueEnd.Abandoned();
            }
            String status = channel.sendCommand(new GetVariableCommand("QUEUESTATUS")).getExtra();
            return new QueueEnd.NotAnswered(status == null ? "" : AgiText.clean(status));
        } catch (AgiHangupException e) {
            return new QueueEnd.Abandoned(); // hanging up in a queue is how callers leave it
        } catch (AgiException e) {
            throw new AgiCaller.AgiFailure("queue " + entry.queue(), e);
        }
    }

    /**
     * Tells the agent's channel when this caller's wait began (epoch seconds, set at the
     * first stay) and after how long an apology is due; [agent-whisper] compares them with
     * Asterisk's clock when an agent answers (both hosts keep NTP time).
     */
    private void startWaitClock(Duration apologiseAfter) throws AgiException {
        if (waitStarted.isPresent()) return;
        waitStarted = Optional.of(clock.instant());
        channel.sendCommand(new SetVariableCommand("__HOTLINE_WAIT_STARTED",
                String.valueOf(waitStarted.get().getEpochSecond())));
        channel.sendCommand(new SetVariableCommand("__HOTLINE_APOLOGISE_AFTER",
                String.valueOf(apologiseAfter.toSeconds())));
    }
}
