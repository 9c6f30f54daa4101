extension KnowledgeBase {
    /// Kafka, RabbitMQ and event publishing.
    static let messagingEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "broker-unavailable", family: "messaging", title: "Message broker unavailable (publishing fails)", severity: .high,
            signals: ["broker unavailable", "broker not available", "failed to publish", "disconnected from broker", "broker may not be available", "all brokers down", "amqp & connection refused", "failed to send message"],
            topics: ["broker", "kafka", "rabbitmq", "publish", "producer", "event", "queue"],
            likelyCauses: [
                "Brokers are down, restarting or unreachable from the producer (network, DNS, listeners advertised wrongly).",
                "The producer's buffer or retries are exhausted during a broker failover.",
            ],
            nextSteps: [
                "Check broker health: `kafka-broker-api-versions.sh --bootstrap-server <host:9092>` or `rabbitmq-diagnostics status`.",
                "Check advertised listeners reach the client: `kafkacat -b <host:9092> -L`.",
                "Check the producer's retries/delivery timeout and whether failed events are retried or lost.",
            ]),
        KnowledgeEntry(
            id: "kafka-leader-not-available", family: "messaging", title: "Kafka: leader not available / not leader for partition", severity: .high,
            signals: ["leader_not_available", "leader not available", "not_leader_for_partition", "notleaderforpartition", "not_leader_or_follower", "under-replicated", "offline partitions", "notenoughreplicas"],
            topics: ["kafka", "leader", "partition", "isr", "replica", "broker"],
            likelyCauses: [
                "A broker left the cluster; partitions are re-electing leaders or are offline.",
                "Too few in-sync replicas for `min.insync.replicas`.",
            ],
            nextSteps: [
                "List problem partitions: `kafka-topics.sh --bootstrap-server <host:9092> --describe --under-replicated-partitions` (and `--unavailable-partitions`).",
                "Check each broker's log and controller status; restart the missing broker.",
            ]),
        KnowledgeEntry(
            id: "kafka-consumer-lag", family: "messaging", title: "Kafka consumer lag or rebalance storms", severity: .medium,
            signals: ["consumer lag", "rebalance", "commitfailedexception", "offset commit failed", "member & has left the group", "max.poll.interval.ms", "revoking previously assigned partitions"],
            topics: ["kafka", "consumer", "lag", "rebalance", "offset", "group"],
            likelyCauses: [
                "Consumers process too slowly and exceed `max.poll.interval.ms`, get kicked out and rebalance repeatedly.",
                "Too few consumers or partitions for the traffic; a slow downstream dependency.",
            ],
            nextSteps: [
                "Measure lag: `kafka-consumer-groups.sh --bootstrap-server <host:9092> --describe --group <group>`.",
                "Compare per-batch processing time with `max.poll.interval.ms`; lower `max.poll.records` if needed.",
            ]),
        KnowledgeEntry(
            id: "kafka-message-too-large", family: "messaging", title: "Kafka: message too large", severity: .low,
            signals: ["recordtoolargeexception", "message_too_large", "message size too large", "the message is & bytes when serialized which is larger"],
            topics: ["kafka", "message", "size", "producer"],
            likelyCauses: ["A record exceeds the producer's `max.request.size` or the topic's `max.message.bytes`."],
            nextSteps: [
                "Check limits: `kafka-configs.sh --bootstrap-server <host:9092> --describe --entity-type topics --entity-name <topic>`.",
                "Compress or split payloads; raise limits on producer, topic and consumer together if needed.",
            ]),
        KnowledgeEntry(
            id: "rabbitmq-blocked", family: "messaging", title: "RabbitMQ blocked by a resource alarm", severity: .high,
            signals: ["memory resource limit alarm", "disk resource limit alarm", "connection.blocked", "publishers will be blocked", "resource alarm"],
            topics: ["rabbitmq", "alarm", "memory", "disk", "blocked", "queue"],
            likelyCauses: ["Queues grew (consumers down or slow) until RabbitMQ hit its memory or disk watermark and blocked publishers."],
            nextSteps: [
                "Check alarms and queue depth: `rabbitmq-diagnostics alarms` and `rabbitmqctl list_queues name messages consumers`.",
                "Restore consumers first; then purge or move what is not needed.",
            ]),
    ]
}
