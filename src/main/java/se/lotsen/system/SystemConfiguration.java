package se.lotsen.system;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The clock, and languages: Swedish by default, English selectable with {@code ?lang=en} (kept in a cookie).
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration implements WebMvcConfigurer {

    /** All dates people see are Swedish local dates. */
    static final ZoneId SWEDEN = se.lotsen.common.SwedishDates.ZONE;
    static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    @Bean
    Clock clock() {
        return Clock.system(SWEDEN);
    }

    /**
     * JSON that says nothing is not a value: an empty or blank string (and Jackson counts control characters such as
     * NUL as blank) for a boolean, a number, an enum or a date is refused with 400 naming the field, instead of
     * silently becoming {@code false}, zero or "absent" -- which turned {@code "enabled": "\u0000"} into a disabled
     * account.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> {
            for (LogicalType type : new LogicalType[] {LogicalType.Boolean, LogicalType.Integer, LogicalType.Float,
                    LogicalType.Enum, LogicalType.DateTime}) {
                builder.withCoercionConfig(type, config -> config.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
            }
        };
    }

    /**
     * The messages, from the same {@code spring.messages} settings Spring Boot's own message source would use (which
     * steps aside for a bean of this name): see {@link MergedMessageSource}.
     */
    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource(Environment environment) {
        return MergedMessageSource.of(Binder.get(environment).bind("spring.messages", MessageSourceProperties.class)
                .orElseGet(MessageSourceProperties::new));
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("LOTSEN_LANG") {
            @Override
            public void setLocale(jakarta.servlet.http.HttpServletRequest request,
                                  jakarta.servlet.http.HttpServletResponse response, Locale locale) {
                // Only Swedish and English exist; anything else falls back to Swedish.
                boolean english = locale != null && "en".equals(locale.getLanguage());
                super.setLocale(request, response, english ? Locale.ENGLISH : SWEDISH);
            }
        };
        resolver.setDefaultLocale(SWEDISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
