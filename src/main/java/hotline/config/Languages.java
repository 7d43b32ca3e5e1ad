package hotline.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which language a caller hears and how they switch (call-scripts.md §4).
 *
 * @param offered        every language offered; each needs every prompt (checked by {@code check})
 * @param fallback       the language whose file is played when a prompt is missing in the
 *                       caller's language, and for numbers not in {@code byNumber}
 * @param byNumber       dialled number (DID) → language
 * @param menu           key → language, offered at the greeting with each option spoken in
 *                       its own language ({@code option-prompt}); empty: no menu. The keys
 *                       are spoken in the recordings: change both together
 * @param optionPrompt   the prompt, recorded per language, "for English, press 1"
 * @param dialectKey     the key that starts the dialect ladder; empty: not offered
 * @param dialectPrompt  "if you speak another dialect, press 9", in the caller's language
 * @param menuKey        the key that plays the whole menu (each language's option in its own
 *                       language, the dialect and complaint options); empty: the whole menu
 *                       follows the greeting, as before; default "0"
 * @param optionsPrompt  one short line after the greeting, in the caller's language, naming
 *                       the menu key and the complaint key ("other languages, press 0; a
 *                       complaint, press 8"); empty: none; default more-options. Every key
 *                       works from the first second whatever is offered (docs/languages.md)
 */
public record Languages(List<String> offered, String fallback, Map<String, String> byNumber,
                        Map<String, String> menu, String optionPrompt, String dialectKey,
                        String dialectPrompt, String menuKey, String optionsPrompt) {

    public Languages {
        offered = offered == null ? List.of("en") : List.copyOf(offered);
        fallback = fallback == null ? (offered.isEmpty() ? "en" : offered.getFirst()) : fallback;
        byNumber = byNumber == null ? Map.of() : copy(byNumber);
        menu = menu == null ? Map.of() : copy(menu);
        optionPrompt = optionPrompt == null ? "language-option" : optionPrompt;
        dialectKey = dialectKey == null ? "" : dialectKey;
        dialectPrompt = dialectPrompt == null ? "dialect-option" : dialectPrompt;
        menuKey = menuKey == null ? "0" : menuKey;
        optionsPrompt = optionsPrompt == null ? "more-options" : optionsPrompt;
        var check = new Check();
        check.that("offered", !offered.isEmpty(), "at least one language is needed");
        for (int i = 0; i < offered.size(); i++) {
            check.item("offered", i, offered.get(i).matches("[a-z]{2,3}(_[A-Z]{2})?"),
                    Check.quote(offered.get(i)) + " is not a language code like en, es, zh, ko, yue");
        }
        final List<String> known = offered;
        check.across("fallback", Set.of("fallback", "offered"), known.contains(fallback),
                Check.quote(fallback) + " is not one of languages.offered " + known);
        byNumber.forEach((number, lang) -> {
            check.entryName("by-number", number, number.matches("[0-9*#+]{1,32}"),
                    Check.quote(number) + " is not a dialled number (digits, '+', '*' and '#')");
            check.entryValue("by-number", number, known.contains(lang),
                    Check.quote(lang) + " is not one of languages.offered " + known);
        });
        menu.forEach((key, lang) -> {
            check.entryName("menu", key, key.matches("[0-9*#]"), Check.quote(key) + " is not a single phone key (0-9, * or #)");
            check.entryValue("menu", key, known.contains(lang), Check.quote(lang) + " is not one of languages.offered " + known);
        });
        check.phoneKey("dialect-key", dialectKey, true);
        check.across("dialect-key", Set.of("dialect-key", "menu"), dialectKey.isEmpty() || !menu.containsKey(dialectKey),
                Check.quote(dialectKey) + " is also a key of languages.menu");
        check.phoneKey("menu-key", menuKey, true);
        check.across("menu-key", Set.of("menu-key", "menu", "dialect-key"),
                menuKey.isEmpty() || !menu.containsKey(menuKey) && !menuKey.equals(dialectKey),
                Check.quote(menuKey) + " is also a key of languages.menu or the dialect-key");
        if (!optionsPrompt.isEmpty()) check.promptKey("options-prompt", optionsPrompt);
        check.promptKey("option-prompt", optionPrompt);
        check.promptKey("dialect-prompt", dialectPrompt);
        check.done();
    }

    static Languages defaults() {
        return new Languages(null, null, null, null, null, null, null, null, null);
    }

    /** The language for a dialled number, else the fallback. */
    public String forNumber(String dialled) {
        return byNumber.getOrDefault(dialled, fallback);
    }

    /** Every key the greeting listens for: the menu keys, the dialect key and the menu key. */
    public String keys() {
        return String.join("", menu.keySet()) + dialectKey + menuKey;
    }

    public Optional<String> languageForKey(char key) {
        return Optional.ofNullable(menu.get(String.valueOf(key)));
    }

    private static Map<String, String> copy(Map<String, String> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m)); // keeps the menu order
    }
}
