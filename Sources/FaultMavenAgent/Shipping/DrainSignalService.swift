import ServiceLifecycle

/// Seals the shipping buffers' open chunks as soon as shutdown begins. It stands last in the
/// service group, so it hears of the shutdown first, before the sources wait for the
/// acknowledgement of what they sent: a file buffer makes those records durable at once, a
/// memory buffer sends them, instead of waiting for `flush_interval`.
struct DrainSignalService: Service {
    let outputs: ShipOutputs

    func run() async throws {
        try? await gracefulShutdown()
        await outputs.beginDraining()
    }
}
