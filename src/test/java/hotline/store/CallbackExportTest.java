package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV fields as a spreadsheet must read them. */
class CallbackExportTest {

    @Test
    void plainTextIsWrittenAsItIs() {
        assertThat(CallbackExport.csvField("0612345678")).isEqualTo("0612345678");
        assertThat(CallbackExport.csvField(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedTheRfc4180Way() {
        assertThat(CallbackExport.csvField("Ruiz, \"Ana\"")).isEqualTo("\"Ruiz, \"\"Ana\"\"\"");
        assertThat(CallbackExport.csvField("a\nb")).isEqualTo("\"a\nb\"");
    }

    @Test
    void aCallerIdASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(CallbackExport.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CallbackExport.csvField("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CallbackExport.csvField("-2+3")).isEqualTo("'-2+3");
    }

    @Test
    void anInternationalNumberKeepsItsPlus() {
        assertThat(CallbackExport.csvField("+34 600 000 000")).isEqualTo("+34 600 000 000");
    }

    @Test
    void theHeaderNamesEveryFieldInTheJsonToo() {
        assertThat(CallbackExport.FIELDS).hasSize(14).startsWith("id", "created-at", "callback-number");
    }
}
