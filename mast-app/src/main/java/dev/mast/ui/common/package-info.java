/**
 * What every screen of the desktop app shares: the background executor, the batcher that
 * brings streams of events onto the FX thread, the dialog service, settings, the theme and the
 * style-class names. Depends on JavaFX, AtlantaFX and nothing of Mast's feature packages.
 */
package dev.mast.ui.common;
