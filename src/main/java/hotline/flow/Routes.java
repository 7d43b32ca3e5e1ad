package hotline.flow;

import hotline.config.AgentScripts;
import hotline.config.Script;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The route table: the FastAGI script path the dialplan calls ({@code agi://host:port/<path>})
 * → the flow a call on that path runs, built from the call's own script snapshot. A path not in
 * the table runs nothing: the call ends as {@code failed:unknown-script} and the dialplan falls back.
 */
public final class Routes {

    /** {@code agi://host:port/hotline}: the inbound hotline (docs/call-flows/inbound.md). */
    public static final String INBOUND = "hotline";
    /** The outcome of a call on a path no flow is routed to. */
    public static final Outcome UNKNOWN_SCRIPT = new Outcome.Failed("unknown-script");

    private final Map<String, Function<Script, CallFlow>> flows;

    public Routes(Map<String, Function<Script, CallFlow>> flows) {
        this.flows = Map.copyOf(flows);
    }

    /** {@code agi://host:port/agent/<script>}: an agent's key (issue 11, docs/agent-keys.md). */
    public static final String AGENT_PREFIX = "agent/";

    /**
     * The shipped table: {@code /hotline} → the inbound flow, and {@code /agent/<script>} → that
     * agent key's script for each of {@link AgentScripts#SCRIPTS} but hold-back (the agent's own
     * side runs it); callbacks booked in {@code book}, time from {@code clock}.
     */
    public static Routes standard(CallbackBook book, java.time.InstantSource clock) {
        return standard(book, CallerHistory.NONE, clock);
    }

    /** As above, callers looked up and reported in {@code callers} (block list, repeat callers, abuse reports). */
    public static Routes standard(CallbackBook book, CallerHistory callers, java.time.InstantSource clock) {
        var flows = new java.util.HashMap<String, Function<Script, CallFlow>>();
        flows.put(INBOUND, snapshot -> new InboundFlow(snapshot, book, callers, clock));
        for (String script : AgentScripts.SCRIPTS) {
            if (script.equals(AgentScripts.HOLD_BACK)) continue;
            flows.put(AGENT_PREFIX + script, snapshot -> new AgentKeyFlow(script, snapshot, book, callers, clock));
        }
        return new Routes(flows);
    }

    /** The flow for a call on {@code path} following {@code snapshot}; empty when no flow is routed there. */
    public Optional<CallFlow> flowFor(String path, Script snapshot) {
        return Optional.ofNullable(flows.get(path)).map(f -> f.apply(snapshot));
    }

    public Set<String> paths() {
        return new TreeMap<>(flows).keySet();
    }
}
