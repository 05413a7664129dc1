/**
 * The running system: runtime modes (embedded or external PostgreSQL), the layout, start page, error pages,
 * internationalisation and operations. It depends on the domain modules, none of them depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package se.lotsen.system;
