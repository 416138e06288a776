package io.celerity.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The least any design of this kind must do per task, on the same broker and database: one single-row commit and a
 * persistent send by the caller; a receive and two single-row commits (started, finished) by the worker.
 */
final class Floor {

    private Floor() {
    }

    /** Tasks per second for {@code n} tasks with {@code concurrency} callers and as many workers. */
    static double run(String brokerUrl, int n, int concurrency) throws Exception {
        Database.truncate();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency * 2);
        CountDownLatch finished = new CountDownLatch(n);
        AtomicInteger next = new AtomicInteger();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
             Connection connection = factory.createConnection(System.getenv().getOrDefault("CELERITY_BROKER_USER",
                     "celerity"), System.getenv("CELERITY_BROKER_PASSWORD"))) {
            connection.start();
            Queue queue = connection.createSession().createQueue("celerity.bench-floor");
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                         MessageConsumer consumer = session.createConsumer(queue);
                         java.sql.Connection db = Database.connect();
                         PreparedStatement update = db.prepareStatement(
                                 "update floor_task set state = ?, version = version + 1 where id = ?")) {
                        while (finished.getCount() > 0) {
                            TextMessage message = (TextMessage) consumer.receive(200);
                            if (message == null) {
                                continue;
                            }
                            long id = Long.parseLong(message.getText());
                            for (String state : new String[]{"STARTED", "SUCCESS"}) {
                                update.setString(1, state);
                                update.setLong(2, id);
                                update.executeUpdate();
                            }
                            finished.countDown();
                        }
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            List<Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                callers.add(pool.submit(() -> {
                    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                         MessageProducer producer = session.createProducer(queue);
                         java.sql.Connection db = Database.connect();
                         PreparedStatement insert = db.prepareStatement(
                                 "insert into floor_task (id, state, version) values (?, 'QUEUED', 1)")) {
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        for (int id = next.getAndIncrement(); id < n; id = next.getAndIncrement()) {
                            insert.setLong(1, id);
                            insert.executeUpdate();
                            producer.send(session.createTextMessage(Long.toString(id)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
            if (!finished.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the floor did not finish");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Future<?> worker : workers) {
                worker.get();
            }
            return n / seconds;
        } finally {
            pool.shutdownNow();
        }
    }
}
