package se.lotsen.system.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Turns off the rewriting of links by the static-resource chain. With the WebJars locator on the class path, Boot
 * registers {@link ResourceUrlEncodingFilter}, and Thymeleaf then passes every link a page builds ({@code @{/cases/…}}
 * as well as the style sheet) through the resource resolvers. A link that is not a resource is not cached, so each one
 * was looked up again on every render in four class-path locations inside the jar: the benchmark's profile of the case
 * page put 56 % of the app's CPU there (README, "Benchmarks"). Lotsen's links need no rewriting: the WebJars resolver
 * still serves the version-less {@code /webjars/…} paths the layout uses, and static files are not cached for long.
 */
@Configuration(proxyBeanMethods = false)
class NoResourceUrlRewriting {

    /** Boot's own registration backs off when one exists; this one is disabled, so the filter never runs. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
