package dev.mast.ui.wizard;

import dev.mast.ui.RunKind;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The wizard's navigation: the current page, whether Back and Next may be used and why not,
 * and what Next says. Next on the Preview page starts the run, through {@link RunStarter};
 * nothing else leaves the wizard. Every page edits the same {@link PlanDraft}, so going back
 * and forth keeps every input.
 */
public final class WizardViewModel {

    /** Starts the run from the plan the wizard built; false if it did not start. */
    @FunctionalInterface
    public interface RunStarter {
        boolean confirmAndStart(dev.mast.plan.Plan plan, RunKind kind);
    }

    private final PlanDraft draft;
    private final Map<WizardPage, WizardStep> steps = new EnumMap<>(WizardPage.class);
    private final RunStarter runStarter;
    private final ObservableBooleanValue running;
    private final ReadOnlyObjectWrapper<WizardPage> page = new ReadOnlyObjectWrapper<>(this, "page", WizardPage.START);
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper(this, "canGoNext");
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper(this, "blockedReason", "");
    private final BooleanBinding canGoBack;
    private final StringBinding nextLabel;
    private final BooleanBinding nextVisible;

    /**
     * @param running true while a run is in progress: the wizard stays on the Run page meanwhile
     */
    public WizardViewModel(PlanDraft draft, Map<WizardPage, WizardStep> pages, RunStarter runStarter, ObservableBooleanValue running) {
        this.draft = draft;
        this.runStarter = runStarter;
        this.running = running;
        for (WizardPage p : WizardPage.values()) {
            WizardStep step = pages.get(p);
            if (step == null) {
                throw new IllegalArgumentException("the wizard has no step for the " + p.title() + " page");
            }
            steps.put(p, step);
        }
        canGoBack = Bindings.createBooleanBinding(() -> page.get() != WizardPage.START
                && !(page.get() == WizardPage.RUN && running.get()), page, running);
        nextLabel = Bindings.createStringBinding(() -> page.get() == WizardPage.PREVIEW
                ? "_" + draft.kindProperty().get().title() + "…" : "_Next", page, draft.kindProperty());
        nextVisible = page.isNotEqualTo(WizardPage.RUN);
        bindToStep(WizardPage.START);
        steps.get(WizardPage.START).activate();
    }

    private void bindToStep(WizardPage target) {
        WizardStep step = steps.get(target);
        canGoNext.bind(Bindings.createBooleanBinding(() -> target.hasNext() && step.validProperty().get(), step.validProperty()));
        blockedReason.bind(step.blockedReasonProperty());
    }

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        if (page.get() == WizardPage.PREVIEW && !runStarter.confirmAndStart(draft.toPlan(), draft.kindProperty().get())) {
            return;
        }
        go(page.get().next());
    }

    public void back() {
        if (canGoBack.get()) {
            go(page.get().previous());
        }
    }

    /** Jumps back to an earlier page (the step list); later pages are reached with Next only. */
    public void goBackTo(WizardPage target) {
        if (target.ordinal() < page.get().ordinal() && canGoBack.get()) {
            go(target);
        }
    }

    private void go(WizardPage target) {
        steps.get(page.get()).deactivate();
        bindToStep(target);
        page.set(target);
        steps.get(target).activate();
    }

    public ReadOnlyObjectProperty<WizardPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    /** Why Next is disabled; empty when it is enabled. */
    public ReadOnlyStringProperty blockedReasonProperty() {
        return blockedReason.getReadOnlyProperty();
    }

    /** With a mnemonic: {@code _Next}, or {@code _Install…} on the Preview page. */
    public StringBinding nextLabelProperty() {
        return nextLabel;
    }

    public BooleanBinding nextVisibleProperty() {
        return nextVisible;
    }

    /** Why Back is disabled on the Run page. */
    public String backBlockedReason() {
        return page.get() == WizardPage.RUN && running.get() ? "The run is in progress; cancel it or wait for it to end" : "";
    }

    public WizardStep step(WizardPage p) {
        return steps.get(p);
    }
}
