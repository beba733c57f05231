/**
 * What a cluster run by systemd is, read from its nodes as systemd runs it: each component's unit
 * with its drop-ins, environment and environment files expanded into the command line, the
 * program's version, the package that owns each file, the kubelet and the files the flags name;
 * and the rules the conversion to static pods follows from that (which version to convert to,
 * which packages may go). Reads only; depends on plan and the workflow's {@code Remote}.
 */
package dev.mast.workflow.legacy;
