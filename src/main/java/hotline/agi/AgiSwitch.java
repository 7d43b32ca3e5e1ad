package hotline.agi;

import hotline.flow.CallerHungUp;
import hotline.flow.QueueEnd;
import hotline.flow.QueueEntry;
import hotline.flow.Switch;
import java.time.Clock;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;

/**
 * The {@link Switch} half of the flows' port over one FastAGI channel: queues, the agents'
 * details, the hang-up. Each ends the line's media session first and sets a language chosen
 * meanwhile ({@link AgiCaller#agi()}), as any AGI command does.
 */
final class AgiSwitch implements Switch {

    private final AgiCaller line;
    private final AgiChannel channel;
    private final AgiQueues queues;

    AgiSwitch(AgiCaller line, AgiChannel channel, String callId, QueuePlaces places, Clock clock) {
        this.line = line;
        this.channel = channel;
        this.queues = new AgiQueues(channel, callId, places, clock);
    }

    @Override
    public void tellAgents(Map<String, String> details) {
        // "__" makes the variables inherited by the agent's channel that the queue creates
        details.forEach((name, value) -> line.send(new SetVariableCommand("__HOTLINE_" + name,
                AgiText.clean(value, 128)), "share " + name));
    }

    @Override
    public int membersLoggedIn(String queue) {
        line.agi();
        return queues.membersLoggedIn(queue);
    }

    @Override
    public QueueEnd enqueue(QueueEntry entry) {
        line.agi();
        return queues.enqueue(entry);
    }

    @Override
    public void hangUp() {
        try {
            line.agi();
            channel.sendCommand(new HangupCommand());
        } catch (CallerHungUp | AgiHangupException e) {
            // already gone: the caller hung up first, which §3 prefers anyway
        } catch (AgiException e) {
            throw new AgiCaller.AgiFailure("hangup", e);
        }
    }
}
