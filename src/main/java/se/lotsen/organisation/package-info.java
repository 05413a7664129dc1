/**
 * The organisation: units (the jours, the district offices), the committee that decides for each district and the
 * committee's meeting dates (needed to know when a chair's decision must be reported). Maintained by administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package se.lotsen.organisation;
