package se.lotsen.system;

import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merged message source gives exactly what Spring's resource bundle message source gives, for every key of every
 * bundle Lotsen ships, in Swedish, in English and in a language Lotsen does not have, with and without arguments; and
 * for bundles made to disagree (a key in one bundle's base and in a later bundle's Swedish).
 */
class MergedMessageSourceTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final Locale[] LOCALES = {SWEDISH, Locale.forLanguageTag("sv"), Locale.ENGLISH,
            Locale.forLanguageTag("en-GB"), Locale.GERMAN, Locale.ROOT};
    private static final Object[] ARGS = {"Anna Exempel", 3, "SOCIALJOUREN-2026-0001"};
    /** For messages that format their arguments as numbers ({0,number}), which text arguments cannot be. */
    private static final Object[] NUMBERS = {1234, 2, 3.5, 4};

    /** The message, or the exception it threw (the same exception from both is the same outcome). */
    private static String outcome(java.util.function.Supplier<String> message) {
        try {
            return message.get();
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void everyMessageLotsenShipsIsTheSameAsSpringsInEveryLanguageWithAndWithoutArguments() throws IOException {
        MessageSourceProperties properties = applicationProperties();
        assertThat(properties.getBasename()).hasSizeGreaterThan(1);
        MergedMessageSource merged = MergedMessageSource.of(properties);
        ResourceBundleMessageSource spring = springs(properties);

        Set<String> keys = keysOf(properties);
        assertThat(keys).hasSizeGreaterThan(1000);
        keys.add("no.such.key");
        for (Locale locale : LOCALES) {
            for (String key : keys) {
                assertThat(merged.getMessage(key, null, null, locale)).as("%s in %s", key, locale)
                        .isEqualTo(spring.getMessage(key, null, null, locale));
                for (Object[] args : new Object[][] {ARGS, NUMBERS}) {
                    assertThat(outcome(() -> merged.getMessage(key, args, null, locale)))
                            .as("%s in %s with arguments", key, locale)
                            .isEqualTo(outcome(() -> spring.getMessage(key, args, null, locale)));
                }
            }
        }
    }

    @Test
    void theFirstBundleWithTheKeyWinsEvenInItsBaseOverALaterBundlesLanguage() {
        MessageSourceProperties properties = new MessageSourceProperties();
        properties.setBasename(java.util.List.of("i18n-merge/first", "i18n-merge/second"));
        properties.setEncoding(java.nio.charset.StandardCharsets.UTF_8);
        properties.setFallbackToSystemLocale(false);
        MergedMessageSource merged = MergedMessageSource.of(properties);
        ResourceBundleMessageSource spring = springs(properties);
        for (Locale locale : LOCALES) {
            for (String key : new String[] {"shared", "onlyFirst", "onlySecond", "svOnlyInSecond", "quote", "none"}) {
                assertThat(merged.getMessage(key, new Object[] {"x"}, "default", locale)).as("%s in %s", key, locale)
                        .isEqualTo(spring.getMessage(key, new Object[] {"x"}, "default", locale));
                assertThat(merged.getMessage(key, null, "default", locale)).as("%s in %s", key, locale)
                        .isEqualTo(spring.getMessage(key, null, "default", locale));
            }
        }
        // What the comparison above covers, written out.
        assertThat(merged.getMessage("shared", null, SWEDISH)).isEqualTo("from first, base");
        assertThat(merged.getMessage("shared", null, Locale.ENGLISH)).isEqualTo("from first, English");
        assertThat(merged.getMessage("onlyFirst", new Object[] {"x"}, SWEDISH)).isEqualTo("first x");
        assertThat(merged.getMessage("svOnlyInSecond", new Object[] {"x"}, SWEDISH)).isEqualTo("andra, bara svenska, x");
        assertThat(merged.getMessage("svOnlyInSecond", new Object[] {"x"}, Locale.ENGLISH))
                .isEqualTo("second, Swedish only, x");
        assertThat(merged.getMessage("quote", null, SWEDISH)).isEqualTo("it''s {0}");
        assertThat(merged.getMessage("quote", new Object[] {"x"}, SWEDISH)).isEqualTo("it's x");
    }

    /** spring.messages as application.yml sets it. */
    private static MessageSourceProperties applicationProperties() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return Binder.get(environment).bind("spring.messages", MessageSourceProperties.class).get();
    }

    /** Spring's message source, configured as Spring Boot configures it from the same properties. */
    private static ResourceBundleMessageSource springs(MessageSourceProperties properties) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(properties.getBasename().toArray(String[]::new));
        source.setDefaultEncoding(properties.getEncoding().name());
        source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return source;
    }

    private static Set<String> keysOf(MessageSourceProperties properties) throws IOException {
        Set<String> keys = new TreeSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String basename : properties.getBasename()) {
            for (Resource resource : resolver.getResources("classpath*:" + basename.trim() + "*.properties")) {
                Properties p = new Properties();
                try (var in = resource.getInputStream()) {
                    p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
                p.stringPropertyNames().forEach(keys::add);
            }
        }
        return keys;
    }
}
