package se.lotsen.access;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import se.lotsen.common.DatabaseUnavailable;

/**
 * Two security chains: the JSON API (stateless, bearer tokens, problem-details errors) and the pages (form sign-in,
 * CSRF, session fixation protection, strict headers).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** No inline scripts or styles anywhere: every script and style sheet is a file served by Lotsen. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** One year: browsers remember to use HTTPS only. */
    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    /** A wrong password says only that; a limited attempt says how long to wait (neither says the account exists). */
    private static AuthenticationFailureHandler loginFailures() {
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            if (DatabaseUnavailable.isCause(exception)) {
                // Not a wrong password: the accounts could not be read. Answered 503 "temporarily unavailable".
                throw exception;
            }
            if (exception instanceof TooManyAttempts limited) {
                response.sendRedirect(request.getContextPath() + "/login?throttled=" + limited.minutes());
            } else {
                wrong.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder(12));
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    /**
     * Every password sign-in (the page and the token endpoint) is first checked against the limits on guessing:
     * a limited attempt is refused before its password is checked.
     */
    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
                                                AuthenticationEventPublisher events, SignInAttempts attempts) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        AuthenticationProvider provider = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                try {
                    attempts.requireAllowed(authentication.getName());
                } catch (DataAccessException e) {
                    // The limits are counted in the database: as when the account cannot be read, not a wrong
                    // password (answered 503 "temporarily unavailable" when the database is away).
                    throw new InternalAuthenticationServiceException("the limits on guessing could not be read", e);
                }
                return passwords.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, AuthenticationManager authenticationManager)
            throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable()) // no cookies: bearer tokens cannot be sent by another site
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/audit/**").hasRole(Role.AUDITOR.name())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemResponses.write(req, res, 401,
                                "Unauthorized", "A valid bearer token is required. "
                                        + "Get one with POST /api/v1/auth/token."))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(req, res, 403,
                                "Forbidden", "Your role does not give access to this resource.")))
                .headers(h -> h
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)
                                .includeSubDomains(true))
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                  AccessProperties properties, Clock clock) throws Exception {
        // Bearer tokens sign in API requests only: a page request with one is an anonymous page request.
        http.authenticationManager(authenticationManager)
                .addFilterAfter(new SessionLifetimeFilter(properties.session().maxLifetime(), clock),
                        SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/audit/**").hasRole(Role.AUDITOR.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f
                        .loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(loginFailures()))
                .logout(l -> l
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("LOTSEN_SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                // The error page learns why access was refused (e.g. a handed-over case that may only be read).
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    req.setAttribute(WebAttributes.ACCESS_DENIED_403, ex);
                    if (!res.isCommitted()) {
                        res.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }))
                .headers(h -> h
                        // Sent on secure requests only: behind a TLS proxy that needs LOTSEN_FORWARD_HEADERS=native.
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)
                                .includeSubDomains(true))
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
