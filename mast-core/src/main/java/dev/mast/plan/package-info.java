/**
 * The cluster plan: an immutable model ({@link dev.mast.plan.Plan}), its YAML file
 * ({@link dev.mast.plan.PlanFile}), validation with located messages
 * ({@link dev.mast.plan.PlanValidator}) and the Kismatic import ({@link dev.mast.plan.KismaticImport}).
 * Depends on nothing of Mast's, only on SnakeYAML (node trees, never object construction); no I/O
 * beyond reading and writing plan files and checking that SSH key files are readable.
 */
package dev.mast.plan;
