/**
 * Lotsen. One top-level package per application module (Spring Modulith); see the README's module map.
 */
package se.lotsen;
