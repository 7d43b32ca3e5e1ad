package hotline.flow;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.ConfigLoader;
import hotline.config.Script;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reply time a booking carries is the one in the call's own script snapshot, like its prompt. */
class PromiseFromTheSnapshotTest {

    private final Script shipped = ConfigLoader.load(Path.of("config/hotline.yaml")).script();

    @Test
    void aBookedCallbackCarriesThePromiseOfTheSnapshotTheCallStartedWith() {
        var snapshot = new Script(shipped.sounds(), shipped.languages(), shipped.lineQuality(), shipped.inbound(),
                Map.of("simple", Duration.ofMinutes(45), "complex", Duration.ofHours(24),
                        "complaint", Duration.ofHours(2)));
        var book = new BookedCallbacks();
        var caller = new ScriptedCaller().speaksAfter(0)
                .queueStaysEnd(new QueueEnd.NotAnswered("TIMEOUT"), new QueueEnd.NotAnswered("TIMEOUT"))
                .pressesAt("play callback-offer", '1').pressesAt("play callback-confirm-caller-id", '1');

        Outcome outcome = new InboundFlow(snapshot, book, caller.clock()).run(caller, new CallFacts("8005550100", "13800138000"));

        assertThat(outcome).isEqualTo(new Outcome.CallbackBooked("1", "simple"));
        assertThat(book.booked).singleElement()
                .satisfies(b -> assertThat(b.promise()).isEqualTo(Optional.of(Duration.ofMinutes(45))));
    }
}
