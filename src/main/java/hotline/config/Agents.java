package hotline.config;

import java.time.Duration;

/**
 * Putting a speaking caller through to the agents.
 *
 * @param connecting        "please hold, I am connecting you"
 * @param queue             the app_queue queue name (queues.conf)
 * @param maxWait           how long a caller may wait before the queue gives up, 10s..4h
 * @param gaveUpPrompt      said when the queue gives up (§8 wording until callbacks exist)
 * @param pauseBeforeHangup pause after that prompt, 1s..30s
 */
public record Agents(String connecting, String queue, Duration maxWait, String gaveUpPrompt,
                     Duration pauseBeforeHangup) {

    public Agents {
        connecting = connecting == null ? "connecting" : connecting;
        queue = queue == null ? "hotline" : queue;
        maxWait = maxWait == null ? Duration.ofMinutes(30) : maxWait;
        gaveUpPrompt = gaveUpPrompt == null ? "line-adjusting" : gaveUpPrompt;
        pauseBeforeHangup = pauseBeforeHangup == null ? Duration.ofSeconds(5) : pauseBeforeHangup;
        Check.promptKey("connecting", connecting);
        Check.queueName("queue", queue);
        Check.wholeSecondsBetween("max-wait", maxWait, 10, 4 * 3600);
        Check.promptKey("gave-up-prompt", gaveUpPrompt);
        Check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    static Agents defaults() {
        return new Agents(null, null, null, null, null);
    }
}
