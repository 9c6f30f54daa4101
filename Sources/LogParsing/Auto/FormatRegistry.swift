import FaultMavenCore

/// Builds the format for a configured `@type`, and the ordered list auto mode tries.
enum FormatRegistry {
    /// Auto mode tries these in order; the first that parses a line wins (most specific first).
    static func autoFormats() -> [any LineFormat] {
        [
            JSONFormat(), SyslogFormat(), AccessLogFormat(format: .nginx), KlogFormat(), LogfmtFormat(),
            TimestampLevelFormat(), HeaderFormat(),
        ]
    }

    /// The formats an explicit type that covers several encodings tries (logrus, zap).
    static func formats(for type: ParserType) -> [any LineFormat] {
        switch type {
        case .logrus: return [JSONFormat(), LogfmtFormat()]
        case .zap: return [JSONFormat(), TimestampLevelFormat()]
        default: return autoFormats()
        }
    }

    /// The single-line format for `type` (`regexp`, `json`, `none`, `logfmt`, `syslog`, `nginx`, `apache2`).
    static func single(_ config: ParserConfig) throws -> any LineFormat {
        switch config.type {
        case .json: return JSONFormat()
        case .none: return NoneFormat()
        case .logfmt: return LogfmtFormat()
        case .syslog: return SyslogFormat()
        case .nginx: return AccessLogFormat(format: .nginx)
        case .apache2: return AccessLogFormat(format: .apache2)
        case .regexp:
            guard let expression = config.expression, !expression.isEmpty else {
                throw FaultMavenError.badInput("parser regexp needs 'expression'")
            }
            let regex = try RubyRegex(expression, what: "expression", requireNames: true)
                .compile(what: "expression", dotAll: config.multiline, ignoreCase: config.ignoreCase)
            return RegexpFormat(regex: regex, format: .regexp)
        case .multiline, .auto, .cri, .docker, .logrus, .zap:
            throw FaultMavenError.badInput("parser \(config.type.rawValue) is not a single-line format")
        }
    }
}
