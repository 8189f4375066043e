package org.lottrace.trace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one application context the trace tests share: the real ingestion (Spring Batch
 * jobs writing Parquet) into a scratch store, from which {@link TraceStores} moves each
 * test's store in and out, and the report jobs over that scratch store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@SpringBatchTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = TraceStores.Scratch.class)
@Import(TraceStores.class)
public @interface TraceIntegrationTest {

}
