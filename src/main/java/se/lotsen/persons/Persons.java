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

import se.lotsen.common.ConcurrentChangeException;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.organisation.UnitId;

/**
 * The persons module's facade: create and change person records, search before creating, move a record with a case
 * handed to another unit, and merge duplicates. Every unit keeps its own register: a record belongs to one unit, its
 * identity number is unique among the unit's living records, and a search looks in one unit's register (or, for the
 * jour's "known elsewhere", in the others'). Only the cases module calls this facade, after {@code CaseAccess} has
 * decided; nothing here checks access.
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
    public record Match(Person person, boolean identityMatch, int nameWordsMatched, boolean birthYearMatch,
                        int nameWordsSearched) {
        int score() {
            return (identityMatch ? 100 : 0) + nameWordsMatched * 10 + (birthYearMatch ? 5 : 0);
        }

        /** The same identity number, or every word of the name searched for. */
        public boolean strong() {
            return identityMatch || (nameWordsSearched > 0 && nameWordsMatched >= nameWordsSearched);
        }
    }

    /** Whose register a search looks in: one unit's, or every register but one unit's. */
    public record Register(UnitId unit, boolean others) {

        public static Register of(UnitId unit) {
            return new Register(unit, false);
        }

        public static Register otherThan(UnitId unit) {
            return new Register(unit, true);
        }

        String predicate(String alias) {
            return alias + (others ? ".unit_id <> :register" : ".unit_id = :register");
        }
    }

    /** What a transfer did: the record the case now refers to, and a record of the receiving unit merged into it. */
    public record Transfer(PersonId person, Optional<PersonId> mergedFrom) {
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
            identity = new IdentityNumber(IdentityKind.RESERVNUMMER,
                    generateReservnummer(details.statedBirthDate(), details.statedAge(), today));
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

    /** Creates a record in the unit's register. */
    @Transactional
    public PersonId create(UnitId unit, PersonDetails details, UUID actor) {
        IdentityNumber identity = validate(details);
        if (identity.value() != null && findByIdentityNumber(unit, identity.value()).isPresent()) {
            throw FieldProblems.of("identityNumber", "validation.identity.exists");
        }
        PersonId id = new PersonId(UUID.randomUUID());
        Map<String, Object> params = params(id, identity, details);
        params.put("unit", unit.value());
        jdbc.sql("""
                        INSERT INTO person (id, unit_id, identity_kind, identity_number, name, stated_birth_date,
                            stated_age, age_assessed, sex, nationality, languages, interpreter_needed,
                            interpreter_language, documents, protected_identity, address)
                        VALUES (:id, :unit, :kind, :number, :name, :birth, :age, :assessed, :sex, :nat, :lang,
                            :interp, :interpLang, :docs, :protected, :address)""")
                .params(params).update();
        addName(id, details.name().trim(), "NAME", null, actor);
        for (String alias : aliases(details.aliases())) {
            addName(id, alias, "ALIAS", null, actor);
        }
        history(id, actor, "CREATED", null);
        return id;
    }

    /**
     * Changes the record. {@code expectedVersion} is the version the user saw; a record changed since is refused
     * ({@link ConcurrentChangeException}). A lowered protection is recorded in the history with its reason.
     */
    @Transactional
    public Person update(PersonId id, PersonDetails details, Integer expectedVersion, String protectionReason,
                         UUID actor, String actorName) {
        Person before = find(id).orElseThrow(() -> new NotFoundException("person"));
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw concurrentChange(id);
        }
        IdentityNumber identity = validate(details);
        if (identity.value() != null) {
            findByIdentityNumber(before.unit(), identity.value()).filter(p -> !p.id().equals(id)).ifPresent(p -> {
                throw FieldProblems.of("identityNumber", "validation.identity.exists");
            });
        }
        Map<String, Object> params = params(id, identity, details);
        params.put("version", before.version());
        params.put("by", actorName);
        int updated = jdbc.sql("""
                        UPDATE person SET identity_kind = :kind, identity_number = :number, name = :name,
                            stated_birth_date = :birth, stated_age = :age, age_assessed = :assessed, sex = :sex,
                            nationality = :nat, languages = :lang, interpreter_needed = :interp,
                            interpreter_language = :interpLang, documents = :docs, protected_identity = :protected,
                            address = :address, updated_at = now(), version = version + 1, changed_by_name = :by
                        WHERE id = :id AND version = :version""")
                .params(params).update();
        if (updated == 0) {
            throw concurrentChange(id);
        }
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
        if (details.protectedIdentity().lowerThan(before.protectedIdentity())) {
            history(id, actor, "PROTECTION_LOWERED", before.protectedIdentity() + " -> " + details.protectedIdentity()
                    + ": " + (protectionReason == null ? "" : protectionReason.strip()));
        }
        return find(id).orElseThrow();
    }

    /**
     * Gives a person without an identity number a reservnummer (the routine step "Tilldela reservnummer", which Lotsen
     * performs): built from the stated birth date or age, never a valid personnummer, unique among all records.
     * Refused ({@link FieldProblems} on {@code identityNumber}) when the person already has a personnummer,
     * samordningsnummer or reservnummer; of two simultaneous requests only one assigns a number.
     */
    @Transactional
    public IdentityNumber assignReservnummer(PersonId id, UUID actor, String actorName) {
        Person person = find(id).orElseThrow(() -> new NotFoundException("person"));
        if (hasIdentityNumber(person)) {
            throw FieldProblems.of("identityNumber", "validation.reservnummer.exists");
        }
        String number = generateReservnummer(person.statedBirthDate(), person.statedAge(), LocalDate.now(clock));
        int updated = jdbc.sql("""
                        UPDATE person SET identity_kind = 'RESERVNUMMER', identity_number = :n, updated_at = now(),
                            version = version + 1, changed_by_name = :by
                        WHERE id = :id AND identity_number IS NULL AND merged_into IS NULL""")
                .param("n", number).param("by", actorName).param("id", id.value()).update();
        if (updated == 0) {
            throw FieldProblems.of("identityNumber", "validation.reservnummer.exists");
        }
        history(id, actor, "RESERVNUMMER_ASSIGNED", number);
        return new IdentityNumber(IdentityKind.RESERVNUMMER, number);
    }

    /** The person has a personnummer, samordningsnummer or reservnummer. */
    public static boolean hasIdentityNumber(Person person) {
        return person.identity() != null && person.identity().value() != null
                && person.identity().kind() != IdentityKind.UNKNOWN;
    }

    private ConcurrentChangeException concurrentChange(PersonId id) {
        return jdbc.sql("SELECT changed_by_name, updated_at FROM person WHERE id = :id").param("id", id.value())
                .query((rs, n) -> new ConcurrentChangeException(rs.getString(1),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), "change.person"))
                .optional().orElseThrow(() -> new NotFoundException("person"));
    }

    public Optional<Person> find(PersonId id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id.value()).query(Persons::map).optional();
    }

    /** A living (not merged) person of the unit's register with this identity number in normal form. */
    private Optional<Person> findByIdentityNumber(UnitId unit, String normalised) {
        return jdbc.sql(SELECT + " WHERE p.unit_id = :unit AND p.identity_number = :n AND p.merged_into IS NULL")
                .param("unit", unit.value()).param("n", normalised).query(Persons::map).optional();
    }

    /** Living persons by id, in one statement (for lists). */
    private Map<PersonId, Person> findAll(java.util.Collection<PersonId> ids) {
        Map<PersonId, Person> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql(SELECT + " WHERE p.id IN (:ids)").param("ids", ids.stream().map(PersonId::value).toList())
                .query(Persons::map).list().forEach(p -> result.put(p.id(), p));
        return result;
    }

    /**
     * Search before create in a register: people with the typed identity number, and people one of whose names
     * sounds like a word of the typed name (phonetic keys), ranked, the birth year (±1) counting in favour. At most 20.
     * Three statements whatever the number of matches.
     */
    public List<Match> searchSimilar(Register register, String identityNumber, String name, Integer birthYear) {
        LocalDate today = LocalDate.now(clock);
        Set<String> numbers = new LinkedHashSet<>();
        if (identityNumber != null && !identityNumber.isBlank()) {
            for (IdentityKind kind : List.of(IdentityKind.PERSONNUMMER, IdentityKind.SAMORDNINGSNUMMER,
                    IdentityKind.RESERVNUMMER)) {
                IdentityNumber.Parsed parsed = IdentityNumber.parse(kind, identityNumber, today);
                if (parsed.valid()) {
                    numbers.add(parsed.number().value());
                }
            }
        }
        Set<String> keys = SwedishPhonetic.keys(name);
        Set<UUID> byNumber = new LinkedHashSet<>();
        if (!numbers.isEmpty()) {
            byNumber.addAll(jdbc.sql("SELECT p.id FROM person p WHERE p.identity_number IN (:numbers)"
                            + " AND p.merged_into IS NULL AND " + register.predicate("p"))
                    .param("numbers", numbers).param("register", register.unit().value()).query(UUID.class).list());
        }
        Map<UUID, Integer> words = new LinkedHashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql("""
                            SELECT k.person_id, count(DISTINCT k.key) AS words
                            FROM person_name_key k JOIN person p ON p.id = k.person_id
                            WHERE k.key IN (:keys) AND p.merged_into IS NULL AND %s
                            GROUP BY k.person_id ORDER BY words DESC LIMIT 200""".formatted(register.predicate("p")))
                    .param("keys", keys).param("register", register.unit().value())
                    .query((rs, n) -> words.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        }
        Set<PersonId> ids = new LinkedHashSet<>();
        byNumber.forEach(id -> ids.add(new PersonId(id)));
        words.keySet().forEach(id -> ids.add(new PersonId(id)));
        Map<PersonId, Person> people = findAll(ids);
        Map<UUID, Match> matches = new LinkedHashMap<>();
        for (PersonId pid : ids) {
            Person p = people.get(pid);
            if (p == null) {
                continue;
            }
            boolean identity = byNumber.contains(pid.value());
            int matched = words.getOrDefault(pid.value(), 0);
            Integer year = p.birthYear(today.getYear());
            boolean yearMatch = birthYear != null && year != null && Math.abs(year - birthYear) <= 1;
            if (!identity && birthYear != null && year != null && !yearMatch && matched < keys.size()) {
                continue; // a partial name match with a clearly different age is noise
            }
            matches.put(pid.value(), new Match(p, identity, matched, yearMatch, keys.size()));
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
        if (!kept.unit().equals(dup.unit())) {
            // Registers are kept apart: records of two units are never merged.
            throw new NotFoundException("person");
        }
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
        // A merge never lowers protection, and an address known only to the duplicate is kept.
        ProtectedIdentity protection = ProtectedIdentity.strongest(kept.protectedIdentity(), dup.protectedIdentity());
        jdbc.sql("""
                        UPDATE person SET protected_identity = :p, address = coalesce(address, :address),
                            updated_at = now(), version = version + 1 WHERE id = :id""")
                .param("p", protection.name()).param("address", dup.address()).param("id", keep.value()).update();
        history(keep, actor, "MERGED_FROM", duplicate.toString());
        history(duplicate, actor, "MERGED_INTO", keep.toString());
    }

    /**
     * Takes a person's record along with a case handed to another unit. When the handing unit still has other cases
     * about the person, the receiving unit gets a copy and the handing unit keeps its record; otherwise the record
     * moves. A living record of the same identity number in the receiving register is merged into the one that
     * arrives (its names become aliases, the stronger protection stays), so each register keeps one record per
     * identity number.
     */
    @Transactional
    public Transfer transfer(PersonId id, UnitId to, boolean copy, UUID actor) {
        Person p = find(id).orElseThrow(() -> new NotFoundException("person"));
        Optional<Person> existing = p.identity().value() == null ? Optional.empty()
                : findByIdentityNumber(to, p.identity().value());
        PersonId target;
        if (copy) {
            target = new PersonId(UUID.randomUUID());
            jdbc.sql("""
                            INSERT INTO person (id, unit_id, identity_kind, identity_number, name, stated_birth_date,
                                stated_age, age_assessed, sex, nationality, languages, interpreter_needed,
                                interpreter_language, documents, protected_identity, address)
                            SELECT :target, :to, identity_kind, identity_number, name, stated_birth_date, stated_age,
                                age_assessed, sex, nationality, languages, interpreter_needed, interpreter_language,
                                documents, protected_identity, address
                            FROM person WHERE id = :id""")
                    .param("target", target.value()).param("to", to.value()).param("id", id.value()).update();
            jdbc.sql("""
                            INSERT INTO person_name (id, person_id, name, kind, note, added_at, added_by)
                            SELECT gen_random_uuid(), :target, name, kind, note, added_at, added_by
                            FROM person_name WHERE person_id = :id""")
                    .param("target", target.value()).param("id", id.value()).update();
            jdbc.sql("""
                            INSERT INTO person_name_key (person_id, key)
                            SELECT :target, key FROM person_name_key WHERE person_id = :id""")
                    .param("target", target.value()).param("id", id.value()).update();
            history(target, actor, "COPIED_FROM", id.toString());
            history(id, actor, "COPIED_TO", target.toString());
        } else {
            target = id;
            jdbc.sql("UPDATE person SET unit_id = :to, updated_at = now(), version = version + 1 WHERE id = :id")
                    .param("to", to.value()).param("id", id.value()).update();
            history(id, actor, "MOVED", to.toString());
        }
        if (existing.isPresent() && !existing.get().id().equals(target)) {
            merge(target, existing.get().id(), actor);
            return new Transfer(target, Optional.of(existing.get().id()));
        }
        return new Transfer(target, Optional.empty());
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

    private String generateReservnummer(LocalDate statedBirthDate, Integer statedAge, LocalDate today) {
        LocalDate date = statedBirthDate != null ? statedBirthDate
                : statedAge != null ? LocalDate.of(today.getYear() - statedAge, 1, 1)
                : today;
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder suffix = new StringBuilder("R");
            for (int i = 0; i < 3; i++) {
                suffix.append(RESERV_ALPHABET.charAt(RANDOM.nextInt(RESERV_ALPHABET.length())));
            }
            String candidate = String.format("%04d%02d%02d-%s", date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth(), suffix);
            if (jdbc.sql("SELECT count(*) FROM person WHERE identity_number = :n").param("n", candidate)
                    .query(Long.class).single() == 0) {
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

    /** The person columns every read of a person selects, each named {@code <prefix><column>}. */
    private static final List<String> COLUMNS = List.of("id", "identity_kind", "identity_number", "name",
            "stated_birth_date", "stated_age", "age_assessed", "sex", "nationality", "languages", "interpreter_needed",
            "interpreter_language", "documents", "protected_identity", "address", "merged_into", "unit_id", "version");

    /**
     * The select list of a person aliased {@code alias} (with its aliases), each column named {@code <prefix><column>},
     * so that another module's statement can read a person with its own row; {@link #fromRow} maps it.
     */
    public static String columns(String alias, String prefix) {
        StringBuilder sql = new StringBuilder();
        for (String column : COLUMNS) {
            sql.append(alias).append('.').append(column).append(" AS ").append(prefix).append(column).append(", ");
        }
        return sql.append("ARRAY(SELECT pn.name FROM person_name pn WHERE pn.person_id = ").append(alias)
                .append(".id AND pn.kind = 'ALIAS' ORDER BY pn.added_at, pn.name) AS ").append(prefix).append("aliases")
                .toString();
    }

    private static final String SELECT = "SELECT " + columns("p", "") + " FROM person p";

    private static Person map(ResultSet rs, int n) throws SQLException {
        return fromRow(rs, "");
    }

    /** A person read with {@link #columns(String, String)} and the same prefix. */
    public static Person fromRow(ResultSet rs, String prefix) throws SQLException {
        UUID id = rs.getObject(prefix + "id", UUID.class);
        List<String> aliases = new ArrayList<>();
        java.sql.Array array = rs.getArray(prefix + "aliases");
        if (array != null) {
            for (Object alias : (Object[]) array.getArray()) {
                aliases.add((String) alias);
            }
        }
        UUID merged = rs.getObject(prefix + "merged_into", UUID.class);
        return new Person(new PersonId(id),
                new IdentityNumber(IdentityKind.valueOf(rs.getString(prefix + "identity_kind")),
                        rs.getString(prefix + "identity_number")),
                rs.getString(prefix + "name"), aliases, rs.getObject(prefix + "stated_birth_date", LocalDate.class),
                (Integer) rs.getObject(prefix + "stated_age"), rs.getBoolean(prefix + "age_assessed"),
                Sex.valueOf(rs.getString(prefix + "sex")), rs.getString(prefix + "nationality"),
                rs.getString(prefix + "languages"), rs.getBoolean(prefix + "interpreter_needed"),
                rs.getString(prefix + "interpreter_language"), rs.getString(prefix + "documents"),
                ProtectedIdentity.valueOf(rs.getString(prefix + "protected_identity")), rs.getString(prefix + "address"),
                merged == null ? null : new PersonId(merged), new UnitId(rs.getObject(prefix + "unit_id", UUID.class)),
                rs.getInt(prefix + "version"));
    }
}
