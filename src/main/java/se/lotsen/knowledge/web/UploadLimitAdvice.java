package se.lotsen.knowledge.web;

import java.util.regex.Matcher;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * (Behind {@link UploadLimitFilter}, which catches the usual case first.) An upload larger than the servlet
 * container's multipart limit ({@code spring.servlet.multipart.max-file-size}) fails
 * before any handler runs. It must not become a server error: the material form comes back with the same translated
 * message as a file over {@code lotsen.knowledge.max-material-size}. Global because no handler is known yet when the
 * multipart request is parsed; materials are Lotsen's only uploads.
 */
@ControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = UploadLimitFilter.MATERIALS.matcher(path);
        if (m.matches()) {
            return new ModelAndView("redirect:/knowledge/events/" + m.group(1) + "?upload=too-large");
        }
        ModelAndView error = new ModelAndView("error");
        error.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        error.addObject("status", 413);
        return error;
    }
}
