package org.acdit4j.framework.dsl;

import org.acdit4j.framework.spec.DataSpec;

/** {@code data}: which dataset, at which image size, from which source. */
public final class DataSection extends Section {

    String name = "fashion-mnist";
    int size = 32;
    String source = "";

    public DataSection name(String name) {
        this.name = name;
        return this;
    }

    public DataSection size(int side) {
        this.size = side;
        return this;
    }

    public DataSection source(String idxFolder) {
        this.source = idxFolder;
        return this;
    }

    @Override
    String key() {
        return "data";
    }

    @Override
    void validate(Problems problems) {
        problems.require(name != null && !name.isBlank(), "data.name", "must name a dataset");
        problems.require(size >= 8 && size <= 256, "data.size", "must be between 8 and 256, got " + size);
    }

    DataSpec freeze() {
        return new DataSpec(name, size, source);
    }
}
