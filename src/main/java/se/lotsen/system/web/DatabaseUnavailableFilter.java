package se.lotsen.system.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.lotsen.common.DatabaseUnavailable;

/**
 * The outermost filter: a request that fails because the database cannot be reached is answered with 503
 * ({@link UnavailableAnswer}) instead of a 500, wherever the failure happened: in Spring Session's filter (which
 * reads the session from the database before anything else on every signed-in request), in Spring Security (the
 * token or the account), in a controller, or when the session is saved at the end.
 *
 * <p>When the handler of a write had already finished successfully (its transaction committed) and only saving the
 * session failed afterwards, its answer is sent as it is, so that a write that was saved is never reported as not
 * saved. A read in that situation is answered 503 (a page whose session was not saved would not work further).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableFilter implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    /** Set on a request whose handler finished without an error. */
    static final String HANDLED = DatabaseUnavailableFilter.class.getName() + ".handled";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailable(UnavailableAnswer answer) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        try {
                            chain.doFilter(request, response);
                        } catch (IOException | ServletException | RuntimeException e) {
                            if (!DatabaseUnavailable.isCause(e)) {
                                throw e;
                            }
                            if (Boolean.TRUE.equals(request.getAttribute(HANDLED))
                                    && UnavailableAnswer.isWrite(request)) {
                                log.warn("The database became unreachable after {} {} was handled (saving the "
                                        + "session failed); the handler's answer is sent: {}", request.getMethod(),
                                        request.getRequestURI(), DatabaseUnavailable.describe(e));
                                return;
                            }
                            if (response.isCommitted()) {
                                log.warn("The database became unreachable during {} {} after the answer was "
                                        + "sent: {}", request.getMethod(), request.getRequestURI(),
                                        DatabaseUnavailable.describe(e));
                                return;
                            }
                            log.warn("The database is unreachable: {} {} answered 503: {}", request.getMethod(),
                                    request.getRequestURI(), DatabaseUnavailable.describe(e));
                            answer.write(request, response);
                        }
                    }

                    @Override
                    protected boolean shouldNotFilterErrorDispatch() {
                        return false;
                    }
                });
        // Outside Spring Session's filter (Integer.MIN_VALUE + 50) and everything else.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setName("databaseUnavailable");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                request.setAttribute(RequestCommits.IN_HANDLER, Boolean.TRUE);
                return true;
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                        Exception ex) {
                if (ex == null && response.getStatus() < 400) {
                    request.setAttribute(HANDLED, Boolean.TRUE);
                }
            }
        });
    }
}
