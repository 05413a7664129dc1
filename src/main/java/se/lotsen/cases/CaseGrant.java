package se.lotsen.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import se.lotsen.access.CurrentUser;
import se.lotsen.common.NotFoundException;

/**
 * What one user may do with one case, decided by {@link CaseAccess} when the grant was made (once per request). Only
 * {@link CaseAccess} makes grants. Reads of case data take a grant; changes take a {@link WriteGrant}, which only a
 * grant with {@link CaseRight#WRITE} hands out.
 */
public final class CaseGrant {

    private final CaseHeader header;
    private final CurrentUser user;
    private final Set<CaseRight> rights;
    private final CaseContent content;
    private final Instant emergencyUntil;
    private final Map<String, Object> memo = new ConcurrentHashMap<>();

    CaseGrant(CaseHeader header, CurrentUser user, Set<CaseRight> rights, CaseContent content) {
        this(header, user, rights, content, null);
    }

    CaseGrant(CaseHeader header, CurrentUser user, Set<CaseRight> rights, CaseContent content,
              Instant emergencyUntil) {
        this.header = header;
        this.user = user;
        this.rights = rights.isEmpty() ? EnumSet.noneOf(CaseRight.class) : EnumSet.copyOf(rights);
        this.content = content;
        this.emergencyUntil = emergencyUntil;
    }

    /** Until when an emergency access lets the user read the case; {@code null} for every other grant. */
    public Instant emergencyUntil() {
        return emergencyUntil;
    }

    /** The case's content, read with the grant; only for a grant that may read it. */
    CaseContent content() {
        return content;
    }

    /**
     * What a module read for this grant, kept for the rest of the request (a grant lives for one request): two panels
     * of a page that show the same records read them once.
     */
    @SuppressWarnings("unchecked")
    public <T> T remember(String key, Supplier<T> read) {
        return (T) memo.computeIfAbsent(key, k -> read.get());
    }

    public CaseId caseId() {
        return header.id();
    }

    public CaseHeader header() {
        return header;
    }

    public CurrentUser user() {
        return user;
    }

    public Set<CaseRight> rights() {
        return EnumSet.copyOf(rights.isEmpty() ? EnumSet.noneOf(CaseRight.class) : rights);
    }

    public boolean may(CaseRight right) {
        return rights.contains(right);
    }

    /** Refuses ({@link NotFoundException}) a grant that may not read the case's content, e.g. a consultation grant. */
    public CaseGrant requireRead() {
        if (!rights.contains(CaseRight.READ)) {
            throw new NotFoundException("case");
        }
        return this;
    }

    /** Whether the user may see the address and placement of a protected person (or the person is not protected). */
    public boolean mayViewProtected() {
        return !header.protectedIdentity() || rights.contains(CaseRight.PROTECTED_DATA);
    }

    /** The user may change the case and it is not closed: what pages use to offer forms. */
    public boolean editable() {
        return rights.contains(CaseRight.WRITE) && header.active();
    }

    /**
     * The same grant without the right to see protected data: what an export (the handover package as PDF) is made
     * with, so that no address or placement of a protected person ever leaves Lotsen in a file.
     */
    public CaseGrant withoutProtectedData() {
        Set<CaseRight> reduced = rights();
        reduced.remove(CaseRight.PROTECTED_DATA);
        return new CaseGrant(header, user, reduced, content, emergencyUntil);
    }

    /** The right to change the case; refused (403) for read-only and consultation grants. */
    public WriteGrant write() {
        if (!rights.contains(CaseRight.WRITE)) {
            if (rights.contains(CaseRight.FOLLOW_UP)) {
                throw new CaseIsReadOnly();
            }
            throw new AccessDeniedException("no write access to the case");
        }
        return new WriteGrant(this);
    }

    @Override
    public String toString() {
        return "CaseGrant[" + header.id() + ", " + user + ", " + rights + "]";
    }
}
