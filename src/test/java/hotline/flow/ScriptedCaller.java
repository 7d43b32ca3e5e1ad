package hotline.flow;

import hotline.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake caller for flow tests: hears and presses what the test scripts, keeps a transcript.
 * Its {@link #clock()} moves as the call goes on: by each listening window, pause, wait for
 * a key, stay in a queue and recording (prompts take no time).
 */
final class ScriptedCaller implements Caller {

    /** For flows whose tests do not look at the time. */
    static final InstantSource STOPPED_CLOCK = InstantSource.fixed(Instant.parse("2026-01-05T09:00:00Z"));

    private Instant now = STOPPED_CLOCK.instant();

    final List<String> transcript = new ArrayList<>();
    private final Deque<Heard> hearing = new ArrayDeque<>();
    private final Map<String, Deque<Character>> keys = new HashMap<>();
    private QueueEnd queueEnd = new QueueEnd.Answered("PJSIP/agent-1");
    private int membersLoggedIn;
    private final Map<String, Integer> membersOf = new HashMap<>();
    /** Every queue entry the flow asked for, with its whisper. */
    final List<QueueEntry> entries = new ArrayList<>();
    private final Deque<QueueEnd> queueEnds = new ArrayDeque<>();
    private final Deque<String> typed = new ArrayDeque<>();
    private String language = "en";
    private String hangUpAt;
    private final java.util.Set<String> spokenOver = new java.util.HashSet<>();

    /** The call's own time: starts at {@link #STOPPED_CLOCK}'s instant and moves with the call. */
    InstantSource clock() {
        return () -> now;
    }

    /** The call starts at {@code start} instead (opening hours: any date, any time of day). */
    ScriptedCaller startsAt(Instant start) {
        now = start;
        return this;
    }

    private void takes(Duration d) {
        now = now.plus(d);
    }

    static ScriptedCaller silent() {
        return new ScriptedCaller();
    }

    ScriptedCaller speaksAfter(int silentWindows) {
        for (int i = 0; i < silentWindows; i++) hearing.add(new Heard.Silence(Duration.ofSeconds(5)));
        hearing.add(new Heard.Voice(Duration.ofMillis(800)));
        return this;
    }

    /** Silent for {@code silentWindows} windows, then speaks over the re-prompt that follows (barge-in). */
    ScriptedCaller speaksOverRepromptAfter(int silentWindows) {
        for (int i = 0; i < silentWindows; i++) hearing.add(new Heard.Silence(Duration.ofSeconds(5)));
        hearing.add(new Heard.Voice(Duration.ofMillis(900), Optional.of(Duration.ofMillis(900))));
        return this;
    }

    /** Speaks over the next prompt whose transcript line starts with {@code step} (barge-in). */
    ScriptedCaller speaksDuring(String step) {
        spokenOver.add(step);
        return this;
    }

    /** Hears these, one per listening window, before anything else scripted. */
    ScriptedCaller hears(Heard... heard) {
        hearing.addAll(java.util.List.of(heard));
        return this;
    }

    /** Presses {@code key} during the next transcript line that is {@code step} (or {@code step} and a note). */
    ScriptedCaller pressesAt(String step, char key) {
        keys.computeIfAbsent(step, s -> new ArrayDeque<>()).add(key);
        return this;
    }

    ScriptedCaller queueEnds(QueueEnd end) {
        this.queueEnd = end;
        return this;
    }

    /** The queue stays end like this, one after the other, then {@link #queueEnds}'s end. */
    ScriptedCaller queueStaysEnd(QueueEnd... ends) {
        queueEnds.addAll(java.util.List.of(ends));
        return this;
    }

    /** Keys in a number when asked for digits. */
    ScriptedCaller types(String digits) {
        typed.add(digits);
        return this;
    }

    ScriptedCaller withMembersLoggedIn(int members) {
        this.membersLoggedIn = members;
        return this;
    }

    /** {@code queue} has {@code members} logged in; the others {@link #withMembersLoggedIn(int)}. */
    ScriptedCaller withMembersLoggedIn(String queue, int members) {
        membersOf.put(queue, members);
        return this;
    }

    /** Hangs up when the transcript line starting with {@code step} is reached. */
    ScriptedCaller hangsUpAt(String step) {
        this.hangUpAt = step;
        return this;
    }

    private Optional<Character> step(String line) {
        transcript.add(line);
        if (hangUpAt != null && line.startsWith(hangUpAt)) {
            throw new CallerHungUp("scripted hangup at " + line);
        }
        return keys.entrySet().stream().filter(e -> isStep(line, e.getKey()) && !e.getValue().isEmpty())
                .map(e -> e.getValue().poll()).findFirst();
    }

    /** "play callback-confirm" is the line "play callback-confirm" or "play callback-confirm (...)", not "play callback-confirmed-2h". */
    private static boolean isStep(String line, String step) {
        return line.startsWith(step) && (line.length() == step.length() || line.charAt(step.length()) == ' ');
    }

    @Override public void answer() { step("answer"); }
    @Override public void useLanguage(String language) { step("language " + language); this.language = language; }
    @Override public void pause(Duration length) { step("pause " + Durations.format(length)); takes(length); }
    @Override public void hangUp() { step("hangup"); }

    @Override
    public Optional<Character> offer(String promptKey, String keys) {
        return step("play " + promptKey).filter(k -> keys.indexOf(k) >= 0);
    }

    @Override
    public Optional<Character> offerIn(String language, String promptKey, String keys) {
        return step("play " + language + "/" + promptKey).filter(k -> keys.indexOf(k) >= 0);
    }

    @Override
    public Optional<Character> waitForKey(String keys, Duration within) {
        Optional<Character> key = step("wait-for-key " + Durations.format(within)).filter(k -> keys.indexOf(k) >= 0);
        takes(key.isPresent() ? Duration.ofSeconds(1) : within);
        return key;
    }

    /** A prompt the caller may answer: "play <key>"; a scripted key, or a voice scripted over it, stops it. */
    @Override
    public Answer ask(String promptKey, String keys) {
        return asked("play " + promptKey, keys);
    }

    @Override
    public Answer askIn(String language, String promptKey, String keys) {
        return asked("play " + language + "/" + promptKey, keys);
    }

    private Answer asked(String line, String keys) {
        Optional<Character> key = step(line).filter(k -> keys.indexOf(k) >= 0);
        if (key.isPresent()) return new Answer.Pressed(key.get());
        if (spokenOver.stream().anyMatch(line::startsWith)) {
            spokenOver.removeIf(line::startsWith);
            step("heard voice over " + line.substring("play ".length()));
            return new Answer.Spoke(Duration.ofMillis(700));
        }
        return new Answer.Finished();
    }

    @Override
    public Heard listen(Duration atMost, Duration voiceNeeded, String keys) {
        Optional<Character> key = step("listen " + Durations.format(atMost)).filter(k -> keys.indexOf(k) >= 0);
        if (key.isPresent()) {
            takes(Duration.ofSeconds(1));
            return new Heard.Pressed(key.get(), Duration.ofSeconds(1));
        }
        Heard heard = hearing.isEmpty() ? new Heard.Silence(atMost) : hearing.poll();
        takes(switch (heard) {
            case Heard.Voice v -> v.after();
            case Heard.Silence s -> s.waited();
            case Heard.Quiet q -> q.waited();
            case Heard.Noisy n -> n.waited();
            case Heard.Pressed p -> p.after();
        });
        return heard;
    }

    /** A re-prompt the caller can speak over: "play <key> (barge-in)", then the window unless they did. */
    @Override
    public Heard promptAndListen(String promptKey, Duration atMost, Duration voiceNeeded, String keys) {
        step("play " + promptKey + " (barge-in)");
        if (hearing.peek() instanceof Heard.Voice v && v.overPrompt().isPresent()) {
            step("heard voice over " + promptKey);
            return hearing.poll();
        }
        return listen(atMost, voiceNeeded, keys);
    }

    @Override
    public int membersLoggedIn(String queue) {
        step("members " + queue);
        return membersOf.getOrDefault(queue, membersLoggedIn);
    }

    @Override
    public QueueEnd enqueue(QueueEntry entry) {
        step("queue " + entry.queue() + " " + Durations.format(entry.timeout()));
        entries.add(entry);
        QueueEnd end = queueEnds.isEmpty() ? queueEnd : queueEnds.poll();
        if (end instanceof QueueEnd.NotAnswered) takes(entry.timeout());
        return end;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public Optional<String> askDigits(String promptKey, int maxDigits, Duration within) {
        step("ask-digits " + promptKey);
        return Optional.ofNullable(typed.poll());
    }

    @Override
    public void sayDigits(String digits) {
        step("say-digits " + digits);
    }

    @Override
    public Optional<String> recordVoice(String promptKey, String name, Duration atMost) {
        step("record " + promptKey);
        takes(atMost);
        return Optional.of("rec/" + name);
    }

    @Override
    public void tellAgents(Map<String, String> details) {
        step("tell-agents " + details);
    }

    // ---- the agent's keys: notes on the call, louder, hold, alerts

    final Map<String, String> notes = new HashMap<>();
    private final Deque<Boolean> takenBack = new ArrayDeque<>();

    /** A note already on the call (a channel variable HOTLINE_<name>), as an earlier key press left it. */
    ScriptedCaller withNote(String name, String value) {
        notes.put(name, value);
        return this;
    }

    /** The next holds end like this: true = the agent took the call back, false = hold-remind-after passed. */
    ScriptedCaller holdsEnd(Boolean... back) {
        takenBack.addAll(java.util.List.of(back));
        return this;
    }

    @Override
    public Optional<String> note(String name) {
        return Optional.ofNullable(notes.get(name)).filter(v -> !v.isEmpty());
    }

    @Override
    public void keepNote(String name, String value) {
        notes.put(name, value);
    }

    @Override
    public void louder(int factor) {
        step("louder " + factor);
    }

    @Override
    public boolean holdUntilNote(String name, Duration atMost) {
        boolean back = !takenBack.isEmpty() && takenBack.poll();
        step("hold " + Durations.format(atMost) + (back ? " taken back" : ""));
        takes(back ? Duration.ofSeconds(10) : atMost);
        return back;
    }

    @Override
    public void alert(String event, Map<String, String> details) {
        step("alert " + event + " " + new java.util.TreeMap<>(details));
    }

    @Override
    public void releaseAgent(String agentChannel) {
        step("release-agent " + agentChannel);
    }
}
