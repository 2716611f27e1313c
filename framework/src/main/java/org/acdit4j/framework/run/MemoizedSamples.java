package org.acdit4j.framework.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.model.DiscreteCodes;
import org.acdit4j.framework.model.GenerativeModel;
import org.acdit4j.framework.model.LossyReconstruction;
import org.acdit4j.framework.model.SampleRequest;
import org.acdit4j.framework.model.SamplerConfig;
import org.acdit4j.framework.model.TrainStepResult;

/**
 * A view of a trained model that draws each distinct sample request once, so FID, precision/recall, the IS
 * analogue and class agreement at one guidance scale share the same generated images (sampling is
 * deterministic for a request, so this changes no metric, only the time), and reconstructs each distinct batch of
 * real images once through a lossy encoding (the FID and class-agreement evaluators ask for the same test images at
 * every guidance scale); the model's code sequences ({@link DiscreteCodes}) it passes on as they are. Training through
 * it is refused.
 */
final class MemoizedSamples implements GenerativeModel {

    private record Key(List<Integer> labels, SamplerConfig sampler, double guidance, long seed, boolean kvCache,
                       boolean ema) {
    }

    /** Real images by content: evaluators draw the same seeded subset as separate but equal batches. */
    private record Images(Geometry geometry, List<Float> pixels, List<Integer> labels) {

        static Images of(ImageBatch batch) {
            List<Float> pixels = new ArrayList<>(batch.pixels().length);
            for (float pixel : batch.pixels()) {
                pixels.add(pixel);
            }
            return new Images(batch.geometry(), pixels, Arrays.stream(batch.labels()).boxed().toList());
        }
    }

    private final GenerativeModel model;
    private final Map<Key, ImageBatch> drawn = new HashMap<>();
    private final Map<Images, ImageBatch> reconstructed = new HashMap<>();

    MemoizedSamples(GenerativeModel model) {
        this.model = model;
    }

    @Override
    public ImageBatch sample(SampleRequest request) {
        Key key = new Key(Arrays.stream(request.labels()).boxed().toList(), request.sampler(), request.guidance(), request.seed(), request.kvCache(), request.ema());
        return drawn.computeIfAbsent(key, ignored -> model.sample(request));
    }

    @Override
    public Geometry geometry() {
        return model.geometry();
    }

    @Override
    public TrainStepResult trainStep(ImageBatch batch) {
        throw new UnsupportedOperationException("evaluation does not train");
    }

    @Override
    public float[][] encode(ImageBatch images) {
        return model.encode(images);
    }

    @Override
    public Optional<LossyReconstruction> lossyReconstruction() {
        return model.lossyReconstruction().map(encoding -> images -> reconstructed.computeIfAbsent(Images.of(images),
                ignored -> encoding.reconstruct(images)));
    }

    @Override
    public Optional<DiscreteCodes> discreteCodes() {
        return model.discreteCodes();
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public double trainFlopsPerStep(int batchSize) {
        return model.trainFlopsPerStep(batchSize);
    }

    @Override
    public double sampleFlopsPerImage(SampleRequest request) {
        return model.sampleFlopsPerImage(request);
    }

    @Override
    public long step() {
        return model.step();
    }

    @Override
    public void save(Path checkpoint) throws IOException {
        model.save(checkpoint);
    }

    @Override
    public void restore(Path checkpoint) {
        throw new UnsupportedOperationException("evaluation does not restore");
    }
}
