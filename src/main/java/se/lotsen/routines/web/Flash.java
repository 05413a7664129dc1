package se.lotsen.routines.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The confirmation in words after a change ("Version 3 är publicerad"), carried over the redirect. The text is
 * resolved when the change is made, so it can name what changed.
 */
@Component
class Flash {

    /** The flash attribute the routine templates show. */
    static final String ATTRIBUTE = "routinesFlash";

    private final MessageSource messages;

    Flash(MessageSource messages) {
        this.messages = messages;
    }

    void put(RedirectAttributes redirect, Locale locale, String key, Object... args) {
        redirect.addFlashAttribute(ATTRIBUTE, messages.getMessage(key, args, locale));
    }
}
