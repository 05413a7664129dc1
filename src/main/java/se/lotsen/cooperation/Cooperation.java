package se.lotsen.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseScope;
import se.lotsen.cases.Cases;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.LinkedStep;

/**
 * Each case's cooperation log. Reads take a {@link CaseGrant}, changes a {@link WriteGrant}; a placement contact of a
 * person with protected identity is shown only to those with the right.
 */
@Service
public class Cooperation {

    static final Set<String> CHANNELS = Set.of("PHONE", "EMAIL", "SECURE_EMAIL", "MEETING", "LETTER", "VIDEO", "OTHER");
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Partners partners;
    private final JsonMapper json;
    private final Clock clock;

    public Cooperation(JdbcClient jdbc, Cases cases, Partners partners, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.partners = partners;
        this.json = json;
        this.clock = clock;
    }

    /** Records a contact; queued when the partner is closed; may complete the matching routine step. */
    @Transactional
    public Contact record(WriteGrant grant, ContactCommand cmd) {
        grant.requireActive();
        CaseId caseId = grant.caseId();
        Checked checked = validate(cmd);
        Partner partner = checked.partner();
        Map<String, String> fields = checked.fields();
        ContactStatus status = cmd.status() == null ? ContactStatus.DONE : cmd.status();
        Instant queuedFor = null;
        boolean asynchronous = Set.of("EMAIL", "SECURE_EMAIL", "LETTER").contains(cmd.channel());
        Instant now = clock.instant();
        if (status == ContactStatus.QUEUED) {
            // Planned: queued for the partner's next opening at or after the planned time.
            queuedFor = partners.nextOpening(partner, cmd.at().isAfter(now) ? cmd.at() : now);
        } else if (status != ContactStatus.CLOSED && !asynchronous && !partners.isOpen(partner, cmd.at())) {
            // A call or meeting with a partner that is closed cannot have happened: it waits for the next opening.
            status = ContactStatus.QUEUED;
            queuedFor = partners.nextOpening(partner, cmd.at());
        }
        boolean endangers = cmd.type() == ContactType.HOME_COUNTRY_UD && "YES".equals(fields.get("contactMayEndanger"));
        if (endangers) {
            // Hague 1996 art. 37 / Brussels IIb art. 88: no contact when it could endanger the child.
            status = ContactStatus.CLOSED;
            queuedFor = null;
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO cooperation_contact (id, case_id, partner_id, type, at, channel, summary, follow_up_on,
                            status, queued_for, fields, recorded_by, recorded_by_name, placement)
                        VALUES (:id, :c, :p, :type, :at, :channel, :summary, :follow, :status, :queued, CAST(:fields AS jsonb),
                            :by, :name, :placement)""")
                .param("id", id).param("c", caseId.value()).param("p", partner.id()).param("type", cmd.type().name())
                .param("at", cmd.at().atOffset(ZoneOffset.UTC)).param("channel", cmd.channel())
                .param("summary", cmd.summary().trim()).param("follow", cmd.followUpOn()).param("status", status.name())
                .param("queued", queuedFor == null ? null : queuedFor.atOffset(ZoneOffset.UTC))
                .param("fields", json.writeValueAsString(fields)).param("by", grant.user().accountId())
                .param("name", grant.user().displayName())
                .param("placement", cmd.placement() || cmd.type().placement()).update();
        if (cmd.completeStep() && (status == ContactStatus.DONE || status == ContactStatus.AWAITING_REPLY || endangers)) {
            // A risk assessment that forbids contact is still a documented risk assessment.
            completeStep(grant, cmd.type(), fields);
        }
        return find(caseId.value(), id).orElseThrow();
    }

    /** Marks a queued or awaiting contact as done (or closed), e.g. the morning after; may complete the step. */
    @Transactional
    public Contact changeStatus(WriteGrant grant, UUID contactId, ContactStatus status, String note,
                                boolean completeStep) {
        grant.requireActive();
        CaseId caseId = grant.caseId();
        Contact c = find(caseId.value(), contactId).orElseThrow(() -> new NotFoundException("contact"));
        checkStatus(c, status, note);
        String summary = note == null || note.isBlank() ? c.summary()
                : c.summary() + "\n\n" + SwedishCalendar.swedishDate(clock.instant()) + " " + grant.user().displayName()
                + ": "
                + note.trim();
        jdbc.sql("UPDATE cooperation_contact SET status = :s, summary = :sum, queued_for = NULL, updated_at = now() WHERE id = :id")
                .param("s", status.name()).param("sum", summary).param("id", contactId).update();
        if (completeStep && (status == ContactStatus.DONE || status == ContactStatus.AWAITING_REPLY)) {
            completeStep(grant, c.type(), c.fields());
        }
        return find(caseId.value(), contactId).orElseThrow();
    }

    /** The rules of {@link #record}, checked without recording anything (all of a form's problems at once). */
    public void check(WriteGrant grant, ContactCommand cmd) {
        validate(cmd);
    }

    private record Checked(Partner partner, Map<String, String> fields) {
    }

    private Checked validate(ContactCommand cmd) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        Partner partner = cmd.partnerId() == null ? null : partners.find(cmd.partnerId()).filter(Partner::active).orElse(null);
        if (partner == null) {
            problems.add("partnerId", "validation.contact.partner");
        }
        if (cmd.type() == null) {
            problems.add("type", "validation.required");
        }
        if (cmd.at() == null) {
            problems.add("at", "validation.required");
        } else if (cmd.at().isAfter(clock.instant().plusSeconds(300)) && cmd.status() != ContactStatus.QUEUED) {
            problems.add("at", "validation.case.receivedAt.future");
        }
        if (cmd.channel() == null || !CHANNELS.contains(cmd.channel())) {
            problems.add("channel", "validation.required");
        }
        if (cmd.summary() == null || cmd.summary().isBlank()) {
            problems.add("summary", "validation.required");
        } else if (cmd.summary().length() > 20000) {
            problems.add("summary", "validation.size.max.n", 20000);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (cmd.type() != null) {
            fields = checkFields(cmd.type(), cmd.fields(), problems);
        }
        problems.throwIfAny();
        return new Checked(partner, fields);
    }

    /** The rules of {@link #changeStatus}, checked without changing anything. */
    public void checkStatus(WriteGrant grant, UUID contactId, ContactStatus status, String note) {
        checkStatus(find(grant.caseId().value(), contactId).orElseThrow(() -> new NotFoundException("contact")),
                status, note);
    }

    private static void checkStatus(Contact c, ContactStatus status, String note) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (status == null || status == ContactStatus.QUEUED) {
            problems.add("status", "validation.required");
        } else if (c.type() == ContactType.HOME_COUNTRY_UD && "YES".equals(c.fields().get("contactMayEndanger"))
                && status != ContactStatus.CLOSED) {
            // Hague 1996 art. 37 / Brussels IIb art. 88: a contact that could endanger the child is never made.
            problems.add("status", "validation.contact.endangers");
        }
        if (note != null && note.length() > 2000) {
            problems.add("note", "validation.size.max.n", 2000);
        }
        problems.throwIfAny();
    }

    /** The case's contacts, oldest first; placement contacts of a protected person only for those with the right. */
    public List<Contact> forCase(CaseGrant grant) {
        grant.requireRead();
        boolean mayViewPlacement = grant.mayViewProtected();
        return jdbc.sql(SELECT + " WHERE k.case_id = :c ORDER BY k.at").param("c", grant.caseId().value())
                .query(this::map).list().stream().map(c -> mayViewPlacement ? c : c.withPlacementHidden()).toList();
    }

    /**
     * Queued contacts due on or before the day, of the cases the user's unit holds (the day's board). A placement
     * contact of a protected person is listed without partner or summary.
     */
    public List<QueuedContact> queued(CaseScope scope, LocalDate until) {
        if (!scope.any()) {
            return List.of();
        }
        // The case is "c", as the scope's predicate expects.
        return jdbc.sql("SELECT " + COLUMNS + ", c.case_number, pe.protected_identity" + FROM
                        + " JOIN case_file c ON c.id = k.case_id JOIN person pe ON pe.id = c.person_id"
                        + " WHERE k.status = 'QUEUED' AND " + scope.held() + " AND k.queued_for < :until"
                        + " ORDER BY k.queued_for")
                .params(scope.params())
                .param("until", until.plusDays(1).atStartOfDay(SwedishCalendar.ZONE).toOffsetDateTime())
                .query((rs, n) -> {
                    Contact contact = map(rs, n);
                    boolean hide = !"NONE".equals(rs.getString("protected_identity"));
                    return new QueuedContact(hide ? contact.withPlacementHidden() : contact,
                            rs.getString("case_number"));
                }).list();
    }

    /** A queued contact with its case number, for boards. */
    public record QueuedContact(Contact contact, String caseNumber) {
    }

    java.util.Optional<Contact> find(UUID caseId, UUID id) {
        return jdbc.sql(SELECT + " WHERE k.id = :id AND k.case_id = :c").param("id", id).param("c", caseId)
                .query(this::map).optional();
    }

    private void completeStep(WriteGrant grant, ContactType type, Map<String, String> fields) {
        LinkedStep linked = type.step();
        if (linked == null) {
            return;
        }
        String step = linked.key();
        var checklist = cases.checklist(grant.grant());
        var item = checklist.item(step).filter(ChecklistItem::visible).orElse(null);
        if (item == null || item.status() != ChecklistItem.Status.OPEN) {
            return;
        }
        Map<String, String> stepFields = new LinkedHashMap<>();
        switch (type) {
            case POLICE -> {
                if ("NO".equals(fields.get("reportMade"))) {
                    cases.setChecklistStatus(grant, step, ChecklistItem.Status.NOT_APPLICABLE,
                            fields.getOrDefault("noReportReason", "") + " (" + secrecyRuleInWords(fields.get("secrecyRule"))
                                    + ")", Map.of());
                    return;
                }
                stepFields.put(linked.field(), fields.getOrDefault("reportNumber", ""));
            }
            case HOME_COUNTRY_UD -> stepFields.put(linked.field(), fields.getOrDefault("riskAssessment", ""));
            case REGIONAL_COORDINATOR -> stepFields.put(linked.field(), fields.getOrDefault("consent", ""));
            case INTERPRETER -> stepFields.put(linked.field(), fields.getOrDefault("language", ""));
            default -> {
            }
        }
        try {
            cases.setChecklistStatus(grant, step, ChecklistItem.Status.DONE, null, stepFields);
        } catch (FieldProblems e) {
            // The step needs more than the contact holds: it stays open for the worker to complete.
        }
    }

    private static String secrecyRuleInWords(String rule) {
        return rule == null ? "" : switch (rule) {
            case "OSL_10_21" -> "OSL 10 kap. 21 §";
            case "OSL_10_23" -> "OSL 10 kap. 23 §";
            case "CONSENT" -> "samtycke, OSL 12 kap. 2 §";
            default -> "annan grund";
        };
    }

    private static Map<String, String> checkFields(ContactType type, Map<String, String> given,
                                                   FieldProblems.Collector problems) {
        Map<String, String> result = new LinkedHashMap<>();
        for (ContactType.Field f : type.fields()) {
            String v = given.get(f.key());
            v = v == null ? "" : v.trim();
            if (v.length() > 20000) {
                problems.add("fields[" + f.key() + "]", "validation.size.max.n", 20000);
            }
            if (f.required() && v.isEmpty()) {
                problems.add("fields[" + f.key() + "]", "validation.required");
            }
            if (!v.isEmpty() && f.kind().equals("YES_NO") && !(v.equals("YES") || v.equals("NO"))) {
                problems.add("fields[" + f.key() + "]", "validation.invalid");
            }
            if (!v.isEmpty() && !f.choices().isEmpty() && !f.choices().contains(v)) {
                problems.add("fields[" + f.key() + "]", "validation.invalid");
            }
            if (!v.isEmpty() && f.kind().equals("DATE")) {
                try {
                    LocalDate.parse(v);
                } catch (java.time.format.DateTimeParseException e) {
                    problems.add("fields[" + f.key() + "]", "validation.date");
                }
            }
            if (!v.isEmpty()) {
                result.put(f.key(), v);
            }
        }
        if (type == ContactType.POLICE) {
            if ("YES".equals(result.get("reportMade")) && !result.containsKey("reportNumber")) {
                problems.add("fields[reportNumber]", "validation.contact.reportNumber");
            }
            if ("NO".equals(result.get("reportMade"))
                    && (!result.containsKey("noReportReason") || !result.containsKey("secrecyRule"))) {
                problems.add("fields[noReportReason]", "validation.contact.noReportReason");
            }
        }
        if (type == ContactType.HOME_COUNTRY_UD && "NO".equals(result.get("contactMayEndanger"))
                && !result.containsKey("requestType")) {
            problems.add("fields[requestType]", "validation.contact.requestType");
        }
        return result;
    }

    /** A contact ({@code k}) with its partner ({@code p}). */
    private static final String COLUMNS = """
            k.*, p.id AS p_id, p.name AS p_name, p.kind AS p_kind, p.country AS p_country, p.phone AS p_phone,
                   p.email AS p_email, p.notes AS p_notes, p.hours AS p_hours, p.opens AS p_opens, p.closes AS p_closes,
                   p.active AS p_active""";
    private static final String FROM = " FROM cooperation_contact k JOIN partner p ON p.id = k.partner_id";
    private static final String SELECT = "SELECT " + COLUMNS + FROM;

    private Contact map(ResultSet rs, int n) throws SQLException {
        Partner partner = new Partner(rs.getObject("p_id", UUID.class), rs.getString("p_name"),
                PartnerKind.valueOf(rs.getString("p_kind")), rs.getString("p_country"), rs.getString("p_phone"),
                rs.getString("p_email"), rs.getString("p_notes"), Partner.Hours.valueOf(rs.getString("p_hours")),
                rs.getObject("p_opens", java.time.LocalTime.class), rs.getObject("p_closes", java.time.LocalTime.class),
                rs.getBoolean("p_active"));
        OffsetDateTime queued = rs.getObject("queued_for", OffsetDateTime.class);
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), partner,
                ContactType.valueOf(rs.getString("type")), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("channel"), rs.getString("summary"), rs.getObject("follow_up_on", LocalDate.class),
                ContactStatus.valueOf(rs.getString("status")), queued == null ? null : queued.toInstant(),
                json.readValue(rs.getString("fields"), FIELDS), rs.getString("recorded_by_name"),
                rs.getBoolean("placement"), false);
    }

    /**
     * The case's contacts as a reviewer reads them (review grant of a case review): type, time, status and typed
     * fields, never the free-text summary, and placement contacts without partner or fields.
     */
    public List<Contact> forReview(CaseGrant grant) {
        se.lotsen.cases.CaseAccess.requireReview(grant);
        return jdbc.sql(SELECT + " WHERE k.case_id = :c ORDER BY k.at").param("c", grant.caseId().value())
                .query(this::map).list().stream().map(Contact::withPlacementHidden)
                .map(c -> new Contact(c.id(), c.caseId(), c.partner(), c.type(), c.at(), c.channel(), null,
                        c.followUpOn(), c.status(), c.queuedFor(), c.fields(), c.recordedByName(), c.placement(),
                        c.masked()))
                .toList();
    }
}
