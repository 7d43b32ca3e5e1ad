package hotline.agi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.agi.InjectionPayloads.Payload;
import hotline.agi.InjectionPayloads.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus payload in every caller-controlled header line, over the wire: harmless
 * text runs exactly the clean call's commands and reaches the journal cleaned; anything
 * that breaks the line format gets one command, SET VARIABLE HOTLINE_OUTCOME
 * failed:bad-request, and no flow runs.
 */
class HeaderInjectionCorpusTest {

    /** Caller ID name and number, dialled digits, redirecting number, and two channel variables Asterisk writes into the header. */
    static final List<String> FIELDS = List.of("agi_calleridname", "agi_callerid", "agi_dnid", "agi_extension",
            "agi_rdnis", "agi_accountcode", "agi_arg_1");
    /** Header lines whose cleaned value the journal keeps, and how long the journal keeps it. */
    private static final Map<String, Map.Entry<String, Integer>> JOURNALLED = Map.of(
            "agi_calleridname", Map.entry("caller-name", 80),
            "agi_callerid", Map.entry("caller", 64),
            "agi_extension", Map.entry("dialled", 64));
    private static final List<String> REFUSED_ONLY = List.of("SET VARIABLE \"HOTLINE_OUTCOME\" \"failed:bad-request\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static RunningHotline hotline;
    private static List<String> cleanCall;

    @BeforeAll
    static void startAndRecordTheCleanCall() throws IOException {
        hotline = new RunningHotline(tmp, 50, Duration.ofSeconds(2));
        cleanCall = asterisk().call(hotline.port, FakeAsterisk::silentCaller);
        assertThat(cleanCall).contains("SET VARIABLE \"HOTLINE_OUTCOME\" \"silent-line-goodbye\"");
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    /** The clean call, with the caller-controlled lines a real Asterisk sends that FakeAsterisk leaves out. */
    private static FakeAsterisk asterisk() {
        var asterisk = new FakeAsterisk("hotline", "PJSIP/trunk-00000001");
        asterisk.request.put("agi_dnid", "8005550100");
        asterisk.request.put("agi_rdnis", "unknown");
        asterisk.request.put("agi_accountcode", "");
        asterisk.request.put("agi_arg_1", "from-trunk");
        return asterisk;
    }

    static Stream<Arguments> harmless() {
        return cases(Verdict.RUNS_THE_CLEAN_CALL);
    }

    static Stream<Arguments> refused() {
        return cases(Verdict.REFUSED);
    }

    private static Stream<Arguments> cases(Verdict verdict) {
        return InjectionPayloads.all().stream().filter(p -> p.verdict() == verdict)
                .flatMap(p -> FIELDS.stream().map(field -> Arguments.of(p, field)));
    }

    @Test
    void theCorpusHasAtLeastThirtyPayloadsOfBothKinds() {
        assertThat(InjectionPayloads.all()).hasSizeGreaterThanOrEqualTo(30)
                .anyMatch(p -> p.verdict() == Verdict.RUNS_THE_CLEAN_CALL)
                .anyMatch(p -> p.verdict() == Verdict.REFUSED);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("harmless")
    void textThatOnlyLooksDangerousRunsExactlyTheCleanCallAndIsJournalledClean(Payload payload, String field)
            throws IOException {
        byte[] value = payload.bytesFor(field);

        List<String> sent = session(field, value);

        assertThat(sent).containsExactlyElementsOf(cleanCall);
        Map<String, Object> journal = lastJournalLine(); // written before the server closes the connection
        assertThat(journal.get("call")).isEqualTo("1764000000.42");
        assertThat(journal.get("outcome")).isEqualTo("silent-line-goodbye");
        if (JOURNALLED.containsKey(field)) {
            var kept = JOURNALLED.get(field);
            String journalled = (String) journal.get(kept.getKey());
            assertThat(journalled).isEqualTo(AgiText.clean(new String(value, java.nio.charset.StandardCharsets.UTF_8), kept.getValue()))
                    .hasSizeLessThanOrEqualTo(kept.getValue()).doesNotContain("$");
            assertThat(journalled.chars()).noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("refused")
    void aValueThatBreaksTheLineFormatIsRefusedWithBadRequestAndNoFlowRuns(Payload payload, String field)
            throws IOException {
        List<String> sent = session(field, payload.bytesFor(field));

        assertThat(sent).containsExactlyElementsOf(REFUSED_ONLY);
        Map<String, Object> journal = lastJournalLine();
        assertThat(journal.get("outcome")).isEqualTo("failed:bad-request");
        assertThat(journal).doesNotContainKeys("call", "caller", "caller-name", "dialled");
        assertThat((String) journal.get("refused")).isNotBlank();
    }

    private static List<String> session(String field, byte[] value) throws IOException {
        FakeAsterisk asterisk = asterisk();
        return asterisk.call(hotline.port, InjectionPayloads.headerWith(asterisk, field, value), FakeAsterisk::silentCaller);
    }

    private static Map<String, Object> lastJournalLine() throws IOException {
        assertThat(hotline.journalLines).isNotEmpty();
        return JSON.readValue(hotline.journalLines.getLast(), new TypeReference<Map<String, Object>>() {});
    }
}
