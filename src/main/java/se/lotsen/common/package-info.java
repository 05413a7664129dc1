/**
 * Small building blocks that every module uses: paging, "not found", field-level validation errors. A shared
 * module: it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.lotsen.common;
