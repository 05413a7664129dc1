/**
 * Decisions and the statutory deadlines they start: immediate custody under 6 § and 6 a § LVU with the decisions that
 * go with it (11 §, 14 §, 31 a §, 32 §, 43 §), adult measures (protected housing, reflection period), and the
 * deadlines computed from versioned rules with the Swedish legal calendar: 7 § submission and court review, 8 §
 * application (extendable), the report at the committee's next meeting, the 14 § three-monthly review, the 6 a §
 * regime, and the child-protection deadlines of every child case. Reminders go out in the app and by e-mail, once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions and deadlines")
package se.lotsen.decisions;
