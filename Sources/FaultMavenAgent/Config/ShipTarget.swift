import LogShipping

extension AgentConfig {
    /// A shipping `<match>`: the output (built and validated while loading the config, not yet
    /// connected or opened) and its `<buffer>` settings.
    public struct ShipTarget: Sendable, Equatable {
        /// `@type` of the `<match>` (`http`, `file`, ...).
        public var type: String
        public var output: any LogShipping.Output
        public var buffer: BufferConfig

        public init(type: String, output: any LogShipping.Output, buffer: BufferConfig) {
            self.type = type
            self.output = output
            self.buffer = buffer
        }

        /// The output's name: `@id`, else `TYPE_N` (N: the `<match>`'s position, from 1).
        public var name: String { output.name }

        public static func == (a: ShipTarget, b: ShipTarget) -> Bool {
            a.type == b.type && a.name == b.name && a.buffer == b.buffer
        }
    }
}
