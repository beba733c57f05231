/**
 * The cluster add-ons an install applies through the API once the control plane runs: the
 * pod network (flannel) and the cluster DNS (CoreDNS). Built as fabric8 objects from the plan.
 */
package dev.mast.manifest.addons;
