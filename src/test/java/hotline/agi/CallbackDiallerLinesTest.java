package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.Dialler;
import hotline.config.InboundScript.CallbackLine;
import hotline.config.Store;
import hotline.store.CallbackNumber;
import hotline.store.CallbackQueue;
import hotline.store.CallbackStore;
import hotline.store.CallerDetails;
import hotline.store.NewCallback;
import hotline.time.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queues are data: the dialler serves every queue the script names, each with its own whisper (docs/callbacks.md). */
class CallbackDiallerLinesTest {

    private static final List<CallbackLine> SHIPPED =
            ConfigLoader.load(Path.of("config/hotline.yaml")).inbound().callbackLines();
    private final FakeSwitchboard board = new FakeSwitchboard();
    private final Dialler config = new Dialler(true, null, null, null, "s3cret", "Local/{number}@callback-robots",
            Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(90));
    private final AtomicReference<List<CallbackLine>> lines = new AtomicReference<>(SHIPPED);
    private CallbackStore store;
    private CallbackDialler dialler;

    @BeforeEach
    void open() throws Exception {
        var url = "jdbc:sqlite:" + Files.createTempDirectory("dialler-lines").resolve("hotline.db");
        store = CallbackStore.open(Store.at(url), Clock.systemUTC());
        dialler = new CallbackDialler(config, lines::get, store, board, Clock.systemUTC(), Ticker.SYSTEM);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long save(String number, String queue) {
        return store.save(new NewCallback(CallbackNumber.of(number), "es", "simple", CallbackQueue.of(queue),
                Optional.empty(), CallerDetails.of(number, Duration.ofSeconds(40)))).id();
    }

    @Test
    void aCallbackForTheSpanishDialectQueueIsPlacedThereWithTheAgentsWhisper() {
        long id = save("5550301", "dialect-es");
        board.line("hotline", 1, 0).line("dialect-es", 1, 0);

        dialler.tick();

        assertThat(board.placedIds()).containsExactly(id);
        assertThat(board.placed.getFirst().variables()).containsEntry("HOTLINE_CALLBACK_QUEUE", "dialect-es")
                .containsEntry("HOTLINE_CALLBACK_GOSUB", "agent-whisper");
    }

    @Test
    void eachLineCarriesItsOwnWhisperFromTheConfig() {
        save("5550301", "hotline");
        save("5550302", "teamlead");
        board.line("hotline", 1, 0).line("teamlead", 1, 0);

        dialler.tick();

        assertThat(board.placed).extracting(p -> p.variables().get("HOTLINE_CALLBACK_QUEUE") + " "
                + p.variables().get("HOTLINE_CALLBACK_GOSUB")).containsExactly(
                "hotline agent-whisper", "teamlead teamlead-whisper");
    }

    @Test
    void aQueueNoLongerInTheScriptIsNotDialledUntilAReloadNamesItAgain() {
        long id = save("5550301", "night-shift");
        board.line("night-shift", 1, 0);

        dialler.tick();
        assertThat(board.placed).isEmpty();

        lines.set(List.of(new CallbackLine("night-shift", "night-whisper")));
        dialler.tick();

        assertThat(board.placedIds()).containsExactly(id);
        assertThat(board.placed.getFirst().variables()).containsEntry("HOTLINE_CALLBACK_GOSUB", "night-whisper");
    }
}
