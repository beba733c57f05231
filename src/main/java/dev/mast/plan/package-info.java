/**
 * The cluster plan: an immutable model, its YAML file, validation with located messages and
 * the Kismatic import. Depends on nothing of Mast's; no I/O beyond the plan file itself.
 */
package dev.mast.plan;
