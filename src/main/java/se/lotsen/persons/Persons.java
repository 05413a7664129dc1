package se.lotsen.persons;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;

/**
 * The persons module's facade: create and change person records, search before creating, and merge duplicates.
 * Reading persons for display goes through the cases module, which checks access and audits; this facade is for the
 * cases module and for intake's search-before-create.
 */
@Service
public class Persons {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RESERV_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final Clock clock;

    public Persons(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A candidate for search-before-create and why it matched. */
    public record Match(Person person, boolean identityMatch, int nameWordsMatched, boolean birthYearMatch) {
        int score() {
            return (identityMatch ? 100 : 0) + nameWordsMatched * 10 + (birthYearMatch ? 5 : 0);
        }
    }

    /** Validates the details, including the identity number against its kind; throws {@link FieldProblems}. */
    public IdentityNumber validate(PersonDetails details) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (details.name() == null || details.name().isBlank()) {
            problems.add("name", "validation.required");
        } else if (details.name().trim().length() > 200) {
            problems.add("name", "validation.size.max.n", 200);
        }
        IdentityNumber identity = null;
        LocalDate today = LocalDate.now(clock);
        if (details.identityKind() == IdentityKind.RESERVNUMMER
                && (details.identityNumber() == null || details.identityNumber().isBlank())) {
            identity = new IdentityNumber(IdentityKind.RESERVNUMMER, generateReservnummer(details, today));
        } else {
            IdentityNumber.Parsed parsed = IdentityNumber.parse(details.identityKind(), details.identityNumber(), today);
            if (parsed.valid()) {
                identity = parsed.number();
            } else {
                problems.add("identityNumber", parsed.problem().messageKey());
            }
        }
        if (details.identityKind() == IdentityKind.UNKNOWN && details.identityNumber() != null
                && !details.identityNumber().isBlank()) {
            problems.add("identityNumber", "validation.identity.kindUnknown");
        }
        if (details.statedAge() != null && (details.statedAge() < 0 || details.statedAge() > 130)) {
            problems.add("statedAge", "validation.age");
        }
        if (details.statedBirthDate() != null && details.statedBirthDate().isAfter(today)) {
            problems.add("statedBirthDate", "validation.date.past");
        }
        if (details.nationality() != null && !details.nationality().isBlank()
                && !Countries.isKnown(details.nationality())) {
            problems.add("nationality", "validation.nationality");
        }
        if (details.interpreterNeeded() && (details.interpreterLanguage() == null || details.interpreterLanguage().isBlank())) {
            problems.add("interpreterLanguage", "validation.interpreterLanguage");
        }
        problems.throwIfAny();
        return identity;
    }

    @Transactional
    public PersonId create(PersonDetails details, UUID actor) {
        IdentityNumber identity = validate(details);
        if (identity.value() != null && findByIdentityNumber(identity.value()).isPresent()) {
            throw FieldProblems.of("identityNumber", "validation.identity.exists");
        }
        PersonId id = new PersonId(UUID.randomUUID());
        jdbc.sql("""
                        INSERT INTO person (id, identity_kind, identity_number, name, stated_birth_date, stated_age,
                            age_assessed, sex, nationality, languages, interpreter_needed, interpreter_language,
                            documents, protected_identity, address)
                        VALUES (:id, :kind, :number, :name, :birth, :age, :assessed, :sex, :nat, :lang, :interp,
                            :interpLang, :docs, :protected, :address)""")
                .params(params(id, identity, details)).update();
        addName(id, details.name().trim(), "NAME", null, actor);
        for (String alias : aliases(details.aliases())) {
            addName(id, alias, "ALIAS", null, actor);
        }
        history(id, actor, "CREATED", null);
        return id;
    }

    @Transactional
    public void update(PersonId id, PersonDetails details, UUID actor) {
        Person before = find(id).orElseThrow(() -> new NotFoundException("person"));
        IdentityNumber identity = validate(details);
        if (identity.value() != null) {
            findByIdentityNumber(identity.value()).filter(p -> !p.id().equals(id)).ifPresent(p -> {
                throw FieldProblems.of("identityNumber", "validation.identity.exists");
            });
        }
        Map<String, Object> params = params(id, identity, details);
        jdbc.sql("""
                        UPDATE person SET identity_kind = :kind, identity_number = :number, name = :name,
                            stated_birth_date = :birth, stated_age = :age, age_assessed = :assessed, sex = :sex,
                            nationality = :nat, languages = :lang, interpreter_needed = :interp,
                            interpreter_language = :interpLang, documents = :docs, protected_identity = :protected,
                            address = :address, updated_at = now(), version = version + 1
                        WHERE id = :id""")
                .params(params).update();
        String newName = details.name().trim();
        if (!before.name().equals(newName)) {
            // The former name stays as an alias: people are found by every name they have used.
            jdbc.sql("UPDATE person_name SET kind = 'ALIAS' WHERE person_id = :id AND kind = 'NAME'")
                    .param("id", id.value()).update();
            addName(id, newName, "NAME", null, actor);
        }
        Set<String> known = new LinkedHashSet<>(before.aliases());
        known.add(before.name());
        known.add(newName);
        for (String alias : aliases(details.aliases())) {
            if (!known.contains(alias)) {
                addName(id, alias, "ALIAS", null, actor);
            }
        }
        history(id, actor, "CHANGED", identity.kind() != before.identity().kind() ? "identity kind" : null);
    }

    public Optional<Person> find(PersonId id) {
        return jdbc.sql("SELECT * FROM person WHERE id = :id").param("id", id.value()).query(this::map).optional();
    }

    /** A living (not merged) person with this identity number in normal form. */
    public Optional<Person> findByIdentityNumber(String normalised) {
        return jdbc.sql("SELECT * FROM person WHERE identity_number = :n AND merged_into IS NULL")
                .param("n", normalised).query(this::map).optional();
    }

    /**
     * Search before create: people with the typed identity number, and people one of whose names sounds like a
     * word of the typed name (phonetic keys), ranked, the birth year (±1) counting in favour. At most 20.
     */
    public List<Match> searchSimilar(String identityNumber, String name, Integer birthYear) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, Match> matches = new LinkedHashMap<>();
        if (identityNumber != null && !identityNumber.isBlank()) {
            for (IdentityKind kind : List.of(IdentityKind.PERSONNUMMER, IdentityKind.SAMORDNINGSNUMMER,
                    IdentityKind.RESERVNUMMER)) {
                IdentityNumber.Parsed parsed = IdentityNumber.parse(kind, identityNumber, today);
                if (parsed.valid()) {
                    findByIdentityNumber(parsed.number().value()).ifPresent(p ->
                            matches.put(p.id().value(), new Match(p, true, 0, false)));
                }
            }
        }
        Set<String> keys = SwedishPhonetic.keys(name);
        if (!keys.isEmpty()) {
            List<Object[]> rows = jdbc.sql("""
                            SELECT k.person_id, count(DISTINCT k.key) AS words
                            FROM person_name_key k JOIN person p ON p.id = k.person_id
                            WHERE k.key IN (:keys) AND p.merged_into IS NULL
                            GROUP BY k.person_id ORDER BY words DESC LIMIT 200""")
                    .param("keys", keys)
                    .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)}).list();
            for (Object[] row : rows) {
                UUID pid = (UUID) row[0];
                int words = (Integer) row[1];
                Person p = find(new PersonId(pid)).orElseThrow();
                Match existing = matches.get(pid);
                boolean identity = existing != null && existing.identityMatch();
                Integer year = p.birthYear(today.getYear());
                boolean yearMatch = birthYear != null && year != null && Math.abs(year - birthYear) <= 1;
                if (birthYear != null && year != null && !yearMatch && !identity && words < keys.size()) {
                    continue; // a partial name match with a clearly different age is noise
                }
                matches.put(pid, new Match(p, identity, words, yearMatch));
            }
        }
        List<Match> ranked = new ArrayList<>(matches.values());
        ranked.sort(Comparator.comparingInt(Match::score).reversed());
        return ranked.subList(0, Math.min(20, ranked.size()));
    }

    /**
     * Merges a duplicate into the person that stays: the duplicate's names become aliases of the one that stays,
     * the duplicate is marked as merged (never deleted) and both histories record it. Cases are moved by the caller.
     */
    @Transactional
    public void merge(PersonId keep, PersonId duplicate, UUID actor) {
        if (keep.equals(duplicate)) {
            throw FieldProblems.of("duplicate", "validation.merge.same");
        }
        Person kept = find(keep).filter(p -> p.mergedInto() == null).orElseThrow(() -> new NotFoundException("person"));
        Person dup = find(duplicate).filter(p -> p.mergedInto() == null)
                .orElseThrow(() -> new NotFoundException("person"));
        Set<String> known = new LinkedHashSet<>(kept.aliases());
        known.add(kept.name());
        List<String> names = new ArrayList<>();
        names.add(dup.name());
        names.addAll(dup.aliases());
        for (String n : names) {
            if (known.add(n)) {
                addName(keep, n, "ALIAS", "merged", actor);
            }
        }
        jdbc.sql("UPDATE person SET merged_into = :keep, updated_at = now(), version = version + 1 WHERE id = :dup")
                .param("keep", keep.value()).param("dup", duplicate.value()).update();
        if (kept.identity().value() == null && dup.identity().value() != null) {
            jdbc.sql("UPDATE person SET identity_kind = :k, identity_number = :n WHERE id = :id")
                    .param("k", dup.identity().kind().name()).param("n", dup.identity().value())
                    .param("id", keep.value()).update();
        }
        history(keep, actor, "MERGED_FROM", duplicate.toString());
        history(duplicate, actor, "MERGED_INTO", keep.toString());
    }

    /** The record's history, oldest first: created, changed, merged. */
    public List<HistoryEntry> history(PersonId id) {
        return jdbc.sql("SELECT occurred_at, account_id, action, detail FROM person_history WHERE person_id = :id ORDER BY id")
                .param("id", id.value())
                .query((rs, n) -> new HistoryEntry(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** One event in a person record's history. */
    public record HistoryEntry(java.time.Instant at, UUID accountId, String action, String detail) {
    }

    // -- helpers --

    private void addName(PersonId id, String name, String kind, String note, UUID actor) {
        jdbc.sql("INSERT INTO person_name (id, person_id, name, kind, note, added_by) VALUES (:id, :p, :name, :kind, :note, :by)")
                .param("id", UUID.randomUUID()).param("p", id.value()).param("name", name).param("kind", kind)
                .param("note", note).param("by", actor).update();
        for (String key : SwedishPhonetic.keys(name)) {
            jdbc.sql("INSERT INTO person_name_key (person_id, key) VALUES (:p, :k) ON CONFLICT DO NOTHING")
                    .param("p", id.value()).param("k", key).update();
        }
    }

    private void history(PersonId id, UUID actor, String action, String detail) {
        jdbc.sql("INSERT INTO person_history (person_id, account_id, action, detail) VALUES (:p, :a, :action, :d)")
                .param("p", id.value()).param("a", actor).param("action", action).param("d", detail).update();
    }

    static List<String> aliases(String text) {
        List<String> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        for (String part : text.split("[,\\n\\r]+")) {
            String t = part.trim();
            if (!t.isEmpty() && t.length() <= 200 && !result.contains(t)) {
                result.add(t);
            }
        }
        return result;
    }

    private String generateReservnummer(PersonDetails details, LocalDate today) {
        LocalDate date = details.statedBirthDate() != null ? details.statedBirthDate()
                : details.statedAge() != null ? LocalDate.of(today.getYear() - details.statedAge(), 1, 1)
                : today;
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder suffix = new StringBuilder("R");
            for (int i = 0; i < 3; i++) {
                suffix.append(RESERV_ALPHABET.charAt(RANDOM.nextInt(RESERV_ALPHABET.length())));
            }
            String candidate = String.format("%04d%02d%02d-%s", date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth(), suffix);
            if (findByIdentityNumber(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not generate a free reservnummer");
    }

    private static Map<String, Object> params(PersonId id, IdentityNumber identity, PersonDetails d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id.value());
        p.put("kind", identity.kind().name());
        p.put("number", identity.value());
        p.put("name", d.name().trim());
        p.put("birth", d.statedBirthDate());
        p.put("age", d.statedAge());
        p.put("assessed", d.ageAssessed());
        p.put("sex", d.sex().name());
        p.put("nat", blankToNull(d.nationality() == null ? null : d.nationality().trim().toUpperCase()));
        p.put("lang", blankToNull(d.languages()));
        p.put("interp", d.interpreterNeeded());
        p.put("interpLang", blankToNull(d.interpreterLanguage()));
        p.put("docs", blankToNull(d.documents()));
        p.put("protected", d.protectedIdentity().name());
        p.put("address", blankToNull(d.address()));
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Person map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<String> aliases = jdbc.sql("SELECT name FROM person_name WHERE person_id = :id AND kind = 'ALIAS' ORDER BY added_at, name")
                .param("id", id).query(String.class).list();
        UUID merged = rs.getObject("merged_into", UUID.class);
        return new Person(new PersonId(id),
                new IdentityNumber(IdentityKind.valueOf(rs.getString("identity_kind")), rs.getString("identity_number")),
                rs.getString("name"), aliases, rs.getObject("stated_birth_date", LocalDate.class),
                (Integer) rs.getObject("stated_age"), rs.getBoolean("age_assessed"), Sex.valueOf(rs.getString("sex")),
                rs.getString("nationality"), rs.getString("languages"), rs.getBoolean("interpreter_needed"),
                rs.getString("interpreter_language"), rs.getString("documents"),
                ProtectedIdentity.valueOf(rs.getString("protected_identity")), rs.getString("address"),
                merged == null ? null : new PersonId(merged));
    }
}
