package org.publiccredit.gateway.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Spring's reactive JWT decoder fails with a bare {@code IllegalStateException("Could not obtain the keys")} when the
 * JWK set cannot be fetched, which escapes the security failure handler and becomes a 500. This wraps the decoder Boot
 * builds (keeping its issuer and audience validators) so that such a failure is an
 * {@link AuthenticationServiceException}: the gateway then answers 503 IDENTITY_PROVIDER_UNAVAILABLE.
 */
final class KeyFetchFailures implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ReactiveJwtDecoder decoder) {
            return (ReactiveJwtDecoder) token -> decoder.decode(token).onErrorMap(
                    e -> !(e instanceof JwtException) && !(e instanceof AuthenticationException),
                    e -> new AuthenticationServiceException("cannot obtain the token signing keys", e));
        }
        return bean;
    }
}
