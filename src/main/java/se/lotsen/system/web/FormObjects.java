package se.lotsen.system.web;

import java.util.ArrayList;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps a form page working when a value in the form did not convert (a time typed by hand as "i går kväll").
 *
 * <p>Lotsen's forms are records, built through their constructor. When a constructor argument fails to convert,
 * Spring still builds the record (with that argument empty) and gives it to the handler, but the binding result it
 * puts in the model was created before the record existed, so the page sees the form as missing and fails on the
 * first {@code form.field()} it reads: a server error where the user should see the field's error. The binder of each
 * form is remembered for the request, and before the page is rendered the model gets the record back, with a binding
 * result that holds it and all the errors, rejected values included.
 */
@ControllerAdvice
class FormObjects implements WebMvcConfigurer, HandlerInterceptor {

    private static final String BINDER = FormObjects.class.getName() + ".binder.";

    @InitBinder
    void rememberFormBinders(WebDataBinder binder) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && binder.getTarget() == null && binder.getTargetType() != null) {
            request.setAttribute(BINDER + binder.getObjectName(), binder, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null) {
            return;
        }
        Map<String, Object> model = view.getModel();
        for (String key : new ArrayList<>(model.keySet())) {
            if (key.startsWith(BindingResult.MODEL_KEY_PREFIX) && model.get(key) instanceof BindingResult result
                    && result.getTarget() == null
                    && request.getAttribute(BINDER + result.getObjectName()) instanceof WebDataBinder binder
                    && binder.getTarget() != null) {
                Object built = binder.getTarget();
                DirectFieldBindingResult repaired = new DirectFieldBindingResult(built, result.getObjectName());
                if (binder.getConversionService() != null) {
                    // So that the other fields are shown as the page shows them (a time as 2026-12-03 23:50).
                    repaired.initConversion(binder.getConversionService());
                }
                repaired.addAllErrors(result);
                model.put(result.getObjectName(), built);
                model.put(key, repaired);
            }
        }
    }
}
