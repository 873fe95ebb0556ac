package ai.brokle.migrate.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The values being resolved by parameter name (e.g. {@code postgres.url}), each with the layer it came from. */
final class ConfigValues {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();

    /** Sets every value of a layer over the lower ones. */
    void layer(Map<String, String> layerValues, String origin) {
        layerValues.forEach((key, value) -> put(key, value, origin));
    }

    void put(String key, String value, String origin) {
        values.put(key, value);
        origins.put(key, origin);
    }

    String get(String key) {
        return values.get(key);
    }

    /** The value as a whole number, or null when unset. */
    Integer integer(String key) {
        String value = stripped(key);
        return wholeNumber(key, value.isEmpty() ? null : value, problem -> error(key, problem));
    }

    /** The project's one whole-number parser: null for null; {@code error} words the problem with its origin. */
    static Integer wholeNumber(String key, String text, Function<String, ConfigurationException> error) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error.apply("must be a whole number. Example: -D" + ConfigResolver.PREFIX + key + "=2");
        }
    }

    /** The value as a path resolved against {@code baseDir}, or null when unset. */
    Path path(Path baseDir, String key) {
        String value = stripped(key);
        return value.isEmpty() ? null : baseDir.resolve(value).normalize();
    }

    private String stripped(String key) {
        String value = get(key);
        return value == null ? "" : value.strip();
    }

    /** True when the value was set by a layer above the defaults. */
    boolean isExplicit(String key) {
        String value = get(key);
        return value != null && !value.isBlank() && !"default".equals(origins.get(key));
    }

    /** The parameter and where its value came from, as error messages name it. */
    String describe(String key) {
        return describe(key, origins.getOrDefault(key, "default"));
    }

    static String describe(String key, String origin) {
        return ConfigResolver.PREFIX + key + " (from " + origin + ")";
    }

    /** An error naming the parameter, its origin and its value (masked), followed by {@code problem}. */
    ConfigurationException error(String key, String problem) {
        String value = get(key);
        String shown = key.endsWith("password") ? "***" : SecretMasker.maskUrl(value);
        return invalid(describe(key), shown, problem);
    }

    /** The error every resolved parameter gives: {@code brokle.migrate.KEY (from ORIGIN)=VALUE problem}. */
    static ConfigurationException invalid(String described, String shownValue, String problem) {
        return new ConfigurationException(described + "=" + shownValue + " " + problem);
    }
}
