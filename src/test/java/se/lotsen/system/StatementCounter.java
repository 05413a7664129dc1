package se.lotsen.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements that threads serving HTTP requests run, for the pages' statement budgets. The data source
 * is wrapped (datasource-proxy) when a test imports {@link Config}; statements of the event listeners' own threads and
 * of the test's thread are not counted, so only what a request costs is.
 */
public final class StatementCounter {

    private static final List<String> STATEMENTS = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static volatile boolean counting;

    private StatementCounter() {
    }

    /** Starts counting afresh. */
    public static void start() {
        STATEMENTS.clear();
        CONNECTIONS.set(0);
        counting = true;
    }

    /** Stops counting; returns the statements run by request threads since {@link #start()}. */
    public static List<String> stop() {
        counting = false;
        synchronized (STATEMENTS) {
            return List.copyOf(STATEMENTS);
        }
    }

    /**
     * How many connections request threads took from the pool between {@link #start()} and {@link #stop()}: each is a
     * transaction of its own (a statement outside a transaction commits by itself).
     */
    public static int connections() {
        return CONNECTIONS.get();
    }

    /** Request threads of the embedded Tomcat. */
    static boolean requestThread() {
        String name = Thread.currentThread().getName();
        return name.contains("-exec-");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static BeanPostProcessor statementCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource ds && !(bean instanceof ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(ds).name(beanName).listener(new QueryExecutionListener() {
                            @Override
                            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                            }

                            @Override
                            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                                if (counting && requestThread()) {
                                    queryInfoList.forEach(q -> STATEMENTS.add(q.getQuery()));
                                    if (Boolean.getBoolean("lotsen.statements.trace")) {
                                        new Throwable("statement trace: " + queryInfoList.get(0).getQuery())
                                                .printStackTrace();
                                    }
                                }
                            }
                        }).afterMethod(call -> {
                            if (counting && requestThread() && call.getThrown() == null
                                    && call.getTarget() instanceof DataSource
                                    && call.getMethod().getName().equals("getConnection")) {
                                CONNECTIONS.incrementAndGet();
                            }
                        }).build();
                    }
                    return bean;
                }
            };
        }
    }
}
