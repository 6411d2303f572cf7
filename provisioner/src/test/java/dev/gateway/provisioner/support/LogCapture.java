package dev.gateway.provisioner.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every log line the JVM writes while open (the provisioner's own loggers at DEBUG), message and stack trace. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final String OWN_LOGGERS = "dev.gateway";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Level ownLevelBefore;

    private LogCapture() {
        Logger own = (Logger) LoggerFactory.getLogger(OWN_LOGGERS);
        ownLevelBefore = own.getLevel();
        own.setLevel(Level.DEBUG);
        setContext(own.getLoggerContext());
        start();
        root().addAppender(this);
    }

    public static LogCapture open() {
        return new LogCapture();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String stack = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap() + stack);
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
        ((Logger) LoggerFactory.getLogger(OWN_LOGGERS)).setLevel(ownLevelBefore);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
