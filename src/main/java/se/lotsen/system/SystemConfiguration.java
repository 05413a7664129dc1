package se.lotsen.system;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
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
