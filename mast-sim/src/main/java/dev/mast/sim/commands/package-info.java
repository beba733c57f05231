/**
 * The simulated commands, grouped by area: shell and sudo, files, text, system facts and kernel
 * settings, networking, systemctl and journalctl, apt/dpkg/rpm, crictl and docker, curl, and the
 * programs packages install. Their output follows the real tools' formats and exit statuses. Depends
 * on {@code dev.mast.sim.shell} and {@code dev.mast.sim.machine}.
 */
package dev.mast.sim.commands;
