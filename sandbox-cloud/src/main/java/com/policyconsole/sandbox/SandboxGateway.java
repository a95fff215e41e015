package com.policyconsole.sandbox;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the sandbox cloud's API resources: {@link SandboxCredentialCheck} runs for them only, so only their
 * request bodies are buffered before the filters run.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SandboxGateway {
}
