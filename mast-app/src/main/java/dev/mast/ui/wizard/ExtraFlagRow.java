package dev.mast.ui.wizard;

import dev.mast.plan.Component;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One extra flag of the plan as the Cluster page edits it: the component, the flag's name without {@code --}, its value. */
public final class ExtraFlagRow {
    private final ObjectProperty<Component> component = new SimpleObjectProperty<>(this, "component", Component.KUBE_APISERVER);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");

    public ExtraFlagRow(Component component, String name, String value) {
        this.component.set(component);
        this.name.set(name);
        this.value.set(value);
    }

    /** The rows of a plan's flags, component by component in the plan's order. */
    static List<ExtraFlagRow> rowsOf(Map<Component, Map<String, String>> flags) {
        return flags.entrySet().stream().flatMap(component -> component.getValue().entrySet().stream()
                .map(flag -> new ExtraFlagRow(component.getKey(), flag.getKey(), flag.getValue()))).toList();
    }

    /** The plan's flags from the rows; a name is taken as typed (trimmed, a leading {@code --} dropped) for the validator to judge. */
    static Map<Component, Map<String, String>> flagsOf(List<ExtraFlagRow> rows) {
        Map<Component, Map<String, String>> flags = new EnumMap<>(Component.class);
        for (ExtraFlagRow row : rows) {
            flags.computeIfAbsent(row.component.get(), c -> new LinkedHashMap<>())
                    .put(row.name.get().trim().replaceFirst("^--", ""), row.value.get().trim());
        }
        return flags;
    }

    Observable[] inputs() {
        return new Observable[] {component, name, value};
    }

    public ObjectProperty<Component> componentProperty() {
        return component;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty valueProperty() {
        return value;
    }
}
