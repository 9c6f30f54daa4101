import Foundation

extension HTTPOutputConfig {
    /// Builds the config from a `<match>` section of `@type http` (Fluentd out_http names):
    /// `endpoint`, `http_method`, `json_array`, `compress text|gzip|zstd`, `headers` (a JSON
    /// hash), `open_timeout`, `read_timeout`, `tls_ca_cert_path`, `tls_verify_mode none|peer`,
    /// `retryable_response_codes` (a JSON array), `time_key`, `time_format iso8601|epoch`, `tag_key`;
    /// and the `<auth>` subsection's keys prefixed `auth.`: `auth.method basic|bearer`,
    /// `auth.username`, `auth.password`, `auth.token`. Unknown keys are an error naming them.
    public init(name: String, parameters: [String: String]) throws(ShipError) {
        var p = parameters
        p.removeValue(forKey: "@type")
        p.removeValue(forKey: "@id")
        func take(_ k: String) -> String? { p.removeValue(forKey: k) }
        guard let endpoint = take("endpoint") else { throw .config("output \(name): endpoint is required") }
        self.init(name: name, endpoint: endpoint)
        if let v = take("http_method") { method = v.uppercased() }
        var enc = RecordEncoding()
        if let v = take("json_array") { enc.framing = try ConfigValue.bool(v, "json_array") ? .jsonArray : .jsonLines }
        if let v = take("time_key") { enc.timeKey = v.isEmpty ? nil : v }
        if let v = take("tag_key") { enc.tagKey = v.isEmpty ? nil : v }
        if let v = take("time_format") {
            guard let f = JSONTimeFormat(rawValue: v) else { throw .config("output \(name): time_format \(v) is not iso8601 or epoch") }
            enc.timeFormat = f
        }
        encoding = enc
        if let v = take("compress") {
            guard let c = BodyCompression(rawValue: v) else { throw .config("output \(name): compress \(v) is not text, gzip or zstd") }
            compress = c
        }
        if let v = take("headers") { headers = try Self.jsonHash(v, "output \(name): headers") }
        if let v = take("open_timeout") { connectTimeout = try ConfigValue.time(v, "open_timeout") }
        if let v = take("read_timeout") { totalTimeout = try ConfigValue.time(v, "read_timeout") }
        caBundlePath = take("tls_ca_cert_path")
        if let v = take("tls_verify_mode") {
            guard v == "none" || v == "peer" else { throw .config("output \(name): tls_verify_mode \(v) is not none or peer") }
            insecure = v == "none"
        }
        if let v = take("retryable_response_codes") {
            guard let codes = try? JSONSerialization.jsonObject(with: Data(v.utf8)) as? [Int] else {
                throw .config("output \(name): retryable_response_codes must be a JSON array of status codes")
            }
            extraRetryableStatus = Set(codes)
        }
        auth = try Self.auth(take("auth.method"), user: take("auth.username"), password: take("auth.password"), token: take("auth.token"), name)
        if !p.isEmpty { throw .config("output \(name): unknown parameter(s) \(p.keys.sorted().joined(separator: ", "))") }
    }

    private static func auth(_ method: String?, user: String?, password: String?, token: String?, _ name: String) throws(ShipError) -> Auth {
        switch method {
        case nil: return .none
        case "basic":
            guard let user else { throw .config("output \(name): <auth> basic needs username") }
            return .basic(username: user, password: password ?? "")
        case "bearer":
            guard let token, !token.isEmpty else { throw .config("output \(name): <auth> bearer needs token") }
            return .bearer(token: token)
        case let m?: throw .config("output \(name): <auth> method \(m) is not basic or bearer")
        }
    }

    private static func jsonHash(_ text: String, _ what: String) throws(ShipError) -> [(String, String)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw .config("\(what) must be a JSON hash like {\"X-Key\":\"value\"}")
        }
        return object.keys.sorted().map { ($0, object[$0].map { "\($0)" } ?? "") }
    }
}
