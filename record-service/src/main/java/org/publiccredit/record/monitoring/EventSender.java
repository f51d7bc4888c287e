package org.publiccredit.record.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers the outbox: POSTs each event's JSON to its client's webhook with {@code X-Credit-Signature} and
 * {@code X-Credit-Event-Id}; a 2xx answer is DELIVERED, anything else (3xx included: redirects are never followed, a
 * timeout, a refused target) is tried again after {@link Backoff}'s pause until 24 h after it was queued, then FAILED.
 * The target is checked again before every attempt. Whatever made a connection fail, the delivery log says the same
 * {@link #UNREACHABLE} (a partner cannot probe the network through it); a target that answered shows its status.
 * At most {@code maxInFlight} deliveries at once (asynchronous, on the HTTP client's own platform threads); outcomes are
 * stored in batches by the sender's loop, which claims in batches too; the follower wakes the sender after it committed
 * events, else it looks every {@code sendInterval}.
 */
@Component
class EventSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventSender.class);
    /** The one text for a target that could not be reached, whatever the reason. */
    static final String UNREACHABLE = "the target could not be reached";
    static final String NO_ENDPOINT = "no webhook endpoint is set";

    private final Outbox outbox;
    private final Webhooks webhooks;
    private final MonitoringProperties properties;
    private final Backoff backoff;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService httpThreads;
    private final LinkedBlockingQueue<Boolean> signal = new LinkedBlockingQueue<>(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Outcomes of finished attempts, stored by the loop in one batch (deliveries never wait for a connection). */
    private final ConcurrentLinkedQueue<Outbox.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Counter delivered;
    private final Counter failedAttempts;
    private volatile boolean running;
    private Thread loop;
    private Thread recorder;
    private final LinkedBlockingQueue<Boolean> finished = new LinkedBlockingQueue<>(1);

    EventSender(Outbox outbox, Webhooks webhooks, MonitoringProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.properties = properties;
        this.backoff = new Backoff(properties.maxBackoff());
        this.clock = clock;
        // platform threads of its own: on the virtual threads' carriers, deliveries waited behind CPU-bound requests
        this.httpThreads = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("monitoring-http-", 0).factory());
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY).executor(httpThreads).build();
        Gauge.builder("record.monitoring.pending", outbox, o -> o.count("PENDING"))
                .description("monitoring events waiting for delivery").register(meters);
        Gauge.builder("record.monitoring.failed", outbox, o -> o.count("FAILED"))
                .description("monitoring events given up after 24 h").register(meters);
        this.delivered = Counter.builder("record.monitoring.delivered").description("monitoring events delivered").register(meters);
        this.failedAttempts = Counter.builder("record.monitoring.attempts.failed").description("failed delivery attempts").register(meters);
    }

    /** Wakes the sender once the current transaction commits (at once without one). */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    void wake() {
        signal.offer(Boolean.TRUE);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().daemon().name("monitoring-sender").start(this::run);
        recorder = Thread.ofPlatform().daemon().name("monitoring-outcomes").start(this::record);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (loop != null) {
            try {
                loop.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long until = System.currentTimeMillis() + properties.readTimeout().toMillis() + 1000;
        while (inFlight.get() > 0 && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (recorder != null) {
            try {
                recorder.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
        httpThreads.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try {
            Thread.sleep(5000); // let the service start
        } catch (InterruptedException e) {
            return;
        }
        while (running) {
            int claimed = 0;
            boolean tried = false;
            try {
                int free = properties.maxInFlight() - inFlight.get();
                // claim in batches (a quarter of the capacity at least, or whatever is free when little is under way):
                // one claim per finished delivery would cost two round trips per event
                if (free > 0 && (free >= Math.max(1, properties.maxInFlight() / 4) || inFlight.get() < properties.maxInFlight() / 2)) {
                    tried = true;
                    long c0 = System.nanoTime();
                    List<Outbox.Leased> due = outbox.claim(free, clock.instant(), properties.readTimeout().plus(properties.connectTimeout())
                            .plusSeconds(20));
                    claimed = due.size();
                    stats(c0, claimed);
                    Map<String, Optional<Webhooks.Target>> targets = new HashMap<>();
                    Map<String, Optional<URI>> checked = new HashMap<>();
                    for (Outbox.Leased e : due) {
                        Webhooks.Target target = targets.computeIfAbsent(e.client(), webhooks::target).orElse(null);
                        if (target == null) {
                            failure(e, null, NO_ENDPOINT);
                            continue;
                        }
                        // checked again before every attempt (once per client and claim): a name may resolve elsewhere now
                        Optional<URI> uri = checked.computeIfAbsent(e.client(), c -> {
                            try {
                                return Optional.of(webhooks.targets().check(target.url()));
                            } catch (WebhookTargets.Refused refused) {
                                return Optional.empty();
                            }
                        });
                        if (uri.isEmpty()) {
                            failure(e, null, UNREACHABLE);
                            continue;
                        }
                        inFlight.incrementAndGet();
                        try {
                            send(e, target, uri.get());
                        } catch (RuntimeException ex) {
                            inFlight.decrementAndGet();
                            failure(e, null, UNREACHABLE);
                        }
                    }
                }
            } catch (RuntimeException e) {
                log.warn("monitoring: claiming events failed ({})", e.toString());
            }
            long pause = tried && claimed == 0 ? properties.sendInterval().toMillis() // nothing due: the follower or a finished delivery wakes it
                    : !tried || inFlight.get() > properties.maxInFlight() * 3 / 4 ? 5 // busy: let more deliveries finish first
                    : 0;
            if (pause > 0) {
                try {
                    signal.poll(pause, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private long statsSince = System.nanoTime();
    private long claims;
    private long claimNanos;
    private long claimedTotal;
    private volatile long flushNanos;

    /** Every 10 s while busy, one log line: claims, events claimed, time in claims (for tuning). */
    private void stats(long started, int claimed) {
        long now = System.nanoTime();
        claims++;
        claimNanos += now - started;
        claimedTotal += claimed;
        if (now - statsSince > 10_000_000_000L) {
            if (claimedTotal > 0) {
                log.info("monitoring sender: {} claims ({} ms), {} events claimed, outcomes stored in {} ms, {} in flight, {} outcomes "
                        + "waiting", claims, claimNanos / 1_000_000, claimedTotal, flushNanos / 1_000_000, inFlight.get(), outcomes.size());
            }
            statsSince = now;
            claims = 0;
            claimNanos = 0;
            claimedTotal = 0;
            flushNanos = 0;
        }
    }

    /**
     * The outcomes' own loop, beside the sender's (on the loaded machine storing them took as long as claiming): stores
     * what finished, then wakes the sender, for a subject's next event is due once its predecessor's outcome is stored.
     */
    private void record() {
        while (running || !outcomes.isEmpty()) {
            try {
                finished.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (!outcomes.isEmpty()) {
                long f0 = System.nanoTime();
                flush();
                flushNanos += System.nanoTime() - f0;
                wake();
            }
        }
    }

    /** Stores the finished attempts' outcomes (before claiming again: the next event of a subject waits for its predecessor's). */
    private void flush() {
        List<Outbox.Outcome> done = new java.util.ArrayList<>();
        for (Outbox.Outcome o = outcomes.poll(); o != null; o = outcomes.poll()) {
            done.add(o);
        }
        try {
            outbox.record(done);
        } catch (RuntimeException ex) {
            log.warn("monitoring: storing {} delivery outcome(s) failed ({}); their leases run out and they are tried again",
                    done.size(), ex.toString());
        }
    }

    /** Sends one event (asynchronously); its outcome is queued for the next {@link #flush}. */
    private void send(Outbox.Leased e, Webhooks.Target target, URI uri) {
        send(e, target, uri, false);
    }

    /**
     * @param again whether this is the one immediate resend of the attempt: a request that got no answer at all (a
     *        pooled connection the target had closed meanwhile, a reset) is sent once more at once, on another
     *        connection, before it counts as a failed attempt; the HTTP client retries no POST by itself, and the
     *        backoff's first pause (1 s) held back the subject's later events too. Not after a timeout (that would double
     *        the wait). The target may have got the first request: at least once, the event id tells.
     */
    private void send(Outbox.Leased e, Webhooks.Target target, URI uri, boolean again) {
        byte[] body = e.body().getBytes(StandardCharsets.UTF_8);
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "publiccredit-webhook/1")
                .header(WebhookSigner.HEADER, WebhookSigner.header(t, body, target.secret(), target.previousSecret()))
                .header(WebhookSigner.EVENT_ID_HEADER, e.eventId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null && !again && !(unwrap(error) instanceof HttpTimeoutException)) {
                try {
                    send(e, target, uri, true);
                    return; // the resend's completion settles the attempt
                } catch (RuntimeException ex) {
                    // fall through: the attempt failed
                }
            }
            try {
                if (error != null || response == null) {
                    failure(e, null, UNREACHABLE); // whatever the reason: refused, timed out, reset, TLS
                    return;
                }
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    outcomes.add(new Outbox.Outcome(e, "DELIVERED", status, null, clock.instant(), null));
                    delivered.increment();
                } else {
                    failure(e, status, status >= 300 && status < 400 ? "the target answered " + status + " (redirects are not followed)"
                            : "the target answered " + status);
                }
            } catch (RuntimeException ex) {
                log.warn("monitoring: the outcome of event {} was lost ({}); its lease runs out and it is tried again", e.eventId(),
                        ex.toString());
            } finally {
                inFlight.decrementAndGet();
                finished.offer(Boolean.TRUE);
                wake();
            }
        });
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private void failure(Outbox.Leased e, Integer status, String error) {
        failedAttempts.increment();
        Instant now = clock.instant();
        Instant next = backoff.next(e.attempts(), now, e.giveUpAt());
        if (next == null) {
            outcomes.add(new Outbox.Outcome(e, "FAILED", status, error, now, null));
            log.warn("monitoring: event {} of client {} given up after {} attempt(s)", e.eventId(), e.client(), e.attempts());
        } else {
            outcomes.add(new Outbox.Outcome(e, "PENDING", status, error, now, next));
        }
        finished.offer(Boolean.TRUE);
    }
}
