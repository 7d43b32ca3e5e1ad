package hotline.bench;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;

/**
 * The baseline: bare Asterisk-Java's {@code DefaultAgiServer} running the silent-line script as
 * the hotline sends it with the energy detector, command for command (the same 13 commands and
 * pauses; Asterisk-Java adds the 14th, {@code SET VARIABLE AJ_AGISTATUS}, to both), and nothing
 * else: no config snapshot, no journal, no metrics. Run in a JVM of its own, like the hotline.
 */
public final class BareAsteriskJava {

    private BareAsteriskJava() {}

    /** {@code BareAsteriskJava <port> <threads>}: serves until killed. */
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[1]);
        var server = new DefaultAgiServer(new SilentLine());
        server.setPort(Integer.parseInt(args[0]));
        server.setAddress(java.net.InetAddress.getLoopbackAddress());
        server.setPoolSize(threads);
        server.setMaximumPoolSize(threads);
        server.startup(); // blocks
    }

    /** The hotline's silent line, §2: greeting, options, two windows, the re-prompt, goodbye, 5 s, hang up. */
    static final class SilentLine implements AgiScript {
        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            channel.sendCommand(new AnswerCommand());
            channel.sendCommand(new SetVariableCommand("CHANNEL(language)", "en"));
            channel.sendCommand(new StreamFileCommand("hotline/greeting", "12345908"));
            channel.sendCommand(new StreamFileCommand("hotline/more-options", "12345908"));
            channel.sendCommand(new ExecCommand("WaitForNoise", "300", "1", "5"));
            channel.sendCommand(new GetVariableCommand("WAITSTATUS"));
            channel.sendCommand(new StreamFileCommand("hotline/cant-hear-you", "12345908"));
            channel.sendCommand(new ExecCommand("WaitForNoise", "300", "1", "5"));
            channel.sendCommand(new GetVariableCommand("WAITSTATUS"));
            channel.sendCommand(new StreamFileCommand("hotline/no-sound-goodbye", ""));
            channel.sendCommand(new ExecCommand("Wait", "5.000"));
            channel.sendCommand(new HangupCommand());
            channel.sendCommand(new SetVariableCommand("HOTLINE_OUTCOME", "silent-line-goodbye"));
        }
    }
}
