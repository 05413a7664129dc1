package se.lotsen.system;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.StringUtils;

/**
 * The application's messages: Spring's {@link ResourceBundleMessageSource} over the bundles of
 * {@code spring.messages.basename}, with one difference. A language's messages from all the bundles are merged into
 * one map the first time the language is asked for, so that a lookup is one hash lookup instead of a walk through the
 * ten bundles and each one's parents (a fifth of the time Thymeleaf took to render the case page went there; README,
 * "Benchmarks"). Which message a key gives is the same as Spring's: the first bundle, in the order of the basenames,
 * that has the key in the language or in one of its fallbacks ({@code MergedMessageSourceTest} compares every key of
 * every bundle in Swedish, English and a language Lotsen does not have).
 *
 * <p>With a cache duration ({@code spring.messages.cache-duration}, to edit messages without a restart) nothing is
 * merged and Spring's own lookups, which reload the bundles, are used.
 */
class MergedMessageSource extends ResourceBundleMessageSource {

    /** A language's merged messages; languages that resolve to the same bundles share one map. */
    private final Map<Locale, Map<String, String>> byLocale = new ConcurrentHashMap<>();
    private final Map<List<ResourceBundle>, Map<String, String>> byBundles = new ConcurrentHashMap<>();
    private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

    /** Configured from {@code spring.messages} as Spring Boot configures its own message source. */
    static MergedMessageSource of(MessageSourceProperties properties) {
        MergedMessageSource source = new MergedMessageSource();
        if (properties.getBasename() != null && !properties.getBasename().isEmpty()) {
            source.setBasenames(properties.getBasename().stream().map(StringUtils::trimAllWhitespace)
                    .toArray(String[]::new));
        }
        if (properties.getEncoding() != null) {
            source.setDefaultEncoding(properties.getEncoding().name());
        }
        source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            source.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return source;
    }

    @Override
    protected String resolveCodeWithoutArguments(String code, Locale locale) {
        if (getCacheMillis() >= 0) {
            return super.resolveCodeWithoutArguments(code, locale);
        }
        return messages(locale).get(code);
    }

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        if (getCacheMillis() >= 0) {
            return super.resolveCode(code, locale);
        }
        String message = messages(locale).get(code);
        if (message == null) {
            return null;
        }
        // As Spring's: one MessageFormat per message and language, which AbstractMessageSource formats under a lock.
        return formats.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, c -> createMessageFormat(message, locale));
    }

    private Map<String, String> messages(Locale locale) {
        return byLocale.computeIfAbsent(locale, l -> {
            List<ResourceBundle> bundles = new ArrayList<>();
            for (String basename : getBasenameSet()) {
                ResourceBundle bundle = getResourceBundle(basename, l);
                if (bundle != null) {
                    bundles.add(bundle);
                }
            }
            return byBundles.computeIfAbsent(List.copyOf(bundles), MergedMessageSource::merge);
        });
    }

    /** The bundles' messages, the first bundle's winning: Spring asks the bundles in this order and takes the first. */
    private static Map<String, String> merge(List<ResourceBundle> bundles) {
        Map<String, String> all = new HashMap<>();
        for (ResourceBundle bundle : bundles) {
            // keySet() holds the keys of the bundle and of its parents (a language's bundle falls back to the base).
            for (String key : bundle.keySet()) {
                if (!all.containsKey(key)) {
                    Object value = bundle.getObject(key);
                    if (value instanceof String text) {
                        all.put(key, text);
                    }
                }
            }
        }
        return Map.copyOf(all);
    }
}
