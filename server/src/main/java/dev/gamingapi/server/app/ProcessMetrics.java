package dev.gamingapi.server.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The platform process on {@code /metrics}: heap and other JVM memory, GC pauses, threads, CPU,
 * open files and uptime (Micrometer's own binders, under their usual names: {@code
 * jvm_memory_used_bytes}, {@code process_cpu_usage}...), for the dashboard's platform row.
 */
final class ProcessMetrics implements AutoCloseable {
  private final JvmGcMetrics gc = new JvmGcMetrics();

  ProcessMetrics(MeterRegistry metrics) {
    new JvmMemoryMetrics().bindTo(metrics);
    gc.bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new FileDescriptorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
  }

  @Override
  public void close() {
    gc.close(); // it listens to the JVM's GC notifications until closed
  }
}
