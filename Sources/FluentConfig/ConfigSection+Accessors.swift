extension ConfigSection {
    /// The parameter converted to `type`, or `nil` when the parameter is absent.
    ///
    /// - Throws: ``FluentConfigError`` at the parameter's line, e.g.
    ///   `fluent.conf:7: parameter 'read_from_head': expected a boolean, got 'maybe'`.
    public func value(_ name: String, as type: ParamType) throws -> TypedValue? {
        guard let p = param(name) else { return nil }
        do {
            return try ValueConverter.convert(p, to: type)
        } catch {
            throw FluentConfigError("parameter '\(name)': \(error.message)", at: p.location)
        }
    }

    /// The value of `spec`'s parameter converted to its type, or the spec's converted default,
    /// or `nil` when neither exists.
    public func value(for spec: ParamSpec) throws -> TypedValue? {
        guard case .exact(let name) = spec.name else {
            throw FluentConfigError("parameter family '\(spec.name)' has no single value; use values(for:)", at: location)
        }
        if let v = try value(name, as: spec.type) { return v }
        guard let fallback = spec.defaultValue else { return nil }
        do {
            return try ValueConverter.convert(fallback, to: spec.type)
        } catch {
            throw FluentConfigError("default of parameter '\(name)': \(error.message)", at: location)
        }
    }

    /// For a numbered family (`format1`…`format20`): the present members converted to the
    /// spec's type, ordered by number.
    public func values(for spec: ParamSpec) throws -> [(number: Int, value: TypedValue)] {
        var out: [(number: Int, value: TypedValue)] = []
        for p in params {
            guard let n = spec.name.number(in: p.name) else { continue }
            guard let v = try value(p.name, as: spec.type) else { continue }
            out.append((n, v))
        }
        return out.sorted { $0.number < $1.number }
    }

    /// The text of the parameter, or `nil` if absent.
    public func string(_ name: String) -> String? {
        param(name)?.value
    }

    /// The parameter as an integer.
    public func integer(_ name: String) throws -> Int? {
        try value(name, as: .integer)?.intValue
    }

    /// The parameter as a finite decimal number.
    public func float(_ name: String) throws -> Double? {
        try value(name, as: .float)?.doubleValue
    }

    /// The parameter as a Boolean (`true`/`yes`/`false`/`no`; a bare key is `true`).
    public func bool(_ name: String) throws -> Bool? {
        try value(name, as: .bool)?.boolValue
    }

    /// The parameter as a duration in seconds (`10s`, `5m`, `1h`, `1d`, `0.5`).
    public func duration(_ name: String) throws -> Double? {
        try value(name, as: .duration)?.doubleValue
    }

    /// The parameter as a size in bytes (`512k`, `8m`, `1g`, `1t`, `4096`).
    public func size(_ name: String) throws -> Int? {
        try value(name, as: .size)?.intValue
    }

    /// The parameter as an array (JSON array, or comma-separated list of strings).
    public func array(_ name: String) throws -> [JSONValue]? {
        try value(name, as: .array)?.arrayValue
    }

    /// The parameter as an array whose elements must all be strings.
    public func stringArray(_ name: String) throws -> [String]? {
        guard let elements = try array(name), let p = param(name) else { return nil }
        return try elements.map { element in
            guard case .string(let s) = element else {
                throw FluentConfigError("parameter '\(name)': expected an array of strings, got element \(element)", at: p.location)
            }
            return s
        }
    }

    /// The parameter as a hash (JSON object, or `k1:v1,k2:v2`), members in written order.
    public func hash(_ name: String) throws -> [(key: String, value: JSONValue)]? {
        try value(name, as: .hash)?.hashMembers
    }

    /// The parameter, which must be one of `allowed`.
    public func enumeration(_ name: String, allowed: [String]) throws -> String? {
        try value(name, as: .enumeration(allowed))?.stringValue
    }

    /// The parameter as a regular expression (`/pattern/imx` or a bare pattern).
    public func regexp(_ name: String) throws -> ConfigRegex? {
        try value(name, as: .regexp)?.regexValue
    }
}
