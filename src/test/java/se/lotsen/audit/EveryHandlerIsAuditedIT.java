package se.lotsen.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forgetting to audit is hard: every Lotsen web handler declares {@link Audited} or {@link NotAudited}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryHandlerIsAuditedIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void everyLotsenHandlerDeclaresWhetherItIsAudited() {
        Map<RequestMappingInfo, HandlerMethod> handlers = handlerMapping.getHandlerMethods();
        List<String> lotsenHandlers = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        List<String> both = new ArrayList<>();
        handlers.forEach((info, method) -> {
            if (!method.getBeanType().getName().startsWith("se.lotsen.")) {
                return;
            }
            String name = method.getBeanType().getSimpleName() + "#" + method.getMethod().getName() + " " + info;
            lotsenHandlers.add(name);
            boolean audited = method.hasMethodAnnotation(Audited.class);
            boolean notAudited = method.hasMethodAnnotation(NotAudited.class)
                    || method.getBeanType().isAnnotationPresent(NotAudited.class);
            if (!audited && !notAudited) {
                undeclared.add(name);
            }
            if (audited && notAudited) {
                both.add(name);
            }
        });

        // The check is not vacuous: the known handlers are there.
        assertThat(lotsenHandlers).anyMatch(h -> h.startsWith("AuthApiController#me "))
                .anyMatch(h -> h.startsWith("AuthApiController#token "))
                .anyMatch(h -> h.startsWith("HomeController#login "))
                .anyMatch(h -> h.startsWith("LotsenErrorController#error "));
        assertThat(undeclared).as("handlers with neither @Audited nor @NotAudited").isEmpty();
        assertThat(both).as("handlers that are both @Audited and @NotAudited").isEmpty();
    }

    @Test
    void everyNotAuditedSaysWhy() {
        List<String> withoutReason = new ArrayList<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getName().startsWith("se.lotsen.")) {
                return;
            }
            NotAudited onMethod = method.getMethodAnnotation(NotAudited.class);
            NotAudited onClass = method.getBeanType().getAnnotation(NotAudited.class);
            for (NotAudited n : new NotAudited[] {onMethod, onClass}) {
                if (n != null && n.value().isBlank()) {
                    withoutReason.add(method.getShortLogMessage());
                }
            }
        });
        assertThat(withoutReason).isEmpty();
    }
}
