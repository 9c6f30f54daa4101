extension ParsedEvent {
    /// This event marked as not matching the configured format.
    func failed() -> ParsedEvent {
        var e = self
        e.parseFailed = true
        return e
    }
}
