/**
 * The cluster plan: an immutable model ({@link dev.mast.plan.Plan}), its YAML file
 * ({@link dev.mast.plan.PlanFile}), validation with located messages
 * ({@link dev.mast.plan.PlanValidator}) and the Kismatic import ({@link dev.mast.plan.KismaticImport}).
 * Depends on nothing of Mast's, only on SnakeYAML (node trees, never object construction); no I/O
 * beyond reading and writing plan files and checking that SSH key files are readable. Files are read
 * within limits ({@link dev.mast.plan.YamlText}, {@link dev.mast.plan.BoundedParser}) so that any file
 * is answered quickly, and {@link dev.mast.plan.SafeText} keeps what a file says from driving a terminal.
 *
 * <p>Module {@code mast-core}; uses nothing else of Mast.
 */
package dev.mast.plan;
