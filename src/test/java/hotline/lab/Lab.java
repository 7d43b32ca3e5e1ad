package hotline.lab;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * The lab Asterisk 22 (asterisk-conf/lab.sh start) seen from a test: AMI to place robot
 * calls and collect events, and the full log for the AGI trace. A lab that cannot be
 * reached fails the test; it never skips.
 */
public final class Lab implements AutoCloseable {

    public static final String AMI_USER = "hotline-lab";
    public static final String AMI_SECRET = "hotline-lab-secret";
    /** The callback dialler's own user (manager.conf [hotline]): only originate, call, reporting. */
    public static final String DIALLER_USER = "hotline";
    public static final String DIALLER_SECRET = "hotline-dialler-lab-secret";

    private final ManagerConnection ami;
    /** Every event this session heard, append only (a copy-on-write list cost O(n) a add once classes run side by side). */
    private final List<ManagerEvent> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private Lab(ManagerConnection ami) {
        this.ami = ami;
    }

    public static Lab connect() {
        ManagerConnection ami = new ManagerConnectionFactory("127.0.0.1", 5038, AMI_USER, AMI_SECRET)
                .createManagerConnection();
        ami.registerUserEventClass(HotlineCallEndedEvent.class);
        ami.registerUserEventClass(AudioSocketProbeDoneEvent.class);
        ami.registerUserEventClass(HotlineAgentKeyEvent.class);
        ami.registerUserEventClass(hotline.agi.HotlineCallbackQueuedEvent.class);
        var lab = new Lab(ami);
        ami.addEventListener(lab.events::add);
        try {
            ami.login();
        } catch (Exception e) {
            fail("The lab Asterisk is not reachable on AMI 127.0.0.1:5038 (" + e
                    + "). Start it with: bash asterisk-conf/lab.sh start");
        }
        return lab;
    }

    /** The lab root folder (the chroot); lab.sh and the tests agree on it. */
    public static Path root() {
        String env = System.getenv("HOTLINE_LAB_ROOT");
        return Path.of(env == null || env.isBlank() ? "/var/cache/hotline-ivr/asterisk22-root" : env);
    }

    /** Runs one Asterisk CLI command on the lab ({@code lab.sh cli}); fails the test when it fails. */
    public static String cli(String command) {
        try {
            Process p = new ProcessBuilder("bash", "asterisk-conf/lab.sh", "cli", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) fail("lab.sh cli '" + command + "': " + out);
            return out;
        } catch (java.io.IOException e) {
            return fail("lab.sh cli '" + command + "': " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: lab.sh cli '" + command + "'");
        }
    }

    public static Path fullLog() {
        return root().resolve("var/log/hotline-lab/full");
    }

    /**
     * Places a robot call: {@code Local/s@<robot>} calls {@code s@hotline}. Returns the
     * robot id, also set as ROBOT_ID on the call, that the end event carries.
     */
    public String call(String robot, Map<String, String> variables) {
        return call(robot, "s", variables);
    }

    /** As {@link #call(String, Map)}, dialling {@code number} (a DID) in the hotline context. */
    public String call(String robot, String number, Map<String, String> variables) {
        return originate(robot, "hotline", number, variables);
    }

    /**
     * Places a robot call into another context than the hotline, e.g. {@code audiosocket-probe}
     * (extensions.conf): {@code Local/s@<robot>} calls {@code s@<context>}.
     */
    public String callInto(String robot, String context, Map<String, String> variables) {
        return originate(robot, context, "s", variables);
    }

    /** As {@link #call(String, Map)}, from caller number {@code callerNumber} (digits) instead of 5550100. */
    public String callFrom(String robot, String callerNumber, Map<String, String> variables) {
        return originate(robot, "hotline", "s", variables, callerNumber);
    }

    /** Dialling {@code number} (a DID) from caller number {@code callerNumber}: "anonymous" reaches the hotline as none. */
    public String call(String robot, String number, String callerNumber, Map<String, String> variables) {
        return originate(robot, "hotline", number, variables, callerNumber);
    }

    private String originate(String robot, String context, String exten, Map<String, String> variables) {
        return originate(robot, context, exten, variables, "5550100");
    }

    private String originate(String robot, String context, String exten, Map<String, String> variables,
                             String callerNumber) {
        String robotId = robot + "-" + UUID.randomUUID().toString().substring(0, 8);
        var originate = new OriginateAction();
        originate.setChannel("Local/s@" + robot);
        originate.setContext(context);
        originate.setExten(exten);
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setTimeout(30_000L);
        originate.setCallerId("\"Robot\" <" + callerNumber + ">");
        var vars = new java.util.HashMap<>(variables);
        vars.put("ROBOT_ID", robotId);
        originate.setVariables(vars);
        try {
            ManagerResponse response = ami.sendAction(originate, 10_000);
            if (!"Success".equalsIgnoreCase(response.getResponse())) {
                fail("originate " + robot + " refused: " + response.getMessage());
            }
        } catch (Exception e) {
            fail("originate " + robot + " failed: " + e);
        }
        return robotId;
    }

    /**
     * The hotline side ({@code ;1}) of robot {@code robotId}'s call: the channel its ROBOT_ID was set on.
     * Tests that run beside others match their own call's events by it, never by robot or command alone.
     */
    public String channelOf(String robotId, Duration timeout) {
        return await(org.asteriskjava.manager.event.VarSetEvent.class,
                v -> "ROBOT_ID".equals(v.getVariable()) && robotId.equals(v.getValue())
                        && String.valueOf(v.getChannel()).endsWith(";1"),
                timeout, "the channel of robot " + robotId).getChannel();
    }

    public HotlineCallEndedEvent awaitEnd(String robotId, Duration timeout) {
        return await(HotlineCallEndedEvent.class, e -> robotId.equals(e.getRobotId()), timeout,
                "the end of call " + robotId);
    }

    public <E extends ManagerEvent> E await(Class<E> type, Predicate<E> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0; // events are only ever appended: each is tested once
        while (System.nanoTime() < deadline) {
            int size = events.size();
            for (; checked < size; checked++) {
                ManagerEvent e = events.get(checked);
                if (type.isInstance(e) && match.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            sleep(50);
        }
        return fail("no " + type.getSimpleName() + " for " + what + " within " + timeout.toSeconds() + " s");
    }

    /** The events of {@code type} seen so far, in the order they arrived. */
    public <E extends ManagerEvent> List<E> events(Class<E> type) {
        List<ManagerEvent> seen;
        synchronized (events) {
            seen = List.copyOf(events);
        }
        return seen.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Adds a queue member for the length of a test (AMI QueueAdd). */
    public void addQueueMember(String queue, String iface) {
        send(new org.asteriskjava.manager.action.QueueAddAction(queue, iface), "QueueAdd " + queue);
    }

    public void removeQueueMember(String queue, String iface) {
        send(new org.asteriskjava.manager.action.QueueRemoveAction(queue, iface), "QueueRemove " + queue);
    }

    private void send(org.asteriskjava.manager.action.ManagerAction action, String what) {
        try {
            ManagerResponse response = ami.sendAction(action, 5_000);
            if (!"Success".equalsIgnoreCase(response.getResponse())) {
                fail(what + " refused: " + response.getMessage());
            }
        } catch (Exception e) {
            fail(what + " failed: " + e);
        }
    }

    /**
     * A channel's variable, or a dialplan function read on it (AMI Getvar), e.g. {@code VOLUME(TX)};
     * "" when it has none. The channel must still be up.
     */
    public String variable(String channel, String name) {
        try {
            ManagerResponse response = ami.sendAction(new GetVarAction(channel, name), 5_000);
            if (response instanceof GetVarResponse value) return value.getValue() == null ? "" : value.getValue();
            return fail("Getvar " + name + " on " + channel + " refused: " + response.getMessage());
        } catch (Exception e) {
            return fail("Getvar " + name + " on " + channel + " failed: " + e);
        }
    }

    /** Lines of the lab's full log that mention {@code channel}, after a moment for the logger. */
    public static java.util.List<String> logLines(String channel) {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var lines = java.nio.file.Files.lines(fullLog())) {
            return lines.filter(l -> l.contains(channel)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each pattern (see {@link #played}, {@link #sent}) is found in a later line than the one before. */
    public static void assertInOrder(java.util.List<String> lines, String... patterns) {
        int at = 0;
        for (String fragment : patterns) {
            var p = java.util.regex.Pattern.compile(fragment);
            while (at < lines.size() && !p.matcher(lines.get(at)).find()) at++;
            if (at == lines.size()) {
                fail("'" + fragment + "' not found in order in:\n" + String.join("\n", lines));
            }
            at++;
        }
    }

    /** A log-line pattern: Asterisk played prompt {@code key} in {@code language}. */
    public static String played(String key, String language) {
        return "Playing '" + java.util.regex.Pattern.quote("hotline/" + key) + "\\.\\w+'.*\\(language '"
                + language + "'\\)";
    }

    /**
     * The steps of one call's journal line, in order: each is the step's name (a prompt key,
     * "queue", "say-digits", ...). Prompts stream through the media session, so the journal
     * (and the robot's recording) is where their order shows, not Asterisk's Playback log.
     */
    public static List<String> steps(String journalLine) {
        var m = java.util.regex.Pattern.compile("\"step\":\"([^\"]+)\"").matcher(journalLine);
        List<String> steps = new java.util.ArrayList<>();
        while (m.find()) steps.add(m.group(1));
        return steps;
    }

    /** The journal's steps contain these, in this order (others may come between). */
    public static void assertStepsInOrder(String journalLine, String... steps) {
        assertInOrder(steps(journalLine), java.util.Arrays.stream(steps)
                .map(s -> "^" + java.util.regex.Pattern.quote(s) + "$").toArray(String[]::new));
    }

    /** A log-line pattern: the server sent this AGI command (prefix). */
    public static String sent(String command) {
        return "AGI Rx << " + java.util.regex.Pattern.quote(command);
    }

    public void hangUp(String channel) {
        var hangup = new HangupAction(channel);
        try {
            ami.sendAction(hangup, 5_000);
        } catch (Exception e) {
            fail("hangup " + channel + " failed: " + e);
        }
    }

    /** A pause in a test's own thread (polling the lab's files). */
    public static void pause(long ms) {
        sleep(ms);
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        ami.logoff();
    }
}
