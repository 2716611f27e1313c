package org.acdit4j.model.tokenar;

import org.acdit4j.framework.model.ModelType;

/**
 * The pure-AR baseline's type, for definitions: {@code e.model(TokenAr.TYPE, m -> m.width(64).patch(4).codes(512))}
 * and {@code e.sampler(TokenAr.TYPE, s -> s.temperature(0.7).topK(16))}.
 */
public final class TokenAr {

    /** The registered name, {@code model.name=token-ar}. */
    public static final String NAME = "token-ar";
    public static final ModelType<TokenArSection, TokenSamplerSection> TYPE = ModelType.of(NAME, TokenArSection::new,
            TokenSamplerSection::new);

    private TokenAr() {
    }
}
