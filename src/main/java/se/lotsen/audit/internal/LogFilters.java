package se.lotsen.audit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.lotsen.audit.AuditSubjects;
import se.lotsen.audit.AuditTrail;
import se.lotsen.audit.Audited;
import se.lotsen.audit.ReviewFlag;
import se.lotsen.common.FieldProblems;

/**
 * Turns the review's filter as typed into an {@link AuditTrail.Filter}, refusing what cannot be meant (an unknown unit,
 * record type or flag, a period that runs backwards) with field problems, so that the page shows them at the fields
 * and the API answers 400. The record types are the ones Lotsen's handlers declare, read from the handler mappings.
 */
@Component
class LogFilters {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<String> recordTypes;

    LogFilters(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** Every record type an entry can have: those of the handlers, and sign-ins'. */
    List<String> recordTypes() {
        List<String> types = recordTypes;
        if (types == null) {
            Set<String> found = new TreeSet<>(Set.of(SignInAuditListener.RECORD_TYPE));
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            if (mapping != null) {
                mapping.getHandlerMethods().values().forEach(m -> {
                    Audited audited = m.getMethodAnnotation(Audited.class);
                    if (audited != null) {
                        found.add(audited.recordType());
                    }
                });
            }
            types = List.copyOf(found);
            recordTypes = types;
        }
        return types;
    }

    /** The flag filter's values: any flag, then each flag. */
    static List<String> flagChoices() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(LogFilterForm.ANY_FLAG),
                java.util.Arrays.stream(ReviewFlag.values()).map(Enum::name)).toList();
    }

    /**
     * The filter, or field problems naming what is wrong.
     *
     * @param units the units the unit filter may name
     */
    AuditTrail.Filter toFilter(LogFilterForm form, List<AuditSubjects.UnitChoice> units) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        String unit = trimmed(form.unit());
        if (unit != null && units.stream().noneMatch(u -> u.code().equals(unit))) {
            problems.add("unit", "auditReview.unknownUnit");
        }
        String recordType = trimmed(form.recordType());
        if (recordType != null) {
            recordType = recordType.toUpperCase(Locale.ROOT);
            if (!recordTypes().contains(recordType)) {
                problems.add("recordType", "validation.invalid");
            }
        }
        String flagCode = form.flagOrAny();
        boolean anyFlag = LogFilterForm.ANY_FLAG.equals(flagCode);
        ReviewFlag flag = null;
        if (flagCode != null && !anyFlag) {
            try {
                flag = ReviewFlag.valueOf(flagCode);
            } catch (IllegalArgumentException e) {
                problems.add("flag", "validation.invalid");
            }
        }
        if (form.from() != null && form.to() != null && form.from().isAfter(form.to())) {
            problems.add("to", "auditReview.period.order");
        }
        problems.throwIfAny();
        return new AuditTrail.Filter(trimmed(form.caseNumber()), trimmed(form.person()), trimmed(form.user()), unit,
                form.action(), recordType, trimmed(form.recordId()), form.outcome(), anyFlag, flag, form.from(),
                form.to());
    }

    static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
