package hotline.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The agent's handbook at one key (issue 11, call-scripts.md §3-§9): {@code agent-scripts:} in
 * hotline.yaml. Each script has a feature code the agent presses during the call; the script
 * then runs on the caller's side, in the caller's language (docs/agent-keys.md). The noisy and
 * quiet keys walk {@code inbound.noisy-line} / {@code inbound.quiet-line}, dialect walks
 * {@code inbound.dialect} and escalate is {@code inbound.complaint}: the same ladders, written once.
 *
 * @param keys               script → feature code ({@code *} or {@code #} then 1-3 keys); a script
 *                           left out has no key. asterisk-conf/features.conf must say the same
 * @param repeatPrompt       §3 "could you repeat what you just said?"
 * @param louderPrompt       §3 after raising our volume: "can you hear me clearly now?"
 * @param louderVolume       VOLUME(TX) factor set towards the caller at the first press, 2..4 (each
 *                           further press one more, up to 4)
 * @param slowlyPrompt       §4 "please don't worry, could you speak a little more slowly?"
 * @param holdPrompt         §5 "please wait a moment, I will check that for you"
 * @param holdBackPrompt     §5 "thank you for waiting" when the agent takes the call back
 * @param holdRemindAfter    §5 (002: 60 s) on hold this long: the agent is reminded and the caller is
 *                           offered a callback, 10s..10m
 * @param holdReminderPrompt "this is taking a little longer ... to be called back, press 1"
 * @param holdCallbackReason the callback reason of a hold (§5: complex, 24 h)
 * @param outOfScopePrompt   §7 "your request is outside the scope of our service ..."
 * @param civilPrompt        §7 "please use civil language, or we will have to end this call"
 * @param abusiveLastWords   §7 the polite last sentence at the second press
 * @param wrongNumberPrompt  §7 "this is the ... customer service; please check the number"
 * @param rightNumber        the number to point wrong callers to, digits; "" = none
 * @param rightNumberPrompt  "the number you may be looking for is" (before {@code right-number})
 * @param privacyPrompt      §7 "to protect our customers' privacy we cannot give out ..."
 * @param invitationPrompt   §7 the polite thanks-and-decline of an invitation
 * @param anythingElsePrompt §9 "is there anything else I can help you with?"
 * @param closingPrompt      §9 "thank you for calling ... goodbye" (also after the agent hangs up)
 * @param mustHangUpPrompt   §9 "sorry, I have to hang up now"
 * @param goodbyePrompt      "thank you, goodbye" (after wrong-number)
 * @param pauseBeforeHangup  after every goodbye of these scripts, 1s..30s (§3, §9: 5 s)
 */
public record AgentScripts(Map<String, String> keys, String repeatPrompt, String louderPrompt, Integer louderVolume,
                           String slowlyPrompt, String holdPrompt, String holdBackPrompt, Duration holdRemindAfter,
                           String holdReminderPrompt, String holdCallbackReason, String outOfScopePrompt,
                           String civilPrompt, String abusiveLastWords, String wrongNumberPrompt, String rightNumber,
                           String rightNumberPrompt, String privacyPrompt, String invitationPrompt,
                           String anythingElsePrompt, String closingPrompt, String mustHangUpPrompt,
                           String goodbyePrompt, Duration pauseBeforeHangup) {

    /** Every script an agent can have at a key, in the order of the key card. */
    public static final List<String> SCRIPTS = List.of("repeat", "noisy", "quiet", "louder", "slowly", "dialect",
            "hold", "hold-back", "escalate", "closing", "out-of-scope", "abusive", "wrong-number", "privacy",
            "invitation");
    /** The one key that runs on the agent's side, not a script of the server: it ends a hold. */
    public static final String HOLD_BACK = "hold-back";

    public AgentScripts {
        keys = mergedOverDefaults(keys); // a file naming one script's key keeps the others' (docs/configuration.md)
        repeatPrompt = or(repeatPrompt, "repeat-please");
        louderPrompt = or(louderPrompt, "can-you-hear-me-now");
        louderVolume = louderVolume == null ? 2 : louderVolume;
        slowlyPrompt = or(slowlyPrompt, "speak-slowly");
        holdPrompt = or(holdPrompt, "hold-check");
        holdBackPrompt = or(holdBackPrompt, "thank-you-for-waiting");
        holdRemindAfter = holdRemindAfter == null ? Duration.ofSeconds(60) : holdRemindAfter;
        holdReminderPrompt = or(holdReminderPrompt, "hold-reminder");
        holdCallbackReason = or(holdCallbackReason, "complex");
        outOfScopePrompt = or(outOfScopePrompt, "outside-scope");
        civilPrompt = or(civilPrompt, "civil-language");
        abusiveLastWords = or(abusiveLastWords, "abusive-last-words");
        wrongNumberPrompt = or(wrongNumberPrompt, "wrong-number");
        rightNumber = or(rightNumber, "");
        rightNumberPrompt = or(rightNumberPrompt, "right-number-is");
        privacyPrompt = or(privacyPrompt, "privacy");
        invitationPrompt = or(invitationPrompt, "invitation-decline");
        anythingElsePrompt = or(anythingElsePrompt, "anything-else");
        closingPrompt = or(closingPrompt, "closing");
        mustHangUpPrompt = or(mustHangUpPrompt, "must-hang-up");
        goodbyePrompt = or(goodbyePrompt, "thank-you-goodbye");
        pauseBeforeHangup = pauseBeforeHangup == null ? Duration.ofSeconds(5) : pauseBeforeHangup;
        var check = new Check();
        checkKeys(check, keys);
        check.that("louder-volume", louderVolume >= 2 && louderVolume <= 4, louderVolume + " is outside 2..4");
        check.wholeSecondsBetween("hold-remind-after", holdRemindAfter, 10, 600);
        check.reasonCode("hold-callback-reason", holdCallbackReason);
        check.that("right-number", rightNumber.matches("[0-9]{0,15}"), Check.quote(rightNumber) + " is not digits");
        check.between("pause-before-hangup", pauseBeforeHangup, Duration.ofSeconds(1), Duration.ofSeconds(30));
        prompts(repeatPrompt, louderPrompt, slowlyPrompt, holdPrompt, holdBackPrompt, holdReminderPrompt,
                outOfScopePrompt, civilPrompt, abusiveLastWords, wrongNumberPrompt, rightNumberPrompt, privacyPrompt,
                invitationPrompt, anythingElsePrompt, closingPrompt, mustHangUpPrompt, goodbyePrompt)
                .forEach(check::promptKey);
        check.done();
    }

    public static AgentScripts defaults() {
        return new AgentScripts(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /** The shipped key map: *1..*9 and *0, then #1..#5 (no code is the start of another). */
    static Map<String, String> defaultKeys() {
        var keys = new LinkedHashMap<String, String>();
        String[] codes = {"*1", "*2", "*3", "*4", "*5", "*6", "*7", "*8", "*9", "*0", "#1", "#2", "#3", "#4", "#5"};
        for (int i = 0; i < SCRIPTS.size(); i++) keys.put(SCRIPTS.get(i), codes[i]);
        return Map.copyOf(keys);
    }

    private static Map<String, String> mergedOverDefaults(Map<String, String> given) {
        var merged = new LinkedHashMap<>(defaultKeys());
        if (given != null) merged.putAll(given);
        return java.util.Collections.unmodifiableMap(merged);
    }

    /** The feature code of {@code script}; "" when it has none. */
    public String keyOf(String script) {
        return keys.getOrDefault(script, "");
    }

    private static void checkKeys(Check check, Map<String, String> keys) {
        keys.forEach((script, code) -> {
            check.entryName("keys", script, SCRIPTS.contains(script), Check.quote(script) + " is not a script (known: "
                    + String.join(", ", SCRIPTS) + ")");
            check.entryValue("keys", script, code != null && (code.isEmpty() || code.matches("[*#][0-9*#]{1,3}")),
                    Check.quote(code) + " is not a feature code (* or # then 1 to 3 keys, quoted in YAML: \"*1\"; \"\" for none)");
        });
        keys.forEach((script, code) -> keys.forEach((other, otherCode) -> {
            if (!script.equals(other) && code != null && otherCode != null && !code.isEmpty()) {
                check.entryValue("keys", script, !otherCode.startsWith(code), Check.quote(code) + " is the start of "
                        + other + " '" + otherCode + "': the agent's phone could never send the longer one");
            }
        }));
    }

    /** Every prompt these scripts can play, with its key path. */
    public Stream<InboundScript.PromptUse> promptUses() {
        return prompts(repeatPrompt, louderPrompt, slowlyPrompt, holdPrompt, holdBackPrompt, holdReminderPrompt,
                outOfScopePrompt, civilPrompt, abusiveLastWords, wrongNumberPrompt, rightNumberPrompt, privacyPrompt,
                invitationPrompt, anythingElsePrompt, closingPrompt, mustHangUpPrompt, goodbyePrompt)
                .entrySet().stream().map(e -> new InboundScript.PromptUse("agent-scripts." + e.getKey(), e.getValue()));
    }

    /** Config key → prompt key, in the order of the key card. */
    private static Map<String, String> prompts(String repeatPrompt, String louderPrompt, String slowlyPrompt,
            String holdPrompt, String holdBackPrompt, String holdReminderPrompt, String outOfScopePrompt,
            String civilPrompt, String abusiveLastWords, String wrongNumberPrompt, String rightNumberPrompt,
            String privacyPrompt, String invitationPrompt, String anythingElsePrompt, String closingPrompt,
            String mustHangUpPrompt, String goodbyePrompt) {
        var uses = new LinkedHashMap<String, String>();
        uses.put("repeat-prompt", repeatPrompt);
        uses.put("louder-prompt", louderPrompt);
        uses.put("slowly-prompt", slowlyPrompt);
        uses.put("hold-prompt", holdPrompt);
        uses.put("hold-back-prompt", holdBackPrompt);
        uses.put("hold-reminder-prompt", holdReminderPrompt);
        uses.put("out-of-scope-prompt", outOfScopePrompt);
        uses.put("civil-prompt", civilPrompt);
        uses.put("abusive-last-words", abusiveLastWords);
        uses.put("wrong-number-prompt", wrongNumberPrompt);
        uses.put("right-number-prompt", rightNumberPrompt);
        uses.put("privacy-prompt", privacyPrompt);
        uses.put("invitation-prompt", invitationPrompt);
        uses.put("anything-else-prompt", anythingElsePrompt);
        uses.put("closing-prompt", closingPrompt);
        uses.put("must-hang-up-prompt", mustHangUpPrompt);
        uses.put("goodbye-prompt", goodbyePrompt);
        return uses;
    }

    private static String or(String value, String dflt) {
        return value == null ? dflt : value;
    }
}
