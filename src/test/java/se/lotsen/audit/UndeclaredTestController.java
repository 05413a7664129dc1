package se.lotsen.audit;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Lotsen handler that declares neither {@link Audited} nor {@link NotAudited}. {@link TestComponent} keeps it out
 * of component scanning; only {@link UndeclaredHandlerIsRefusedIT} imports it.
 */
@TestComponent
@RestController
class UndeclaredTestController {

    static final String SECRET = "personnummer-19121212-1212";
    static final AtomicInteger CALLS = new AtomicInteger();

    @GetMapping("/api/v1/test-undeclared")
    Map<String, String> undeclared() {
        CALLS.incrementAndGet();
        return Map.of("secret", SECRET);
    }
}
