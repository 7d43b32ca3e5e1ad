package hotline.agi;

import hotline.audio.PromptAudio;
import hotline.flow.Caller;
import hotline.flow.CallerHungUp;
import hotline.flow.Heard;
import hotline.flow.QueueEnd;
import hotline.flow.QueueEntry;
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
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Caller} port over one FastAGI channel. Asterisk reports a hangup as
 * {@code result=-1} (and Asterisk-Java as 0x0, like "no digit"), or as 511 on a dead
 * channel; all of them become {@link CallerHungUp} here and nowhere else.
 */
final class AgiCaller implements Caller {

    private static final Logger log = LoggerFactory.getLogger(AgiCaller.class);
    static final String PROMPT_FOLDER = "hotline/";

    static final String RECORDINGS = "hotline-recordings/";

    private final AgiChannel channel;
    private final String fallbackLanguage;
    private final String callId;
    private final AgiQueues queues;
    private final Optional<AudioListener> audio;
    private String language;

    AgiCaller(AgiChannel channel, String fallbackLanguage, String callId, QueuePlaces places,
              Optional<AudioListener> audio) {
        this.channel = channel;
        this.fallbackLanguage = fallbackLanguage;
        this.callId = callId;
        this.queues = new AgiQueues(channel, callId, places);
        this.audio = audio;
        this.language = fallbackLanguage;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public Optional<String> askDigits(String promptKey, int maxDigits, Duration within) {
        AgiReply reply = send(new GetDataCommand(PROMPT_FOLDER + promptKey, within.toMillis(), maxDigits), "ask digits");
        String digits = reply.getResult() == null ? "" : reply.getResult().replaceAll("[^0-9]", "");
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

    @Override
    public void tellAgents(java.util.Map<String, String> details) {
        // "__" makes the variables inherited by the agent's channel that the queue creates
        details.forEach((name, value) -> send(new SetVariableCommand("__HOTLINE_" + name, AgiText.clean(value, 128)),
                "share " + name));
    }

    @Override
    public void answer() {
        send(new AnswerCommand(), "answer");
    }

    @Override
    public void useLanguage(String newLanguage) {
        language = newLanguage;
        send(new SetVariableCommand("CHANNEL(language)", newLanguage), "set language");
    }

    @Override
    public Optional<Character> offer(String promptKey, String keys) {
        AgiReply reply = send(new StreamFileCommand(PROMPT_FOLDER + promptKey, keys), null);
        if (reply.getResultCode() == -1) {
            // -1 is also what a missing sound file gives; a live channel means the latter
            requireAlive("play " + promptKey);
            if (language.equals(fallbackLanguage)) {
                log.warn("prompt '{}' could not be played in '{}' (no sound file?)", promptKey, language);
                return Optional.empty();
            }
            log.warn("prompt '{}' is missing in '{}': playing it in '{}'", promptKey, language, fallbackLanguage);
            return offerIn(fallbackLanguage, promptKey, keys);
        }
        return key(reply);
    }

    @Override
    public Optional<Character> offerIn(String inLanguage, String promptKey, String keys) {
        // a language-prefixed path is found under sounds/<lang>/ whatever the channel's language
        AgiReply reply = send(new StreamFileCommand(inLanguage + "/" + PROMPT_FOLDER + promptKey, keys), null);
        if (reply.getResultCode() == -1) {
            requireAlive("play " + promptKey);
            log.warn("prompt '{}' could not be played in '{}' (no sound file?)", promptKey, inLanguage);
            return Optional.empty();
        }
        return key(reply);
    }

    @Override
    public Optional<Character> waitForKey(String keys, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        long left;
        while ((left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
            Optional<Character> key = key(send(new WaitForDigitCommand(left), "wait for key"));
            if (key.isEmpty()) return key;
            if (keys.indexOf(key.get()) >= 0) return key;
        }
        return Optional.empty();
    }

    @Override
    public int membersLoggedIn(String queue) {
        return queues.membersLoggedIn(queue);
    }

    /** A reply's result as the key pressed: 0 is none, else the key's character code. */
    private static Optional<Character> key(AgiReply reply) {
        int code = reply.getResultCode();
        return code > 0 ? Optional.of((char) code) : Optional.empty();
    }

    @Override
    public Heard listen(Duration atMost, Duration voiceNeeded) {
        return audio.isPresent() ? listenToAudio(audio.get(), atMost) : listenForEnergy(atMost, voiceNeeded);
    }

    /** The caller's audio, classified (line-quality). */
    private Heard listenToAudio(AudioListener listener, Duration window) {
        long started = System.nanoTime();
        var listening = listener.open(window, callId);
        AgiReply reply = send(new ExecCommand("AudioSocket", listening.audioSocketArguments()), null);
        if (reply.getResultCode() == -1) {
            // also what AudioSocket answers when the line sent no audio for 2 s: only a
            // dead channel is a hangup; a live one is silence (no frames), and we keep the
            // window's length so the silent-line timings hold
            try {
                requireAlive("listen");
            } catch (CallerHungUp e) {
                listening.cancel();
                throw e;
            }
            Duration left = window.minus(Duration.ofNanos(System.nanoTime() - started));
            if (!left.isNegative() && !left.isZero()) pause(left);
        }
        return AudioListener.await(listening, window, started);
    }

    /**
     * With the audio detector, the prompt goes to the caller through the AudioSocket
     * session that listens to them, so a caller who speaks over it is heard (barge-in);
     * otherwise, or without the prompt's WAV here, STREAM FILE then a listen.
     */
    @Override
    public Heard promptAndListen(String promptKey, Duration atMost, Duration voiceNeeded) {
        Optional<PromptAudio> prompt = audio.flatMap(l -> l.prompt(language, fallbackLanguage, promptKey));
        if (prompt.isEmpty()) {
            return Caller.super.promptAndListen(promptKey, atMost, voiceNeeded);
        }
        var listening = audio.get().open(atMost, callId, prompt.get());
        AgiReply reply = send(new ExecCommand("AudioSocket", listening.audioSocketArguments()), null);
        if (reply.getResultCode() == -1) {
            try {
                requireAlive("play " + promptKey);
            } catch (CallerHungUp e) {
                listening.cancel();
                throw e;
            }
            if (listening.connectedAfter().isEmpty()) {
                // AudioSocket never reached us: the caller heard nothing, so play it the usual way
                listening.cancel();
                log.warn("AudioSocket did not connect for prompt '{}': playing it with STREAM FILE", promptKey);
                return Caller.super.promptAndListen(promptKey, atMost, voiceNeeded);
            }
            // 2 s without audio from the line after the prompt: silence, kept to the window's length
            Duration left = listening.timeLeft();
            if (!left.isZero()) pause(left);
        }
        return AudioListener.awaitAfterPrompt(listening);
    }

    /** Asterisk's energy detector: sound or silence, nothing finer. */
    private Heard listenForEnergy(Duration atMost, Duration voiceNeeded) {
        long started = System.nanoTime();
        send(new ExecCommand("WaitForNoise", String.valueOf(voiceNeeded.toMillis()), "1",
                String.valueOf(atMost.toSeconds())), "listen");
        String status = variable("WAITSTATUS");
        Duration after = Duration.ofNanos(System.nanoTime() - started);
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "NOISE" -> new Heard.Voice(after);
            case "HANGUP" -> throw new CallerHungUp("during listen");
            default -> new Heard.Silence(after); // TIMEOUT, or nothing heard at all
        };
    }

    @Override
    public void pause(Duration length) {
        send(new ExecCommand("Wait", String.format(Locale.ROOT, "%.3f", length.toMillis() / 1000.0)), "pause");
    }

    @Override
    public QueueEnd enqueue(QueueEntry entry) {
        return queues.enqueue(entry);
    }

    @Override
    public void hangUp() {
        try {
            channel.sendCommand(new HangupCommand());
        } catch (AgiHangupException e) {
            // already gone: the caller hung up first, which §3 prefers anyway
        } catch (AgiException e) {
            throw new AgiFailure("hangup", e);
        }
    }

    /** Sets a channel variable; works on a hung-up channel too (Asterisk allows it). */
    void setVariable(String name, String value) {
        try {
            channel.sendCommand(new SetVariableCommand(name, value));
        } catch (AgiException e) {
            log.warn("could not set {}={}: {}", name, value, e.toString());
        }
    }

    String variable(String name) {
        try {
            String value = channel.sendCommand(new GetVariableCommand(name)).getExtra();
            return value == null ? "" : value;
        } catch (AgiHangupException e) {
            throw new CallerHungUp("reading " + name);
        } catch (AgiException e) {
            throw new AgiFailure("get variable " + name, e);
        }
    }

    /** Sends a command; when {@code step} is given, result -1 means the caller hung up. */
    private AgiReply send(AgiCommand command, String step) {
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
