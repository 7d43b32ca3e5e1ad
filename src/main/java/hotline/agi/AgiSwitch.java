package hotline.agi;

import hotline.flow.CallerHungUp;
import hotline.flow.QueueEnd;
import hotline.flow.QueueEntry;
import hotline.flow.Switch;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;

/**
 * The {@link Switch} half of the flows' port over one FastAGI channel: queues, the agents'
 * details, the hang-up. Each ends the line's media session first and sets a language chosen
 * meanwhile ({@link AgiCaller#agi()}), as any AGI command does.
 */
final class AgiSwitch implements Switch {

    /** The agent keys' notes are the channel variables HOTLINE_<name>. */
    static final String NOTE = "HOTLINE_";

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

    /** Read on a hung-up channel too (GET VARIABLE runs dead): the call's own session reads the last key's note. */
    @Override
    public Optional<String> note(String name) {
        line.agi();
        try {
            String value = AgiText.clean(channel.sendCommand(new GetVariableCommand(NOTE + name)).getExtra(), 128);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (AgiHangupException e) {
            return Optional.empty();
        } catch (AgiException e) {
            throw new AgiCaller.AgiFailure("get variable " + NOTE + name, e);
        }
    }

    @Override
    public void keepNote(String name, String value) {
        line.send(new SetVariableCommand(NOTE + name, AgiText.clean(value, 128)), "note " + name);
    }

    /** func_volume: VOLUME(TX) multiplies the audio sent to the caller by the factor, for the rest of the call. */
    @Override
    public void louder(int factor) {
        line.send(new SetVariableCommand("VOLUME(TX)", String.valueOf(factor)), "louder");
    }

    /**
     * StartMusicOnHold, then one-second Waits, each followed by a look at the note; StopMusicOnHold.
     * The note comes from another channel (the agent's key, [agent-hold-back]), which can only
     * reach this one's SHARED() variables: a plain variable of the same name is never set.
     */
    @Override
    public boolean holdUntilNote(String name, Duration atMost) {
        String shared = "SHARED(" + NOTE + name + ")";
        line.send(new SetVariableCommand(shared, ""), "hold");
        line.send(new ExecCommand("StartMusicOnHold", ""), "hold");
        try {
            for (long s = 0; s < atMost.toSeconds(); s++) {
                line.send(new ExecCommand("Wait", "1"), "hold");
                if (!line.variable(shared).isBlank()) return true;
            }
            return false;
        } finally {
            try {
                line.send(new ExecCommand("StopMusicOnHold"), "hold");
            } catch (CallerHungUp gone) {
                // the caller hung up on hold
            }
        }
    }

    /** UserEvent(<event>,Key: value,...): an AMI event for the team lead's screen. */
    @Override
    public void alert(String event, Map<String, String> details) {
        String body = details.entrySet().stream()
                .map(e -> AgiText.execArgument(e.getKey()).replaceAll("[^A-Za-z0-9-]", "") + ": "
                        + AgiText.execArgument(e.getValue()))
                .collect(Collectors.joining(","));
        line.send(new ExecCommand("UserEvent", AgiText.execArgument(event) + (body.isEmpty() ? "" : "," + body)),
                "alert " + event);
    }

    /** SoftHangup(<the agent's channel>): the bridge ends, the caller's Queue returns to the call's session. */
    @Override
    public void releaseAgent(String agentChannel) {
        String name = AgiText.clean(agentChannel, 128).replaceAll("[^A-Za-z0-9/@._;:+-]", "");
        if (!name.isEmpty()) line.send(new ExecCommand("SoftHangup", name), "release agent");
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
