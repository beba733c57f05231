package dev.mast.ui.wizard;

import dev.mast.plan.EtcdSource;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Sources;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The plan's sources as the Cluster page edits them: the two choices and the mirrors' URLs as typed. */
public final class SourcesDraft {
    private final ObjectProperty<ProgramSource> kubernetes = new SimpleObjectProperty<>(this, "kubernetes", ProgramSource.PACKAGES);
    private final ObjectProperty<EtcdSource> etcd = new SimpleObjectProperty<>(this, "etcd", EtcdSource.IMAGE);
    private final StringProperty packageRepository = new SimpleStringProperty(this, "packageRepository", "");
    private final StringProperty packageKey = new SimpleStringProperty(this, "packageKey", "");
    private final StringProperty binaries = new SimpleStringProperty(this, "binaries", "");
    private final StringProperty githubReleases = new SimpleStringProperty(this, "githubReleases", "");
    private final StringProperty imageRegistry = new SimpleStringProperty(this, "imageRegistry", "");

    void load(Sources sources) {
        kubernetes.set(sources.kubernetes());
        etcd.set(sources.etcd());
        packageRepository.set(sources.packageRepository());
        packageKey.set(sources.packageKey());
        binaries.set(sources.binaries());
        githubReleases.set(sources.githubReleases());
        imageRegistry.set(sources.imageRegistry());
    }

    Sources toSources() {
        return new Sources(kubernetes.get(), packageRepository.get().trim(), packageKey.get().trim(), binaries.get().trim(),
                githubReleases.get().trim(), imageRegistry.get().trim(), etcd.get());
    }

    Observable[] inputs() {
        return new Observable[] {kubernetes, etcd, packageRepository, packageKey, binaries, githubReleases, imageRegistry};
    }

    public ObjectProperty<ProgramSource> kubernetesProperty() {
        return kubernetes;
    }

    public ObjectProperty<EtcdSource> etcdProperty() {
        return etcd;
    }

    public StringProperty packageRepositoryProperty() {
        return packageRepository;
    }

    public StringProperty packageKeyProperty() {
        return packageKey;
    }

    public StringProperty binariesProperty() {
        return binaries;
    }

    public StringProperty githubReleasesProperty() {
        return githubReleases;
    }

    public StringProperty imageRegistryProperty() {
        return imageRegistry;
    }
}
