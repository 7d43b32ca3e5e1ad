package hotline.agi;

import static hotline.agi.ReloadableHotline.listening;
import static org.assertj.core.api.Assertions.assertThat;

import hotline.ops.ReloadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 item 2: a reload swaps the script only when the file passes every check; live calls keep theirs. */
class ReloadOverTheWireTest {

    private static final Pattern VERSION = Pattern.compile("\"script-version\":\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void aGoodFileSwapsTheScriptForNewCallsWithTheNextVersion() throws Exception {
        try (var h = new ReloadableHotline(dir, listening("5s"))) {
            String first = h.hotline.scripts().snapshot().version();
            h.write(listening("4s"));

            ReloadResult result = h.hotline.reload();

            assertThat(result.ok()).isTrue();
            assertThat(result.errors()).isEmpty();
            assertThat(result.needsRestart()).isEmpty();
            assertThat(first).startsWith("1-");
            assertThat(result.version()).startsWith("2-").isNotEqualTo("2-" + first.substring(2));
            assertThat(h.hotline.scripts().get().inbound().listening().listenFor()).hasSeconds(4);
        }
    }

    @Test
    void aBadFileKeepsTheRunningScriptAndReturnsEveryErrorWithItsKeyPath() throws Exception {
        try (var h = new ReloadableHotline(dir, listening("5s"))) {
            var before = h.hotline.scripts().snapshot();
            h.write(listening("4500ms"));
            ReloadResult unbound = h.hotline.reload();
            h.write("inbound: {greeting: no-such-prompt, listening: {detector: energy}}");
            ReloadResult unheard = h.hotline.reload();

            assertThat(unbound.ok()).isFalse();
            assertThat(unbound.errors()).singleElement().asString()
                    .contains(h.file.toString(), "inbound.listening.listen-for", "must be whole seconds");
            assertThat(unheard.ok()).isFalse();
            assertThat(unheard.errors()).singleElement().asString()
                    .contains("inbound.greeting: no sound 'no-such-prompt'");
            assertThat(unheard.version()).isEqualTo(before.version());
            assertThat(h.hotline.scripts().snapshot()).isSameAs(before);
        }
    }

    @Test
    void restartOnlySettingsAreNamedAndTheScriptIsSwappedAllTheSame() throws Exception {
        try (var h = new ReloadableHotline(dir, listening("5s"))) {
            h.write(listening("4s") + "\nline-quality: {port: 4999, quiet-below: -30.0}");
            edit(h.file, "admin-port:", "max-calls: 7, admin-port:");
            edit(h.file, "journal.jsonl", "elsewhere.jsonl");

            ReloadResult result = h.hotline.reload();

            assertThat(result.ok()).isTrue();
            assertThat(result.needsRestart()).containsExactly("server.max-calls", "journal.file", "line-quality.port");
            assertThat(h.hotline.scripts().get().lineQuality().quietBelow()).isEqualTo(-30.0); // a threshold is per call
        }
    }

    @Test
    void thePublishedLabSecretIsRestartOnlySoItDoesNotStopAReloadOfTheScript() throws Exception {
        try (var h = new ReloadableHotline(dir, listening("5s"))) {
            h.write(listening("4s"));
            edit(h.file, "dialler: {enabled: false}",
                    "dialler: {enabled: true, ami-user: hotline, ami-secret: hotline-dialler-lab-secret}");

            ReloadResult result = h.hotline.reload();

            assertThat(result.ok()).as("%s", result.errors()).isTrue();
            assertThat(result.needsRestart()).anyMatch(k -> k.startsWith("dialler."));
            assertThat(h.hotline.scripts().get().inbound().listening().listenFor()).hasSeconds(4);
        }
    }

    @Test
    void aLiveCallKeepsItsSnapshotAndVersionAcrossASwapAndTheNextCallTakesTheNewOne() throws Exception {
        try (var h = new ReloadableHotline(dir, listening("5s"))) {
            ReloadResult[] reloaded = new ReloadResult[1];
            List<String> live = new FakeAsterisk("hotline", "Local/s@a;1").call(h.port(), command -> {
                if (command.startsWith("STREAM FILE \"hotline/greeting\"")) { // ops reload mid-call
                    try {
                        h.write(listening("4s"));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    reloaded[0] = h.hotline.reload();
                }
                return FakeAsterisk.silentCaller(command);
            });
            List<String> next = new FakeAsterisk("hotline", "Local/s@b;1").call(h.port(), FakeAsterisk::silentCaller);

            assertThat(reloaded[0].ok()).isTrue();
            assertThat(live).contains("EXEC \"WaitForNoise\" \"300,1,5\"").doesNotContain("EXEC \"WaitForNoise\" \"300,1,4\"");
            assertThat(next).contains("EXEC \"WaitForNoise\" \"300,1,4\"").doesNotContain("EXEC \"WaitForNoise\" \"300,1,5\"");
            await(h.journalLines, 2);
            assertThat(versionOf(h.journalLines.get(0))).startsWith("1-");
            assertThat(h.journalLines.get(0)).contains("\"at-most\":\"5s\"").doesNotContain("\"at-most\":\"4s\"");
            assertThat(versionOf(h.journalLines.get(1))).isEqualTo(reloaded[0].version());
            assertThat(h.journalLines.get(1)).contains("\"at-most\":\"4s\"").doesNotContain("\"at-most\":\"5s\"");
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace(from, to));
    }

    static String versionOf(String journalLine) {
        Matcher m = VERSION.matcher(journalLine);
        assertThat(m.find()).as("a script-version in %s", journalLine).isTrue();
        String version = m.group(1);
        assertThat(m.find()).as("one script-version only").isFalse();
        return version;
    }

    private static void await(List<String> lines, int count) throws InterruptedException {
        for (int i = 0; i < 100 && lines.size() < count; i++) Thread.sleep(20);
        assertThat(lines).hasSize(count);
    }
}
