package hotline.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reload did: swapped the script ({@code ok}, the new {@code version}, and the
 * restart-only keys the file changed) or refused the file ({@code errors}, each with the file,
 * line and key path; the running script and its {@code version} stay).
 */
public record ReloadResult(boolean ok, String version, List<String> errors, List<String> needsRestart) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReloadResult {
        errors = List.copyOf(errors);
        needsRestart = List.copyOf(needsRestart);
    }

    /** {@code {"ok":…,"version":…,"errors":[…],"needs-restart":[…]}}, as POST /reload answers. */
    public String toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ok", ok);
        map.put("version", version);
        map.put("errors", errors);
        map.put("needs-restart", needsRestart);
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** Reads what {@link #toJson} wrote (the {@code reload} command). */
    public static ReloadResult fromJson(String json) {
        try {
            var node = JSON.readTree(json);
            return new ReloadResult(node.path("ok").asBoolean(), node.path("version").asText(""),
                    strings(node.path("errors")), strings(node.path("needs-restart")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a reload answer: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
        var list = new java.util.ArrayList<String>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
