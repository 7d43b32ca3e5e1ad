package hotline.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The per-call part of hotline.yaml: what a call plays, hears and decides. Immutable; each call
 * takes one snapshot at its start ({@link ScriptSource}) and keeps it to its end, including the
 * reply time it promises a caller who books a callback.
 *
 * @param sounds      where the prompts' audio is ({@code sounds:})
 * @param languages   languages, the menu and the dialect option ({@code languages:})
 * @param lineQuality the listening thresholds ({@code line-quality:}; its bind address and port
 *                    are {@link Settings}: the AudioSocket server binds them at start)
 * @param inbound     the inbound script ({@code inbound:})
 * @param promises    reason code → promised reply time ({@code store.promise}): said by the
 *                    confirmed prompt and stored with the request, so both come from one snapshot
 * @param agentScripts the agent's keys and their scripts ({@code agent-scripts:}, docs/agent-keys.md)
 * @param callers     repeat callers, abuse reports and the block list ({@code callers:})
 * @param hours       opening hours, holidays and exceptional openings ({@code hours:}); left out: always open
 */
public record Script(Sounds sounds, Languages languages, LineQuality lineQuality, InboundScript inbound,
                     Map<String, Duration> promises, AgentScripts agentScripts, Callers callers, Hours hours) {

    public Script {
        promises = Map.copyOf(promises);
        agentScripts = agentScripts == null ? AgentScripts.defaults() : agentScripts;
        callers = callers == null ? Callers.defaults() : callers;
        hours = hours == null ? Hours.defaults() : hours;
    }

    /** With the shipped {@code callers:} defaults; always open. */
    public Script(Sounds sounds, Languages languages, LineQuality lineQuality, InboundScript inbound,
                  Map<String, Duration> promises, AgentScripts agentScripts) {
        this(sounds, languages, lineQuality, inbound, promises, agentScripts, null, null);
    }

    /** With the shipped agent scripts. */
    public Script(Sounds sounds, Languages languages, LineQuality lineQuality, InboundScript inbound,
                  Map<String, Duration> promises) {
        this(sounds, languages, lineQuality, inbound, promises, null, null, null);
    }

    /** The reply time this script promises for {@code reason}; empty for a reason it does not know. */
    public Optional<Duration> promiseFor(String reason) {
        return Optional.ofNullable(promises.get(reason));
    }

    public Script withInbound(InboundScript newInbound) {
        return new Script(sounds, languages, lineQuality, newInbound, promises, agentScripts, callers, hours);
    }

    public Script withHours(Hours newHours) {
        return new Script(sounds, languages, lineQuality, inbound, promises, agentScripts, callers, newHours);
    }

    public Script withCallers(Callers newCallers) {
        return new Script(sounds, languages, lineQuality, inbound, promises, agentScripts, newCallers, hours);
    }
}
