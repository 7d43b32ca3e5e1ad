package hotline.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Taking a callback request (call-scripts.md §5): the number, read back digit by digit and
 * confirmed (004 §11), an optional recording of the caller's name, and the promise.
 *
 * @param useCallerIdPrompt "we can call you back on the number you are calling from:" (the digits
 *                          follow, then {@code confirm-caller-id-prompt}: 1 = use it, 2 = key another)
 * @param enterNumberPrompt "please enter your phone number, then the hash key"
 * @param youEnteredPrompt  "the number you entered is" (the digits follow)
 * @param confirmPrompt     after a number the caller keyed in: "if this is correct, press 1; to enter
 *                          it again, press 2"
 * @param minDigits         shortest number accepted, 3..20
 * @param maxDigits         longest number accepted, minDigits..20
 * @param answerWithin      time for each key or number, 1s..30s
 * @param attempts          tries to get a confirmed number before a polite goodbye, 1..5
 * @param recordName        whether to record the caller's name (kept with the request)
 * @param recordNamePrompt  "after the tone, please say your name, then press hash"
 * @param recordNameMax     the longest name recording, 1s..30s
 * @param confirmedPrompts  reason code → the prompt that tells the caller when to expect it; the
 *                          promise itself is {@code store.promise} (the prompt must say the same).
 *                          A default reason left out keeps its default prompt
 * @param allowedPrefixes   a number to call back must start with one of these (digits); the default
 *                          is every national number: any number but one starting with the
 *                          international prefix 00
 * @param notAllowedPrompt  "we can only call back numbers in this country; please enter another"
 * @param maxPerCaller      callback requests taken per caller ID, and per number to call, within
 *                          {@code per-caller-window}, 1..100
 * @param perCallerWindow   the window of that limit, 1m..24h
 * @param limitPrompt       "we already have your requests and will call you back as promised"
 * @param confirmCallerIdPrompt after the caller ID is read back, before anything was keyed in: "to be
 *                          called back on this number, press 1; to give us another number, press 2";
 *                          default callback-confirm-caller-id
 * @param noNumberPrompt    when no number could be confirmed within {@code attempts}: "we could not
 *                          confirm a number to call you back on; please call again later, goodbye";
 *                          default callback-no-number
 * @param pauseBeforeHangup the pause after each callback goodbye (confirmed, refused, no number),
 *                          then the hang-up, 1s..30s; default 5s (call-scripts.md §9: never abrupt)
 */
public record Callbacks(String useCallerIdPrompt, String enterNumberPrompt, String youEnteredPrompt,
                        String confirmPrompt, Integer minDigits, Integer maxDigits, Duration answerWithin,
                        Integer attempts, Boolean recordName, String recordNamePrompt, Duration recordNameMax,
                        Map<String, String> confirmedPrompts, List<String> allowedPrefixes,
                        String notAllowedPrompt, Integer maxPerCaller, Duration perCallerWindow,
                        String limitPrompt, String confirmCallerIdPrompt, String noNumberPrompt,
                        Duration pauseBeforeHangup) {

    /**
     * call-scripts.md §5: each says what {@code store.promise} promises for its reason; {@code closed}
     * (hours.when-closed: callback) promises a call soon after the next opening.
     */
    public static final Map<String, String> DEFAULT_CONFIRMED_PROMPTS = Map.of("simple", "callback-confirmed-2h",
            "complex", "callback-confirmed-24h", "complaint", "teamlead-unavailable",
            "closed", "callback-confirmed-closed");
    /** National numbers: with the trunk prefix 0 but not the international 00, or without a prefix. */
    public static final List<String> NATIONAL = List.of("01", "02", "03", "04", "05", "06", "07", "08", "09",
            "1", "2", "3", "4", "5", "6", "7", "8", "9");

    public Callbacks {
        useCallerIdPrompt = useCallerIdPrompt == null ? "callback-use-caller-id" : useCallerIdPrompt;
        enterNumberPrompt = enterNumberPrompt == null ? "callback-enter-number" : enterNumberPrompt;
        youEnteredPrompt = youEnteredPrompt == null ? "callback-you-entered" : youEnteredPrompt;
        confirmPrompt = confirmPrompt == null ? "callback-confirm" : confirmPrompt;
        minDigits = minDigits == null ? 6 : minDigits;
        maxDigits = maxDigits == null ? 15 : maxDigits;
        answerWithin = answerWithin == null ? Duration.ofSeconds(8) : answerWithin;
        attempts = attempts == null ? 3 : attempts;
        recordName = recordName == null ? Boolean.TRUE : recordName;
        recordNamePrompt = recordNamePrompt == null ? "callback-record-name" : recordNamePrompt;
        recordNameMax = recordNameMax == null ? Duration.ofSeconds(5) : recordNameMax;
        confirmedPrompts = withDefaults(confirmedPrompts);
        allowedPrefixes = allowedPrefixes == null ? NATIONAL : List.copyOf(allowedPrefixes);
        notAllowedPrompt = notAllowedPrompt == null ? "callback-number-not-allowed" : notAllowedPrompt;
        maxPerCaller = maxPerCaller == null ? 3 : maxPerCaller;
        perCallerWindow = perCallerWindow == null ? Duration.ofHours(1) : perCallerWindow;
        limitPrompt = limitPrompt == null ? "callback-limit-reached" : limitPrompt;
        confirmCallerIdPrompt = confirmCallerIdPrompt == null ? "callback-confirm-caller-id" : confirmCallerIdPrompt;
        noNumberPrompt = noNumberPrompt == null ? "callback-no-number" : noNumberPrompt;
        pauseBeforeHangup = pauseBeforeHangup == null ? Duration.ofSeconds(5) : pauseBeforeHangup;
        var check = new Check();
        check.that("allowed-prefixes", !allowedPrefixes.isEmpty(), "name at least one prefix (digits)");
        for (int i = 0; i < allowedPrefixes.size(); i++) {
            String p = allowedPrefixes.get(i);
            check.item("allowed-prefixes", i, p.matches("[0-9]{1,10}"), Check.quote(p) + " is not a prefix (1 to 10 digits)");
        }
        check.promptKey("not-allowed-prompt", notAllowedPrompt);
        check.count("max-per-caller", maxPerCaller, 1, 100);
        check.between("per-caller-window", perCallerWindow, Duration.ofMinutes(1), Duration.ofHours(24));
        check.promptKey("limit-prompt", limitPrompt);
        check.promptKey("use-caller-id-prompt", useCallerIdPrompt);
        check.promptKey("enter-number-prompt", enterNumberPrompt);
        check.promptKey("you-entered-prompt", youEnteredPrompt);
        check.promptKey("confirm-prompt", confirmPrompt);
        check.promptKey("confirm-caller-id-prompt", confirmCallerIdPrompt);
        check.promptKey("no-number-prompt", noNumberPrompt);
        check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.count("min-digits", minDigits, 3, 20);
        check.across("max-digits", java.util.Set.of("min-digits", "max-digits"), maxDigits >= minDigits && maxDigits <= 20,
                "must be min-digits (" + minDigits + ")..20, was " + maxDigits);
        check.between("answer-within", answerWithin, Duration.ofSeconds(1), Duration.ofSeconds(30));
        check.count("attempts", attempts, 1, 5);
        check.promptKey("record-name-prompt", recordNamePrompt);
        check.between("record-name-max", recordNameMax, Duration.ofSeconds(1), Duration.ofSeconds(30));
        confirmedPrompts.forEach((reason, prompt) -> {
            check.entryName("confirmed-prompts", reason, Check.isReasonCode(reason), Check.notReasonCode(reason));
            check.entryValue("confirmed-prompts", reason, Check.isPromptKey(prompt), Check.notPromptKey(prompt));
        });
        check.done();
    }

    static Callbacks defaults() {
        return new Callbacks(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** Whether a callback may be placed to {@code digits}: it starts with an allowed prefix. */
    public boolean allows(String digits) {
        return allowedPrefixes.stream().anyMatch(digits::startsWith);
    }

    /** The confirmed prompts given, over the defaults: a default reason left out keeps its prompt. */
    private static Map<String, String> withDefaults(Map<String, String> given) {
        var merged = new TreeMap<>(DEFAULT_CONFIRMED_PROMPTS);
        if (given != null) {
            merged.putAll(given);
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(merged));
    }
}
