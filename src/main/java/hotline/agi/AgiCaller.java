package hotline.agi;

import hotline.audio.PromptLibrary;
import hotline.flow.Answer;
import hotline.flow.CallerHungUp;
import hotline.flow.Heard;
import hotline.flow.Line;
import hotline.time.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.ChannelStatusCommand;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.SayDigitsCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Line} half of the flows' port over one FastAGI channel ({@link AgiSwitch} is the
 * other half, and shares this channel's state: the media session, the language to set). With ears ({@link AgiMedia}), prompts,
 * listening, keys and pauses go through the call's media session, which is open from the
 * answer on; any other AGI command ends the session first. Without, STREAM FILE and
 * WaitForNoise. Asterisk reports a hangup as {@code result=-1} (and Asterisk-Java as 0x0,
 * like "no digit"), or as 511 on a dead channel; all of them become {@link CallerHungUp}
 * here and in {@link AgiMedia}, nowhere else.
 */
final class AgiCaller implements Line {

    private static final Logger log = LoggerFactory.getLogger(AgiCaller.class);
    static final String PROMPT_FOLDER = PromptLibrary.PROMPT_FOLDER + "/";

    static final String RECORDINGS = "hotline-recordings/";

    private final AgiChannel channel;
    private final String fallbackLanguage;
    private final String callId;
    private final Optional<AgiEars> ears;
    private final Ticker ticker;
    private String language;
    private boolean languageSet = true;   // CHANNEL(language) waits while a media session is open

    AgiCaller(AgiChannel channel, String fallbackLanguage, String callId, Optional<AgiEars> ears) {
        this(channel, fallbackLanguage, callId, ears, Ticker.SYSTEM);
    }

    /** @param ticker how long a key or a listen took (WAIT FOR DIGIT and WaitForNoise wait in Asterisk) */
    AgiCaller(AgiChannel channel, String fallbackLanguage, String callId, Optional<AgiEars> ears, Ticker ticker) {
        this.ticker = ticker;
        this.channel = channel;
        this.fallbackLanguage = fallbackLanguage;
        this.callId = callId;
        this.ears = ears;
        this.language = fallbackLanguage;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public void answer() {
        send(new AnswerCommand(), "answer");
        ears.ifPresent(e -> e.pause(Duration.ZERO)); // ears on from the answer: the session opens now
    }

    @Override
    public void useLanguage(String newLanguage) {
        language = newLanguage;
        languageSet = false;
        if (ears.isEmpty()) agi();
    }

    @Override
    public Optional<Character> offer(String promptKey, String keys) {
        Optional<Answer> a = ears.flatMap(e -> e.play(language, true, promptKey, keys, false));
        return a.isPresent() ? key(a.get()) : streamFile(promptKey, keys);
    }

    @Override
    public Optional<Character> offerIn(String inLanguage, String promptKey, String keys) {
        Optional<Answer> a = ears.flatMap(e -> e.play(inLanguage, false, promptKey, keys, false));
        return a.isPresent() ? key(a.get()) : streamFileIn(inLanguage, promptKey, keys);
    }

    @Override
    public Answer ask(String promptKey, String keys) {
        return ears.flatMap(e -> e.play(language, true, promptKey, keys, true))
                .orElseGet(() -> answer(streamFile(promptKey, keys)));
    }

    @Override
    public Answer askIn(String inLanguage, String promptKey, String keys) {
        return ears.flatMap(e -> e.play(inLanguage, false, promptKey, keys, true))
                .orElseGet(() -> answer(streamFileIn(inLanguage, promptKey, keys)));
    }

    @Override
    public Heard listen(Duration atMost, Duration voiceNeeded, String keys) {
        return ears.flatMap(e -> e.listen(atMost, keys)).orElseGet(() -> listenForEnergy(atMost, voiceNeeded));
    }

    @Override
    public Optional<Character> waitForKey(String keys, Duration within) {
        Optional<Optional<Character>> viaSession = ears.flatMap(e -> e.waitForKey(keys, within));
        if (viaSession.isPresent()) return viaSession.get();
        long deadline = ticker.nanoTime() + within.toNanos();
        long left;
        while ((left = (deadline - ticker.nanoTime()) / 1_000_000) > 0) {
            Optional<Character> key = key(send(new WaitForDigitCommand(left), "wait for key"));
            if (key.isEmpty()) return key;
            if (keys.indexOf(key.get()) >= 0) return key;
        }
        return Optional.empty();
    }

    @Override
    public void pause(Duration length) {
        if (ears.isPresent() && ears.get().pause(length)) return;
        send(new ExecCommand("Wait", String.format(Locale.ROOT, "%.3f", length.toMillis() / 1000.0)), "pause");
    }

    @Override
    public Optional<String> askDigits(String promptKey, int maxDigits, Duration within) {
        // GET DATA's result is the digits: Asterisk-Java's result code is -1 for any number past an
        // int (3125551234, 0044207...), so only the text "-1" is a hang-up
        AgiReply reply = send(new GetDataCommand(PROMPT_FOLDER + promptKey, within.toMillis(), maxDigits), null);
        String result = reply.getResult() == null ? "" : reply.getResult().strip();
        if (result.equals("-1")) throw new CallerHungUp("during ask digits");
        String digits = result.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? Optional.empty() : Optional.of(AgiText.clean(digits, 20));
    }

    @Override
    public void sayDigits(String digits) {
        send(new SayDigitsCommand(digits.replaceAll("[^0-9]", ""), ""), "say digits");
    }

    @Override
    public Optional<String> recordVoice(String promptKey, String name, Duration atMost) {
        play(promptKey);
        String file = RECORDINGS + callId.replaceAll("[^0-9A-Za-z.-]", "") + "-" + name;
        AgiReply reply = send(new RecordFileCommand(file, "wav", "#", (int) atMost.toMillis(), 0, true, 3), "record");
        return reply.getResultCode() == -1 ? Optional.empty() : Optional.of(file);
    }

    /** Ends the media session, if one is open (the call is over for the flow). */
    void close() {
        try {
            ears.ifPresent(AgiEars::release);
        } catch (RuntimeException e) {
            log.debug("media session at the end of the call: {}", e.toString());
        }
    }

    /** Sets a channel variable; works on a hung-up channel too (Asterisk allows it). */
    void setVariable(String name, String value) {
        close();
        try {
            channel.sendCommand(new SetVariableCommand(name, value));
        } catch (AgiException e) {
            log.warn("could not set {}={}: {}", name, value, e.toString());
        }
    }

    String variable(String name) {
        agi();
        try {
            String value = channel.sendCommand(new GetVariableCommand(name)).getExtra();
            return value == null ? "" : value;
        } catch (AgiHangupException e) {
            throw new CallerHungUp("reading " + name);
        } catch (AgiException e) {
            throw new AgiFailure("get variable " + name, e);
        }
    }

    /** The AGI channel to ourselves: the media session ends, and a language chosen meanwhile is set. */
    void agi() {
        ears.ifPresent(AgiEars::release);
        if (!languageSet) {
            languageSet = true;
            sendRaw(new SetVariableCommand("CHANNEL(language)", language), "set language");
        }
    }

    private Optional<Character> streamFile(String promptKey, String keys) {
        AgiReply reply = send(new StreamFileCommand(PROMPT_FOLDER + promptKey, keys), null);
        if (reply.getResultCode() == -1) {
            // -1 is also what a missing sound file gives; a live channel means the latter
            requireAlive("play " + promptKey);
            if (language.equals(fallbackLanguage)) {
                log.warn("prompt '{}' could not be played in '{}' (no sound file?)", promptKey, language);
                return Optional.empty();
            }
            log.warn("prompt '{}' is missing in '{}': playing it in '{}'", promptKey, language, fallbackLanguage);
            return streamFileIn(fallbackLanguage, promptKey, keys);
        }
        return key(reply);
    }

    private Optional<Character> streamFileIn(String inLanguage, String promptKey, String keys) {
        // a language-prefixed path is found under sounds/<lang>/ whatever the channel's language
        AgiReply reply = send(new StreamFileCommand(inLanguage + "/" + PROMPT_FOLDER + promptKey, keys), null);
        if (reply.getResultCode() == -1) {
            requireAlive("play " + promptKey);
            log.warn("prompt '{}' could not be played in '{}' (no sound file?)", promptKey, inLanguage);
            return Optional.empty();
        }
        return key(reply);
    }

    private static Optional<Character> key(Answer a) {
        return a instanceof Answer.Pressed(char k) ? Optional.of(k) : Optional.empty();
    }

    private static Answer answer(Optional<Character> key) {
        return key.<Answer>map(Answer.Pressed::new).orElseGet(Answer.Finished::new);
    }

    /** A reply's result as the key pressed: 0 is none, else the key's character code. */
    private static Optional<Character> key(AgiReply reply) {
        int code = reply.getResultCode();
        return code > 0 ? Optional.of((char) code) : Optional.empty();
    }

    /** Asterisk's energy detector: sound or silence, nothing finer. */
    private Heard listenForEnergy(Duration atMost, Duration voiceNeeded) {
        long started = ticker.nanoTime();
        send(new ExecCommand("WaitForNoise", String.valueOf(voiceNeeded.toMillis()), "1",
                String.valueOf(atMost.toSeconds())), "listen");
        String status = variable("WAITSTATUS");
        Duration after = Duration.ofNanos(ticker.nanoTime() - started);
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "NOISE" -> new Heard.Voice(after);
            case "HANGUP" -> throw new CallerHungUp("during listen");
            default -> new Heard.Silence(after); // TIMEOUT, or nothing heard at all
        };
    }

    /** Sends a command after ending any media session; when {@code step} is given, -1 means the caller hung up. */
    AgiReply send(AgiCommand command, String step) {
        agi();
        return sendRaw(command, step);
    }

    private AgiReply sendRaw(AgiCommand command, String step) {
        try {
            AgiReply reply = channel.sendCommand(command);
            if (step != null && reply.getResultCode() == -1) {
                throw new CallerHungUp("during " + step);
            }
            return reply;
        } catch (AgiHangupException e) {
            throw new CallerHungUp("during " + (step == null ? command.buildCommand() : step));
        } catch (AgiException e) {
            throw new AgiFailure(command.buildCommand(), e);
        }
    }

    private void requireAlive(String step) {
        requireAlive(channel, step);
    }

    /** Whether the channel is still up: result -1 also means "no such file"; only a dead channel is a hangup. */
    static void requireAlive(AgiChannel channel, String step) {
        try {
            channel.sendCommand(new ChannelStatusCommand());
        } catch (AgiHangupException e) {
            throw new CallerHungUp("during " + step);
        } catch (AgiException e) {
            throw new AgiFailure("channel status", e);
        }
    }

    /** The AGI connection broke for a reason other than a hangup. */
    static final class AgiFailure extends RuntimeException {
        AgiFailure(String what, Throwable cause) {
            super(what + ": " + cause.getMessage(), cause);
        }
    }
}
