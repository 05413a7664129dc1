package se.lotsen.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

import se.lotsen.common.DatabaseUnavailable;
import se.lotsen.common.TryAgainLater;

/** How a failed event listener (run after the commit, on the task executor) is logged. */
@Component
class ListenerFailures implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

    /**
     * A listener that failed leaves its event to be delivered again. A failure outside Lotsen (a mail server down)
     * is a one-line warning; anything else is an error with its stack trace, for the developers.
     */
    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (error, method, params) -> {
            String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            if (error instanceof TryAgainLater) {
                log.warn("{}: {}; the event is delivered again later", where, error.getMessage());
            } else if (DatabaseUnavailable.isCause(error)) {
                log.warn("{}: the database cannot be reached ({}); the event is delivered again later", where,
                        DatabaseUnavailable.describe(error));
            } else {
                log.error("{} failed; the event is delivered again later", where, error);
            }
        };
    }
}
