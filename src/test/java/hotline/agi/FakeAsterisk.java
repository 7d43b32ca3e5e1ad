package hotline.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plays Asterisk's side of one FastAGI session from a transcript: sends the request,
 * answers each command with the reply the test chose, and records what was sent.
 * Replies follow the wire format recorded from Asterisk 22 (docs/lab.md).
 */
final class FakeAsterisk {

    final Map<String, String> request = new LinkedHashMap<>();
    final List<String> commands = new ArrayList<>();

    FakeAsterisk(String script, String channel) {
        request.put("agi_network", "yes");
        request.put("agi_network_script", script);
        request.put("agi_request", "agi://127.0.0.1/" + script);
        request.put("agi_channel", channel);
        request.put("agi_language", "en");
        request.put("agi_type", "Local");
        request.put("agi_uniqueid", "1764000000.42");
        request.put("agi_version", "22.10.1");
        request.put("agi_callerid", "5551234");
        request.put("agi_calleridname", "Robot");
        request.put("agi_context", "hotline");
        request.put("agi_extension", "s");
        request.put("agi_priority", "2");
    }

    /** Runs the session until the server closes the connection; returns the commands. */
    List<String> call(int port, Function<String, String> replies) throws IOException {
        return call(port, headerBytes(), replies);
    }

    /** The request as Asterisk writes it: {@code key: value} lines, values unescaped, a blank line. */
    byte[] headerBytes() {
        var header = new StringBuilder();
        request.forEach((key, value) -> header.append(key).append(": ").append(value).append('\n'));
        return header.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Runs a session that starts with exactly these bytes (a header of any shape). */
    List<String> call(int port, byte[] header, Function<String, String> replies) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000); // a server that never answers fails the test instead of hanging it
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            s.getOutputStream().write(header);
            s.getOutputStream().flush();
            String command;
            while ((command = in.readLine()) != null) {
                commands.add(command);
                try {
                    out.write(replies.apply(command) + "\n");
                    out.flush();
                } catch (java.net.SocketException hungUp) {
                    break; // the server closed while a reply was still being written, as Asterisk sees it too
                }
            }
        }
        return commands;
    }

    /** How Asterisk 22 answers a live, silent caller. */
    static String silentCaller(String command) {
        if (command.startsWith("GET VARIABLE WAITSTATUS")) return "200 result=1 (TIMEOUT)";
        if (command.startsWith("STREAM FILE")) return "200 result=0 endpos=24000";
        if (command.startsWith("SET VARIABLE") || command.startsWith("HANGUP")) return "200 result=1";
        return "200 result=0";
    }
}
