package hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's config record: defaults, validation messages that start with the key, YAML binding. */
class StoreConfigTest {

    @Test
    void theDefaultsAreSqliteThreeAttemptsAndTheScriptsPromises() {
        Store store = Store.defaults();

        assertThat(store.jdbcUrl()).isEqualTo("jdbc:sqlite:data/hotline.db");
        assertThat(store.maxAttempts()).isEqualTo(3);
        assertThat(store.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(store.promise()).containsExactly(Map.entry("closed", Duration.ofHours(2)),
                Map.entry("complaint", Duration.ofHours(2)),
                Map.entry("complex", Duration.ofHours(24)), Map.entry("simple", Duration.ofHours(2)));
    }

    @Test
    void opsCanChangeAPromiseAndAddAReasonButNeverLoseADefaultOne() {
        Store store = new Store(null, null, null, null, null, null,
                Map.of("simple", Duration.ofHours(1), "refund", Duration.ofHours(48)));

        assertThat(store.promiseFor("simple")).contains(Duration.ofHours(1));
        assertThat(store.promiseFor("refund")).contains(Duration.ofHours(48));
        assertThat(store.promiseFor("complaint")).contains(Duration.ofHours(2));
        assertThat(store.promiseFor("gossip")).isEmpty();
    }

    @Test
    void eachBadValueIsRefusedWithItsKeyFirst() {
        assertThatThrownBy(() -> Store.at("jdbc:mysql://db/hotline")).hasMessageStartingWith("jdbc-url: ");
        assertThatThrownBy(() -> Store.at("jdbc:sqlite::memory:"))
                .hasMessage("jdbc-url: an in-memory SQLite database would lose every callback on restart");
        assertThatThrownBy(() -> new Store(null, null, null, 0, null, null, null))
                .hasMessage("max-attempts: must be 1..20, was 0");
        assertThatThrownBy(() -> new Store(null, null, null, null, Duration.ofSeconds(5), null, null))
                .hasMessage("retry-after: 5s is outside 1m..24h");
        assertThatThrownBy(() -> new Store(null, null, null, null, null, Duration.ofDays(2), null))
                .hasMessage("claim-timeout: 48h is outside 1m..24h");
        assertThatThrownBy(() -> new Store(null, null, null, null, null, null, Map.of("Big One", Duration.ofHours(1))))
                .hasMessageStartingWith("promise: 'Big One' is not a reason code");
        assertThatThrownBy(() -> new Store(null, null, null, null, null, null, Map.of("simple", Duration.ofDays(8))))
                .hasMessage("promise.simple: 192h is outside 1m..168h");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        Store store = new Store("jdbc:postgresql://db/hotline", "hotline", "s3cret", null, null, null, null);

        assertThat(store.toString()).contains("user=hotline").contains("password=***").doesNotContain("s3cret");
    }

    @Test
    void theRecordBindsFromKebabCaseYamlAsHotlineYamlWillHoldIt() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new SimpleModule().addDeserializer(Duration.class,
                        new FromStringDeserializer<Duration>(Duration.class) {
                            @Override
                            protected Duration _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext ctxt) {
                                return Durations.parse(value);
                            }
                        }));

        Store store = yaml.readValue("""
                jdbc-url: jdbc:postgresql://db.internal:5432/hotline
                user: hotline
                max-attempts: 5
                retry-after: 15m
                claim-timeout: 2h
                promise:
                  complex: 8h
                """, Store.class);

        assertThat(store.user()).isEqualTo("hotline");
        assertThat(store.password()).isEmpty();
        assertThat(store.maxAttempts()).isEqualTo(5);
        assertThat(store.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(store.promiseFor("complex")).contains(Duration.ofHours(8));
        assertThat(store.promiseFor("simple")).contains(Duration.ofHours(2));
    }
}
