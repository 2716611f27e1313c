package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.acdit4j.tracking.TrackerSelection;

/**
 * What the commands that plan, run, resume, report, archive and list experiments work with.
 *
 * @param catalog the registered experiments
 * @param options the global options: the folders and {@code --tracking-uri}
 * @param stores  the tracking stores, built when first asked for, after the global options are parsed
 * @param plugins the dataset, model and evaluator plugins
 */
record CommandContext(ExperimentCatalog catalog, GlobalOptions options, Provider<TrackerSelection> stores,
                      Plugins plugins) {

    @Inject
    CommandContext {
    }

    /** The tracking stores; see {@link #stores}. */
    TrackerSelection trackers() {
        return stores.get();
    }
}
