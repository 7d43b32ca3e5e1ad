package hotline.agi;

import hotline.audio.AudioSocketServer;
import hotline.audio.PromptLibrary;
import hotline.config.Script;
import hotline.config.ScriptSource;
import hotline.flow.CallFacts;
import hotline.flow.CallFlow;
import hotline.flow.CallerHungUp;
import hotline.flow.Outcome;
import hotline.flow.Routes;
import hotline.journal.CallRecord;
import hotline.journal.JournalWriter;
import hotline.journal.JournalingCaller;
import hotline.time.Ticker;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One call, from the AGI request to the journal line: takes a script snapshot, runs the flow
 * its script path is routed to ({@link Routes}), and records the outcome in
 * {@code HOTLINE_OUTCOME} and the journal. The one place where a hangup is caught.
 */
final class HotlineCall implements AgiScript {

    static final String OUTCOME_VARIABLE = "HOTLINE_OUTCOME";
    private static final Logger log = LoggerFactory.getLogger(HotlineCall.class);

    private final Supplier<ScriptSource.Snapshot> scripts;
    private final Routes routes;
    private final JournalWriter journal;
    private final Clock clock;
    private final Ticker ticker;
    private final QueuePlaces places;
    private final Optional<AudioSocketServer> audio;
    private final PromptLibrary prompts = new PromptLibrary();

    HotlineCall(Supplier<ScriptSource.Snapshot> scripts, Routes routes, JournalWriter journal, Optional<AudioSocketServer> audio,
                Clock clock, Ticker ticker) {
        this(scripts, routes, journal, audio, clock, ticker, QueuePlaces.inMemory());
    }

    /** @param places arrival order in the queues: this node's memory, or shared by the nodes on one store */
    HotlineCall(Supplier<ScriptSource.Snapshot> scripts, Routes routes, JournalWriter journal, Optional<AudioSocketServer> audio,
                Clock clock, Ticker ticker, QueuePlaces places) {
        this.ticker = ticker;
        this.scripts = scripts;
        this.routes = routes;
        this.journal = journal;
        this.audio = audio;
        this.clock = clock;
        this.places = places;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        ScriptSource.Snapshot taken = scripts.get(); // this call's script and its version, to its end
        Script snapshot = taken.script();
        String callId = AgiText.clean(request.getUniqueId(), 64);
        CallRecord record = new CallRecord(clock)
                .with("call", callId)
                .with("channel", AgiText.clean(request.getChannel(), 128))
                .with("caller", AgiText.clean(request.getCallerIdNumber(), 64))
                .with("caller-name", AgiText.clean(request.getCallerIdName(), 80))
                .with("dialled", AgiText.clean(request.getExtension(), 64))
                .with("language", snapshot.languages().fallback())
                .with("script-version", taken.version());
        MDC.put("call", callId);
        try {
            String path = AgiText.clean(request.getScript(), 64);
            Optional<CallFlow> flow = routes.flowFor(path, snapshot);
            if (flow.isEmpty()) {
                refuse(channel, record.with("script", path), path);
            } else {
                run(flow.get(), request, channel, snapshot, callId, record);
            }
        } finally {
            MDC.remove("call");
        }
    }

    private void run(CallFlow flow, AgiRequest request, AgiChannel channel, Script snapshot, String callId,
                     CallRecord record) {
        var facts = new CallFacts(AgiText.clean(request.getExtension(), 64),
                AgiText.clean(request.getCallerIdNumber(), 64).replaceAll("[^0-9]", ""), callId);
        Optional<AgiEars> ears = snapshot.inbound().listening().listensToAudio()
                ? audio.map(server -> new AgiEars(new AgiMedia(channel, server, snapshot.lineQuality(), callId), prompts,
                        snapshot.sounds().dir(), snapshot.languages().fallback()))
                : Optional.empty();
        var agi = new AgiCaller(channel, snapshot.languages().fallback(), callId, ears, ticker);
        var phoneSwitch = new AgiSwitch(agi, channel, callId, places, clock);
        Outcome outcome = new Outcome.Failed("internal-error");
        try {
            outcome = flow.run(JournalingCaller.of(agi, phoneSwitch, record), facts);
        } catch (CallerHungUp e) {
            outcome = new Outcome.CallerHungUpDuring(record.currentStep());
        } catch (RuntimeException e) {
            log.error("call failed in step {}", record.currentStep(), e);
        } finally {
            agi.close(); // the media session ends before the outcome is set over AGI
            places.leaveAll(callId); // a call that ends, however it ends, holds no place in any queue
            end(agi, record, outcome);
        }
    }

    /** No flow is routed to this path: nothing is played, the dialplan falls back. */
    private void refuse(AgiChannel channel, CallRecord record, String path) {
        log.warn("no flow for script path '/{}' (routed: {}): {}", path, routes.paths(), Routes.UNKNOWN_SCRIPT.code());
        end(new AgiCaller(channel, "en", "", Optional.empty()), record, Routes.UNKNOWN_SCRIPT);
    }

    private void end(AgiCaller agi, CallRecord record, Outcome outcome) {
        record.outcome(outcome.code());
        try {
            agi.setVariable(OUTCOME_VARIABLE, outcome.code());
        } catch (RuntimeException gone) { // the channel is gone (hung up, or the drain cut it)
            log.debug("cannot set {}: {}", OUTCOME_VARIABLE, gone.toString());
        }
        journal.write(record); // every call's line, also a cut one's
        log.info("call ended: {}", outcome.code());
    }
}
