/**
 * The pod list screen: {@link dev.mast.ui.pods.PodsView} (a table like {@code kubectl get pods},
 * the namespace and filter, the connection banner, the selected pod's details) over
 * {@link dev.mast.ui.pods.PodsViewModel}; {@link dev.mast.ui.pods.OperateSession}, the models of
 * one cluster (with the plan's nodes when known); and {@link dev.mast.ui.pods.OperateScreens}, which
 * builds the views on a session and opens log viewers from it. The main window reaches them through
 * {@link dev.mast.ui.OperateNavigation}.
 *
 * <p>View models depend on {@code dev.mast.cluster} (and its {@code logs} and {@code runtime}
 * packages) and JavaFX properties, never on controls; views only build controls, bind and
 * forward events. No fabric8 or SSH call is made from a view.
 */
package dev.mast.ui.pods;
