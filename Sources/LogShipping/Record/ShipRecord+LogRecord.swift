import FaultMavenCore

extension ShipRecord {
    /// The shipped form of a pipeline record: its fields, plus `message`, `level` (`ERROR`, ...),
    /// `source`, and `template_id`/`template` when mined. Event time, else ingest time.
    public init(_ record: LogRecord, ack: ShipAck? = nil) {
        var extra = record.fields
        if let id = record.templateID { extra["template_id"] = String(id) }
        if let t = record.template { extra["template"] = t }
        self.init(
            tag: record.tag, time: record.effectiveTime, message: record.message, level: record.level.name,
            source: record.source, extra: extra, ack: ack)
    }
}
