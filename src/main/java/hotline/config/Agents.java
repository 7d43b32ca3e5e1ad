package hotline.config;

import java.time.Duration;

/**
 * Putting a speaking caller through to the agents, and how they wait (call-scripts.md §5).
 *
 * @param connecting          "please hold, I am connecting you"
 * @param queue               the app_queue queue name (queues.conf)
 * @param maxWait             the longest wait before the queue gives up, 10s..4h
 * @param gaveUpPrompt        said when the queue gives up (max-wait passed, or Asterisk ended the wait):
 *                            "we could not connect you to an agent in time"; default could-not-connect
 * @param pauseBeforeHangup   pause after that prompt, 1s..30s
 * @param patienceEvery       how often a waiting caller hears {@code patience-prompt}, 10s..10m
 * @param patiencePrompt      §5 "thank you for your patience" (004 prefers it to "sorry to keep you waiting")
 * @param callbackOfferAfter  §5 (002): after this long, offer a callback (press 1), 10s..1h; the
 *                            caller keeps their place in the queue if they keep waiting
 * @param callbackOfferPrompt "if you would like us to call you back, press 1"
 * @param callbackReason      the reason code of callbacks taken in this queue (sets the promise)
 * @param apologiseAfter      §1: a caller who waited longer than this (three rings' worth) is
 *                            greeted with an apology: the answering agent hears, before the bridge,
 *                            {@code agent-apologise} and the seconds waited, 5s..10m
 * @param agentWhisper        the dialplan context (Gosub on the agent's channel) that says it
 */
public record Agents(String connecting, String queue, Duration maxWait, String gaveUpPrompt,
                     Duration pauseBeforeHangup, Duration patienceEvery, String patiencePrompt,
                     Duration callbackOfferAfter, String callbackOfferPrompt, String callbackReason,
                     Duration apologiseAfter, String agentWhisper) {

    public Agents {
        connecting = connecting == null ? "connecting" : connecting;
        queue = queue == null ? "hotline" : queue;
        maxWait = maxWait == null ? Duration.ofMinutes(30) : maxWait;
        gaveUpPrompt = gaveUpPrompt == null ? "could-not-connect" : gaveUpPrompt;
        pauseBeforeHangup = pauseBeforeHangup == null ? Duration.ofSeconds(5) : pauseBeforeHangup;
        patienceEvery = patienceEvery == null ? Duration.ofSeconds(30) : patienceEvery;
        patiencePrompt = patiencePrompt == null ? "thank-you-patience" : patiencePrompt;
        callbackOfferAfter = callbackOfferAfter == null ? Duration.ofSeconds(60) : callbackOfferAfter;
        callbackOfferPrompt = callbackOfferPrompt == null ? "callback-offer" : callbackOfferPrompt;
        callbackReason = callbackReason == null ? "simple" : callbackReason;
        apologiseAfter = apologiseAfter == null ? Duration.ofSeconds(15) : apologiseAfter;
        agentWhisper = agentWhisper == null ? "agent-whisper" : agentWhisper;
        var check = new Check();
        check.promptKey("connecting", connecting);
        check.queueName("queue", queue);
        check.wholeSecondsBetween("max-wait", maxWait, 10, 4 * 3600);
        check.promptKey("gave-up-prompt", gaveUpPrompt);
        check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.wholeSecondsBetween("patience-every", patienceEvery, 10, 600);
        check.promptKey("patience-prompt", patiencePrompt);
        check.wholeSecondsBetween("callback-offer-after", callbackOfferAfter, 10, 3600);
        check.promptKey("callback-offer-prompt", callbackOfferPrompt);
        check.reasonCode("callback-reason", callbackReason);
        check.wholeSecondsBetween("apologise-after", apologiseAfter, 5, 600);
        check.contextName("agent-whisper", agentWhisper);
        check.done();
    }

    static Agents defaults() {
        return new Agents(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
