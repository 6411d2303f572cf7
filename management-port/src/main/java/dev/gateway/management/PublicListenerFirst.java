package dev.gateway.management;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;

/**
 * Orders the public listener (the one serving the service's routes) before the management listener. The server
 * reports the first listener as its port and URL, and listeners configured by name come in no fixed order.
 */
@Singleton
public class PublicListenerFirst implements BeanCreatedEventListener<NettyHttpServerConfiguration> {

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration configuration = event.getBean();
        List<NettyListenerConfiguration> listeners = configuration.getListeners();
        if (listeners != null) {
            configuration.setListeners(listeners.stream()
                    .sorted(Comparator.comparing(listener -> !listener.isExposeDefaultRoutes()))
                    .toList());
        }
        return configuration;
    }
}
