/**
 * The audit trail: an append-only log of every sign-in and every read and change of personal data, chained with an
 * HMAC under a key kept outside the database and checked against checkpoints written outside it.
 *
 * <p>The module is a base that every other module may use; it depends on none of them (only on the shared common
 * module). Web handlers declare what
 * they touch with {@link se.lotsen.audit.Audited} (or say why they touch no personal data with
 * {@link se.lotsen.audit.NotAudited}); one interceptor writes the entry for every request, and a handler that
 * declares neither is refused at run time and fails the build's {@code EveryHandlerIsAuditedTest}. Sign-ins are
 * recorded from Spring Security's authentication events. The table is append-only in the database as well.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package se.lotsen.audit;
