package hotline.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Export to a string, and read a JSON export back. */
final class Exports {

    private Exports() {}

    static String of(CallbackStore store, ExportFormat format) {
        var out = new StringWriter();
        store.export(CallbackFilter.all(), format, out);
        return out.toString();
    }

    static List<Map<String, Object>> parseJson(String json) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<>() {});
        } catch (Exception e) {
            throw new AssertionError("not a JSON array of objects: " + json, e);
        }
    }
}
