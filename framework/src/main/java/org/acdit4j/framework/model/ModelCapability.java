package org.acdit4j.framework.model;

/** What a configured model offers evaluators; an evaluator names those it needs, checked before any run starts. */
public enum ModelCapability {
    /** Class-conditional samples, with classifier-free guidance. */
    SAMPLING,
    /** Features of clean examples ({@link GenerativeModel#encode}). */
    FEATURES,
    /** A classifier head trained on top of the model ({@link FineTunable}). */
    FINE_TUNING,
    /** Clips longer than the trained ones, frame block by frame block ({@link FrameRollout}). */
    FRAME_ROLLOUT
}
