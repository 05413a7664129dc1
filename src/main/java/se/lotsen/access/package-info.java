/**
 * Accounts, roles and authentication: local accounts with Argon2id password hashes, sign-in with lockout, API bearer
 * tokens (stored hashed), and the security configuration of pages and API. The per-case access policy joins this
 * module when cases exist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package se.lotsen.access;
