package hotline.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the recorded prompts are and which languages the hotline offers.
 *
 * @param dir             the project's sounds folder, laid out as Asterisk expects
 *                        ({@code <dir>/<lang>/hotline/<key>.wav}); used by {@code check}
 * @param defaultLanguage the language a caller hears first; must be one of {@code languages}
 * @param languages       every language offered; each needs every prompt key
 */
public record Sounds(Path dir, String defaultLanguage, List<String> languages) {

    public Sounds {
        dir = dir == null ? Path.of("sounds") : dir;
        defaultLanguage = defaultLanguage == null ? "en" : defaultLanguage;
        languages = languages == null ? List.of(defaultLanguage) : List.copyOf(languages);
        languages.forEach(l -> Check.that(l.matches("[a-z]{2,3}(_[A-Z]{2})?"),
                "languages: '" + l + "' is not a language code like en, es, zh, ko, yue"));
        Check.that(languages.contains(defaultLanguage),
                "default-language: '" + defaultLanguage + "' is not in languages " + languages);
    }

    static Sounds defaults() {
        return new Sounds(null, null, null);
    }
}
