package hotline.store;

import java.util.regex.Pattern;

/**
 * The number to call back: digits only, as the caller keyed it in or as the caller ID gave
 * it, 3 to 20 digits (international numbers with their 00 prefix fit).
 */
public record CallbackNumber(String digits) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{3,20}");

    public CallbackNumber {
        Fields.check(digits != null && DIGITS.matcher(digits).matches(),
                "callback-number: '" + Fields.shown(digits) + "' is not a phone number (3 to 20 digits, nothing else)");
    }

    public static CallbackNumber of(String digits) {
        return new CallbackNumber(digits);
    }

    @Override
    public String toString() {
        return digits;
    }
}
