package hotline.agi;

import hotline.config.Dialler;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.DbGetResponseEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * {@link Switchboard} over AMI (Asterisk-Java's ManagerConnection). A queue's state is two
 * {@code Getvar}s of dialplan functions; a call is an async {@code Originate} into
 * {@code [hotline-callback]} whose ActionID carries the callback id, so the
 * {@code OriginateResponse} event finds it again.
 */
final class AmiSwitchboard implements Switchboard {

    static final String CONTEXT = "hotline-callback";
    private static final long ACTION_TIMEOUT_MS = 5_000;
    private static final Pattern ACTION_ID = Pattern.compile("hotline-callback-(\\d{1,18})-(\\d{1,6})");

    private final ManagerConnection ami;
    private final CopyOnWriteArrayList<Consumer<DialEvent>> listeners = new CopyOnWriteArrayList<>();

    AmiSwitchboard(Dialler config) {
        ami = new ManagerConnectionFactory(config.amiHost(), config.amiPort(), config.amiUser(), config.amiSecret())
                .createManagerConnection();
        ami.registerUserEventClass(HotlineCallbackQueuedEvent.class);
        ami.registerUserEventClass(HotlineCallbackEndedEvent.class);
        ami.addEventListener(this::dispatch);
    }

    @Override
    public synchronized void connect() {
        ManagerConnectionState state = ami.getState();
        if (state == ManagerConnectionState.CONNECTED) return;
        if (state == ManagerConnectionState.RECONNECTING) {
            throw new SwitchboardException("AMI reconnecting to " + where());
        }
        try {
            ami.login();
        } catch (Exception e) {
            throw new SwitchboardException("AMI login to " + where() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Line line(String queue) {
        return new Line(number("QUEUE_MEMBER(" + queue + ",ready)"), number("QUEUE_WAITING_COUNT(" + queue + ")"));
    }

    @Override
    public Optional<Integer> answeredAttempt(String mark) {
        if (!mark.matches("\\d{1,18}-\\d{1,15}")) throw new IllegalArgumentException("mark: '" + mark + "' is not <id>-<ms>");
        // DBGet, not Getvar DB(): AMI may not read DB() (a "dangerous" function); DBGet needs only "reporting"
        String what = "DBGet " + CONTEXT + "/" + mark;
        ResponseEvents answer;
        try {
            answer = ami.sendEventGeneratingAction(new DbGetAction(CONTEXT, mark), ACTION_TIMEOUT_MS);
        } catch (Exception e) {
            throw new SwitchboardException(what + " on " + where() + ": " + e, e);
        }
        ManagerResponse response = answer == null ? null : answer.getResponse();
        if (response == null) throw new SwitchboardException(what + ": no response");
        if (response instanceof ManagerError || !"Success".equalsIgnoreCase(response.getResponse())) {
            return Optional.empty(); // "Database entry not found": nobody answered
        }
        String value = answer.getEvents().stream().filter(DbGetResponseEvent.class::isInstance)
                .map(e -> ((DbGetResponseEvent) e).getVal()).filter(java.util.Objects::nonNull).findFirst().orElse("").strip();
        if (value.isEmpty()) return Optional.empty();
        if (!value.matches("\\d{1,6}")) { // read back from Asterisk: untrusted
            String shown = value.substring(0, Math.min(40, value.length())).replaceAll("[^\\x20-\\x7e]", "?");
            throw new SwitchboardException(what + " gave '" + shown + "'");
        }
        return Optional.of(Integer.parseInt(value));
    }

    private int number(String function) {
        var response = send(new GetVarAction(function), "Getvar " + function);
        String value = response instanceof GetVarResponse g && g.getValue() != null ? g.getValue().strip() : "";
        if (!value.matches("\\d{1,6}")) {
            throw new SwitchboardException("Getvar " + function + " gave '" + value + "' (is the queue in queues.conf?)");
        }
        return Integer.parseInt(value);
    }

    @Override
    public void originate(Placement placement) {
        var originate = new OriginateAction();
        originate.setChannel(placement.channel());
        originate.setContext(CONTEXT);
        originate.setExten("s");
        originate.setPriority(1);
        originate.setTimeout(placement.ringFor().toMillis());
        originate.setAsync(true);
        originate.setActionId("hotline-callback-" + placement.callbackId() + "-" + placement.attempt());
        var variables = new HashMap<String, String>();
        placement.variables().forEach((k, v) -> variables.put(AmiText.requireSafe("variable name", k),
                AmiText.requireSafe(k, v))); // checked again at the boundary: nothing stored reaches AMI raw
        originate.setVariables(variables);
        String what = "Originate " + AmiText.requireSafe("channel", placement.channel());
        if (ami.getState() != ManagerConnectionState.CONNECTED) {
            throw new NotPlaced(what + ": AMI is " + ami.getState(), false, null);
        }
        ManagerResponse response;
        try {
            response = ami.sendAction(originate, ACTION_TIMEOUT_MS);
        } catch (IllegalStateException e) { // Asterisk-Java sends nothing unless connected
            throw new NotPlaced(what + " not sent: " + e.getMessage(), false, e);
        } catch (Exception e) { // a timeout or a broken write: Asterisk may have it
            throw new OutcomeUnknown(what + " on " + where() + ": no response in " + ACTION_TIMEOUT_MS + " ms (" + e
                    + "); waiting for its OriginateResponse", e);
        }
        if (response == null) throw new OutcomeUnknown(what + ": no response", null);
        if (response instanceof ManagerError || !"Success".equalsIgnoreCase(response.getResponse())) {
            throw new NotPlaced(what + " refused: " + response.getMessage(), true, null);
        }
    }

    @Override
    public void onEvent(Consumer<DialEvent> listener) {
        listeners.add(listener);
    }

    private void dispatch(ManagerEvent event) {
        toDialEvent(event).ifPresent(e -> Thread.ofVirtual().name("callback-event")
                .start(() -> listeners.forEach(l -> l.accept(e))));
    }

    static Optional<DialEvent> toDialEvent(ManagerEvent event) {
        return switch (event) {
            case OriginateResponseEvent r -> placement(r.getActionId()).map(p -> r.isSuccess()
                    ? new DialEvent.Answered(p[0], (int) p[1])
                    : new DialEvent.Unanswered(p[0], (int) p[1], DialEvent.why(r.getReason() == null ? 0 : r.getReason())));
            case HotlineCallbackQueuedEvent q -> id(q.getCallbackId()).map(DialEvent.Queued::new);
            case HotlineCallbackEndedEvent e -> id(e.getCallbackId()).map(DialEvent.Ended::new);
            default -> Optional.empty();
        };
    }

    /** {callback id, attempt} from our ActionID (Asterisk-Java may prefix it with its own id). */
    private static Optional<long[]> placement(String actionId) {
        if (actionId == null) return Optional.empty();
        var m = ACTION_ID.matcher(actionId);
        return m.find() && m.end() == actionId.length()
                ? Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))}) : Optional.empty();
    }

    private static Optional<Long> id(String text) {
        return text != null && text.strip().matches("\\d{1,18}") ? Optional.of(Long.parseLong(text.strip()))
                : Optional.empty();
    }

    private ManagerResponse send(ManagerAction action, String what) {
        ManagerResponse response;
        try {
            response = ami.sendAction(action, ACTION_TIMEOUT_MS);
        } catch (Exception e) {
            throw new SwitchboardException(what + " on " + where() + ": " + e, e);
        }
        if (response == null || response instanceof ManagerError
                || !"Success".equalsIgnoreCase(response.getResponse())) {
            throw new SwitchboardException(what + " refused: " + (response == null ? "no response" : response.getMessage()));
        }
        return response;
    }

    private String where() {
        return ami.getUsername() + "@" + ami.getHostname() + ":" + ami.getPort();
    }

    @Override
    public void close() {
        var state = ami.getState();
        if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
            try {
                ami.logoff();
            } catch (RuntimeException e) {
                // leaving anyway
            }
        }
    }
}
