package hotline.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a call script can do: the {@link Line} to the person calling and the {@link Switch} the
 * call is on. The only port between the flows and the telephony adapter. A capability touches
 * one of the two; {@link #of} puts a line and a switch together (the adapter's, the journal's).
 */
public interface Caller extends Line, Switch {

    /** A caller made of a line and a switch; every method goes to the one it belongs to. */
    static Caller of(Line line, Switch phoneSwitch) {
        return new Composed(line, phoneSwitch);
    }

    /** Delegates each method, the defaults too, so a line or switch that overrides one is heard. */
    record Composed(Line line, Switch phoneSwitch) implements Caller {

        @Override public void answer() { line.answer(); }
        @Override public void useLanguage(String language) { line.useLanguage(language); }
        @Override public String language() { return line.language(); }
        @Override public void play(String promptKey) { line.play(promptKey); }
        @Override public Optional<Character> offer(String promptKey, String keys) { return line.offer(promptKey, keys); }

        @Override
        public Optional<Character> offerIn(String language, String promptKey, String keys) {
            return line.offerIn(language, promptKey, keys);
        }

        @Override public Answer ask(String promptKey, String keys) { return line.ask(promptKey, keys); }

        @Override
        public Answer askIn(String language, String promptKey, String keys) {
            return line.askIn(language, promptKey, keys);
        }

        @Override
        public Optional<Character> waitForKey(String keys, Duration within) {
            return line.waitForKey(keys, within);
        }

        @Override
        public Heard listen(Duration atMost, Duration voiceNeeded, String keys) {
            return line.listen(atMost, voiceNeeded, keys);
        }

        @Override
        public Heard promptAndListen(String promptKey, Duration atMost, Duration voiceNeeded, String keys) {
            return line.promptAndListen(promptKey, atMost, voiceNeeded, keys);
        }

        @Override public void pause(Duration length) { line.pause(length); }

        @Override
        public Optional<String> askDigits(String promptKey, int maxDigits, Duration within) {
            return line.askDigits(promptKey, maxDigits, within);
        }

        @Override public void sayDigits(String digits) { line.sayDigits(digits); }

        @Override
        public Optional<String> recordVoice(String promptKey, String name, Duration atMost) {
            return line.recordVoice(promptKey, name, atMost);
        }

        @Override public int membersLoggedIn(String queue) { return phoneSwitch.membersLoggedIn(queue); }
        @Override public QueueEnd enqueue(QueueEntry entry) { return phoneSwitch.enqueue(entry); }
        @Override public void tellAgents(Map<String, String> details) { phoneSwitch.tellAgents(details); }
        @Override public void hangUp() { phoneSwitch.hangUp(); }
        @Override public Optional<String> note(String name) { return phoneSwitch.note(name); }
        @Override public void keepNote(String name, String value) { phoneSwitch.keepNote(name, value); }
        @Override public void louder(int factor) { phoneSwitch.louder(factor); }

        @Override
        public boolean holdUntilNote(String name, Duration atMost) {
            return phoneSwitch.holdUntilNote(name, atMost);
        }

        @Override public void alert(String event, Map<String, String> details) { phoneSwitch.alert(event, details); }
        @Override public void releaseAgent(String agentChannel) { phoneSwitch.releaseAgent(agentChannel); }
    }
}
