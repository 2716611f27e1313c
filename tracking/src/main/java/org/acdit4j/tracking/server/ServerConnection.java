package org.acdit4j.tracking.server;

import java.time.Clock;

import org.mlflow.tracking.MlflowClient;

/** What the runs of one {@link MlflowServerTracker} share: the client, bounded calls, uploads and settings. */
record ServerConnection(MlflowClient client, BoundedCalls calls, ArtifactUploader uploader,
                        ServerCredentials credentials, Clock clock, ServerSettings settings) {
}
