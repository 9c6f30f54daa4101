extension FileOutputConfig {
    /// Builds the config from a `<match>` section of `@type file`: `path`, `json_array`,
    /// `compress text|gzip|zstd`, `rotate_size` (size), `rotate_interval` (time), `max_files`,
    /// `time_key`, `time_format iso8601|epoch`, `tag_key`. Unknown keys are an error naming them.
    public init(name: String, parameters: [String: String]) throws(ShipError) {
        var p = parameters
        p.removeValue(forKey: "@type")
        p.removeValue(forKey: "@id")
        func take(_ k: String) -> String? { p.removeValue(forKey: k) }
        guard let path = take("path") else { throw .config("output \(name): path is required") }
        self.init(name: name, path: path)
        if let v = take("json_array") { encoding.framing = try ConfigValue.bool(v, "json_array") ? .jsonArray : .jsonLines }
        if let v = take("time_key") { encoding.timeKey = v.isEmpty ? nil : v }
        if let v = take("tag_key") { encoding.tagKey = v.isEmpty ? nil : v }
        if let v = take("time_format") {
            guard let f = JSONTimeFormat(rawValue: v) else { throw .config("output \(name): time_format \(v) is not iso8601 or epoch") }
            encoding.timeFormat = f
        }
        if let v = take("compress") {
            guard let c = BodyCompression(rawValue: v) else { throw .config("output \(name): compress \(v) is not text, gzip or zstd") }
            compress = c
        }
        if let v = take("rotate_size") { rotateSize = try ConfigValue.size(v, "rotate_size") }
        if let v = take("rotate_interval") { rotateInterval = try ConfigValue.time(v, "rotate_interval") }
        if let v = take("max_files") { maxFiles = try ConfigValue.integer(v, "max_files", min: 1) }
        if !p.isEmpty { throw .config("output \(name): unknown parameter(s) \(p.keys.sorted().joined(separator: ", "))") }
    }
}
