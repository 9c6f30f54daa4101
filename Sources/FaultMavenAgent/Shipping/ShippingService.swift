import ServiceLifecycle

/// Closes the shipping buffers in the service group's graceful shutdown. It stands before the
/// pipeline in the group, so it is told to stop after the pipeline drained: the last records
/// are in the buffers when they close (delivering what `flush_at_shutdown` asks for).
struct ShippingService: Service {
    let outputs: ShipOutputs

    func run() async throws {
        // Returns at graceful shutdown, or throws when cancelled: close in both cases.
        try? await gracefulShutdown()
        await outputs.close()
    }
}
