package hotline.agi;

import hotline.config.HotlineConfig;
import hotline.flow.CallFacts;
import hotline.flow.CallbackBook;
import hotline.flow.CallerHungUp;
import hotline.flow.InboundFlow;
import hotline.flow.Outcome;
import hotline.journal.CallRecord;
import hotline.journal.JournalWriter;
import hotline.journal.JournalingCaller;
import hotline.audio.AudioSocketServer;
import hotline.audio.PromptLibrary;
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
 * One inbound call, from the AGI request to the journal line: takes a config snapshot,
 * runs the flow, and records the outcome in {@code HOTLINE_OUTCOME} and the journal.
 * The one place where a hangup is caught.
 */
final class HotlineCall implements AgiScript {

    static final String OUTCOME_VARIABLE = "HOTLINE_OUTCOME";
    private static final Logger log = LoggerFactory.getLogger(HotlineCall.class);

    private final Supplier<HotlineConfig> config;
    private final JournalWriter journal;
    private final Clock clock;
    private final CallbackBook callbacks;
    private final QueuePlaces places = new QueuePlaces();
    private final Optional<AudioSocketServer> audio;
    private final PromptLibrary prompts = new PromptLibrary();

    HotlineCall(Supplier<HotlineConfig> config, JournalWriter journal, CallbackBook callbacks,
                Optional<AudioSocketServer> audio, Clock clock) {
        this.config = config;
        this.journal = journal;
        this.callbacks = callbacks;
        this.audio = audio;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        HotlineConfig snapshot = config.get();
        String callId = AgiText.clean(request.getUniqueId(), 64);
        CallRecord record = new CallRecord(clock)
                .with("call", callId)
                .with("channel", AgiText.clean(request.getChannel(), 128))
                .with("caller", AgiText.clean(request.getCallerIdNumber(), 64))
                .with("caller-name", AgiText.clean(request.getCallerIdName(), 80))
                .with("dialled", AgiText.clean(request.getExtension(), 64))
                .with("language", snapshot.languages().fallback());
        MDC.put("call", callId);
        var facts = new CallFacts(AgiText.clean(request.getExtension(), 64),
                AgiText.clean(request.getCallerIdNumber(), 64).replaceAll("[^0-9]", ""));
        Optional<AgiEars> ears = snapshot.inbound().listening().listensToAudio()
                ? audio.map(server -> new AgiEars(new AgiMedia(channel, server, snapshot.lineQuality(), callId), prompts,
                        snapshot.sounds().dir(), snapshot.languages().fallback()))
                : Optional.empty();
        var agi = new AgiCaller(channel, snapshot.languages().fallback(), callId, places, ears);
        Outcome outcome = new Outcome.Failed("internal-error");
        try {
            outcome = new InboundFlow(snapshot.inbound(), snapshot.languages(), callbacks, clock)
                    .run(new JournalingCaller(agi, record), facts);
        } catch (CallerHungUp e) {
            outcome = new Outcome.CallerHungUpDuring(record.currentStep());
        } catch (RuntimeException e) {
            log.error("call failed in step {}", record.currentStep(), e);
        } finally {
            agi.close(); // the media session ends before the outcome is set over AGI
            places.leaveAll(callId); // a call that ends, however it ends, holds no place in any queue
            record.outcome(outcome.code());
            try {
                agi.setVariable(OUTCOME_VARIABLE, outcome.code());
            } catch (RuntimeException gone) { // the channel is gone (hung up, or the drain cut it)
                log.debug("cannot set {}: {}", OUTCOME_VARIABLE, gone.toString());
            }
            journal.write(record); // every call's line, also a cut one's
            log.info("call ended: {}", outcome.code());
            MDC.remove("call");
        }
    }
}
