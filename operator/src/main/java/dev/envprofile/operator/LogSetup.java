package dev.envprofile.operator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/** Log level and format from the command line: text for people, json (one object a line) for collectors. */
final class LogSetup {
  private LogSetup() {}

  static void configure(String level, String format) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    Encoder<ILoggingEvent> encoder;
    if ("json".equalsIgnoreCase(format)) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(ctx);
      json.start();
      encoder = json;
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(ctx);
      text.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level %logger{20} - %msg%n");
      text.start();
      encoder = text;
    }
    ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
    out.setContext(ctx);
    out.setEncoder(encoder);
    out.start();
    root.addAppender(out);
    root.setLevel(Level.toLevel(level, Level.INFO));
    // The client and the framework are chatty at INFO; their warnings still show.
    ctx.getLogger("io.fabric8").setLevel(Level.WARN);
    // "unstable version v1alpha1" on every start: the API version is ours and documented.
    ctx.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils").setLevel(Level.ERROR);
    ctx.getLogger("io.javaoperatorsdk").setLevel(Level.toLevel(level, Level.INFO).isGreaterOrEqual(Level.INFO)
        ? Level.WARN : Level.toLevel(level));
  }
}
