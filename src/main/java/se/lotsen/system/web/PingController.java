package se.lotsen.system.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.audit.NotAudited;

/**
 * A trivial signed-in endpoint: the benchmark's measure of the framework's own ceiling (security filters, session
 * lookup, dispatch) without any work of Lotsen's. It is signed-in like every page, so it costs what a page costs
 * before the handler runs.
 */
@RestController
class PingController {

    @GetMapping(value = "/ping", produces = MediaType.TEXT_PLAIN_VALUE)
    @NotAudited("answers a constant; reads no personal data and nothing from the database beyond the session")
    String ping() {
        return "ok";
    }
}
