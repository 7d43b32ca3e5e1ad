package hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.config.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries every call or every dialler round runs look rows up through an index: never a
 * scan of a table that keeps the past (callbacks are kept, DONE and FAILED alike). A scan costs
 * nothing on a test's empty store and ~30 ms a call on a store of 200,000 callbacks — on the
 * store's one writer thread, so for the whole node (V9__callbacks_by_caller.sql).
 */
class HotQueriesUseAnIndexTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"OPEN_CALLBACK", "NEXT_IN_LINE", "AGENTS_HELD", "BY_KEY", "PENDING_FOR_NUMBER"})
    void theQueryASearchesAnIndexAndScansNoTable(String name) throws Exception {
        String sql = switch (name) {
            case "OPEN_CALLBACK" -> JdbcCallerRecords.OPEN_CALLBACK;
            case "NEXT_IN_LINE" -> Claims.NEXT_IN_LINE;
            case "AGENTS_HELD" -> Claims.AGENTS_HELD;
            case "BY_KEY" -> Saves.BY_KEY;
            case "PENDING_FOR_NUMBER" -> Saves.PENDING_FOR_NUMBER;
            default -> throw new IllegalArgumentException(name);
        };
        String url = "jdbc:sqlite:" + dir.resolve("hotline.db");
        CallbackStore.open(Store.at(url), Clock.systemUTC()).close(); // the schema as the migrations make it

        List<String> plan = new ArrayList<>();
        try (var c = DriverManager.getConnection(url); var st = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
             var rs = st.executeQuery()) {
            while (rs.next()) plan.add(rs.getString("detail"));
        }
        assertThat(plan).as(name + ": " + sql).isNotEmpty()
                .noneMatch(step -> step.startsWith("SCAN ") && !step.equals("SCAN CONSTANT ROW")) // a SELECT without FROM
                .anyMatch(step -> step.startsWith("SEARCH ") || step.contains("USING INDEX") || step.contains("USING COVERING INDEX"));
    }
}
