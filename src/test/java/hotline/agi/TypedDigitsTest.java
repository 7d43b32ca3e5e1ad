package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hotline.flow.CallerHungUp;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.junit.jupiter.api.Test;

/**
 * GET DATA's reply is the digits the caller typed. Asterisk-Java reads the result as an int and
 * reports -1 (its "hung up") for any number past 2147483647, so a caller typing a ten-digit
 * number was taken for gone (found on the lab by CallbackCaptureEndsIT). Replies here are what
 * Asterisk-Java makes of Asterisk's lines: the result text, and the int code it parses from it.
 */
class TypedDigitsTest {

    @Test
    void aNumberPastAnIntIsTheNumberTypedNotAHangUp() {
        assertThat(askDigits("00442071234567", -1)).contains("00442071234567");
        assertThat(askDigits("3125551234", -1)).contains("3125551234");
    }

    @Test
    void aShortNumberAndALeadingZeroAreKeptAsTyped() {
        assertThat(askDigits("0212345678", 212345678)).contains("0212345678");
    }

    @Test
    void noDigitsBeforeTheTimeoutIsNoNumber() {
        assertThat(askDigits("", 0)).isEmpty();
    }

    @Test
    void minusOneIsAHangUp() {
        assertThatThrownBy(() -> askDigits("-1", -1)).isInstanceOf(CallerHungUp.class);
    }

    private static Optional<String> askDigits(String result, int code) {
        var caller = new AgiCaller(channel(result, code), "en", "1796214159.1", Optional.empty());
        return caller.askDigits("callback-enter-number", 15, Duration.ofSeconds(8));
    }

    /** A channel whose GET DATA replies {@code result} (code {@code code}); every other command succeeds. */
    private static AgiChannel channel(String result, int code) {
        return (AgiChannel) Proxy.newProxyInstance(AgiChannel.class.getClassLoader(), new Class<?>[] {AgiChannel.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("sendCommand")) throw new UnsupportedOperationException(method.getName());
                    boolean getData = ((AgiCommand) args[0]).buildCommand().startsWith("GET DATA");
                    return reply(getData ? result : "1", getData ? code : 1);
                });
    }

    private static AgiReply reply(String result, int code) {
        return (AgiReply) Proxy.newProxyInstance(AgiReply.class.getClassLoader(), new Class<?>[] {AgiReply.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getResult" -> result;
                    case "getResultCode" -> code;
                    case "getStatus" -> 200;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
