import CCurl
import Foundation
import Synchronization

/// One transfer on one libcurl easy handle, run to completion by `run(pool:)` on a thread the
/// client owns. Mutable fields are touched only by that thread while it runs; `cancel()` may be
/// called from anywhere.
final class CurlTransfer: @unchecked Sendable {
    typealias HeadHandler = @Sendable (HTTPResponseHead) -> Void
    /// Receives a body chunk; returns false when nobody wants more (the transfer is then aborted).
    typealias ChunkHandler = @Sendable (Data) -> Bool

    let request: HTTPRequest
    let target: String
    private let cancelled = Atomic<Bool>(false)
    private let onHead: HeadHandler?
    private let onChunk: ChunkHandler?

    /// The buffered body when there is no chunk handler.
    private(set) var body = Data()
    private var status = 0
    private var headers = HTTPHeaders()
    private var headDelivered = false
    private var received = 0
    private var tooLarge = false
    private var consumerGone = false

    /// With `onChunk` nil the body is buffered in `body`.
    init(request: HTTPRequest, onHead: HeadHandler? = nil, onChunk: ChunkHandler? = nil) {
        self.request = request
        self.target = request.target
        self.onHead = onHead
        self.onChunk = onChunk
    }

    /// Asks the transfer to stop; libcurl notices at its next progress callback (at least once a second).
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Runs the transfer, blocking the calling thread until it ends.
    func run(pool: CurlHandlePool) -> Result<HTTPResponseHead, HTTPClientError> {
        if isCancelled { return .failure(failure(.cancelled, "the request was cancelled")) }
        if request.pin != nil {
            // A fresh handle: no names or connections cached by other requests, none left behind.
            guard let raw = pool.fresh() else { return .failure(failure(.transport, "libcurl could not create a handle")) }
            defer { curl_easy_cleanup(raw) }
            return perform(raw)
        }
        guard let handle = pool.take() else { return .failure(failure(.transport, "libcurl could not create a handle")) }
        defer { pool.give(handle) }
        return perform(handle.raw)
    }

    func failure(_ kind: HTTPClientError.Kind, _ detail: String) -> HTTPClientError {
        HTTPClientError(kind, target: target, detail: detail)
    }

    private func perform(_ h: UnsafeMutableRawPointer) -> Result<HTTPResponseHead, HTTPClientError> {
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        var list: UnsafeMutablePointer<curl_slist>?
        var resolve: UnsafeMutablePointer<curl_slist>?
        defer {
            curl_slist_free_all(list)
            curl_slist_free_all(resolve)
        }
        do throws(HTTPClientError) {
            list = try headerList()
            try configure(h, errorBuffer: errorBuffer, headers: list)
            if let pin = request.pin {
                // A numeric host is connected to as written: nothing to resolve, only the proxy to turn off.
                if IPAddress(pin.host) == nil {
                    resolve = curl_slist_append(nil, pin.resolveEntry)
                    guard resolve != nil else { throw failure(.transport, "out of memory building the resolve list") }
                }
                try configurePin(h, resolve: resolve)
            }
        } catch {
            return .failure(error)
        }
        let code = curl_easy_perform(h)
        if code == CURLE_OK {
            var info = 0
            if status == 0, fm_curl_getinfo_long(h, CURLINFO_RESPONSE_CODE, &info) == CURLE_OK { status = info }
            deliverHead()
            return .success(HTTPResponseHead(status: status, headers: headers))
        }
        return .failure(failure(for: code, buffer: String(cString: errorBuffer)))
    }

    private func failure(for code: CURLcode, buffer: String) -> HTTPClientError {
        if isCancelled || consumerGone { return failure(.cancelled, "the request was cancelled") }
        if tooLarge { return failure(.responseTooLarge, "the response body exceeds \(request.maxResponseBytes) bytes") }
        let url = URLComponents(string: request.url)
        let secrets = [url?.password, url?.user, url?.query].compactMap { $0 }
        return failure(HTTPClientError.kind(for: code), HTTPClientError.detail(for: code, buffer: buffer, credentials: secrets))
    }

    private func headerList() throws(HTTPClientError) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        var lines = request.headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        if request.headers["Expect"] == nil { lines.append("Expect:") }
        for line in lines {
            guard let next = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw failure(.transport, "out of memory building the header list")
            }
            list = next
        }
        return list
    }

    private func configure(
        _ h: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>, headers list: UnsafeMutablePointer<curl_slist>?
    ) throws(HTTPClientError) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        var codes: [CURLcode] = [
            fm_curl_setopt_pointer(h, CURLOPT_ERRORBUFFER, errorBuffer),
            fm_curl_setopt_pointer(h, CURLOPT_URL, request.url),
            fm_curl_setopt_pointer(h, CURLOPT_PROTOCOLS_STR, "http,https"),
            fm_curl_setopt_long(h, CURLOPT_NOSIGNAL, 1),
            fm_curl_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout)),
            fm_curl_setopt_long(h, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.totalTimeout)),
            fm_curl_setopt_pointer(h, CURLOPT_ACCEPT_ENCODING, ""),
            fm_curl_setopt_long(h, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1),
            fm_curl_setopt_pointer(h, CURLOPT_HTTPHEADER, list),
            fm_curl_setopt_long(h, CURLOPT_NOPROGRESS, 0),
            fm_curl_setopt_xferinfo_callback(h, curlProgressCallback),
            fm_curl_setopt_pointer(h, CURLOPT_XFERINFODATA, me),
            fm_curl_setopt_data_callback(h, CURLOPT_WRITEFUNCTION, curlWriteCallback),
            fm_curl_setopt_pointer(h, CURLOPT_WRITEDATA, me),
            fm_curl_setopt_data_callback(h, CURLOPT_HEADERFUNCTION, curlHeaderCallback),
            fm_curl_setopt_pointer(h, CURLOPT_HEADERDATA, me),
        ]
        if let ca = request.caBundlePath { codes.append(fm_curl_setopt_pointer(h, CURLOPT_CAINFO, ca)) }
        if request.insecure {
            codes.append(fm_curl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 0))
            codes.append(fm_curl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 0))
        }
        codes += configureMethod(h)
        if let bad = codes.first(where: { $0 != CURLE_OK }) {
            throw failure(.invalidRequest, "libcurl rejected an option: \(String(cString: curl_easy_strerror(bad)))")
        }
    }

    /// Connects to the pinned address only: no own name lookup, no proxy.
    private func configurePin(_ h: UnsafeMutableRawPointer, resolve: UnsafeMutablePointer<curl_slist>?) throws(HTTPClientError) {
        var codes = [fm_curl_setopt_pointer(h, CURLOPT_NOPROXY, "*")]
        if let resolve { codes.append(fm_curl_setopt_pointer(h, CURLOPT_RESOLVE, resolve)) }
        if let bad = codes.first(where: { $0 != CURLE_OK }) {
            throw failure(.invalidRequest, "libcurl rejected the address pin: \(String(cString: curl_easy_strerror(bad)))")
        }
    }

    private func configureMethod(_ h: UnsafeMutableRawPointer) -> [CURLcode] {
        var codes: [CURLcode] = []
        switch request.method {
        case "GET" where request.body == nil: codes.append(fm_curl_setopt_long(h, CURLOPT_HTTPGET, 1))
        case "HEAD": codes.append(fm_curl_setopt_long(h, CURLOPT_NOBODY, 1))
        case "POST": codes.append(fm_curl_setopt_long(h, CURLOPT_POST, 1))
        default: codes.append(fm_curl_setopt_pointer(h, CURLOPT_CUSTOMREQUEST, request.method))
        }
        if let body = request.body ?? (request.method == "POST" ? Data() : nil) {
            codes.append(fm_curl_setopt_offset(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            codes.append(body.withUnsafeBytes { fm_curl_setopt_pointer(h, CURLOPT_COPYPOSTFIELDS, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)) })
        }
        return codes
    }

    static func milliseconds(_ d: Duration) -> Int {
        let (s, atto) = d.components
        let ms = s.multipliedReportingOverflow(by: 1000)
        guard !ms.overflow else { return Int.max / 2 }
        return max(1, Int(ms.partialValue + atto / 1_000_000_000_000_000))
    }

    // MARK: callbacks (transfer thread)

    fileprivate func shouldAbort() -> Bool { isCancelled }

    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
        } else if line.isEmpty {
            if status >= 200 { deliverHead() }
        } else if !headDelivered, let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name, value)
        }
    }

    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if isCancelled { return 0 }
        if received + bytes.count > request.maxResponseBytes {
            tooLarge = true
            return 0
        }
        received += bytes.count
        deliverHead()
        let chunk = Data(bytes)
        if let onChunk {
            guard onChunk(chunk) else {
                consumerGone = true
                return 0
            }
        } else {
            body.append(chunk)
        }
        return bytes.count
    }

    private func deliverHead() {
        guard !headDelivered else { return }
        headDelivered = true
        onHead?(HTTPResponseHead(status: status, headers: headers))
    }
}

private func transfer(_ userdata: UnsafeMutableRawPointer?) -> CurlTransfer? {
    userdata.map { Unmanaged<CurlTransfer>.fromOpaque($0).takeUnretainedValue() }
}

private let curlWriteCallback: fm_curl_data_callback = { ptr, size, count, userdata in
    guard let t = transfer(userdata), let ptr else { return 0 }
    return t.receiveBody(UnsafeRawBufferPointer(start: ptr, count: size * count))
}

private let curlHeaderCallback: fm_curl_data_callback = { ptr, size, count, userdata in
    guard let t = transfer(userdata), let ptr else { return 0 }
    t.receiveHeader(UnsafeRawBufferPointer(start: ptr, count: size * count))
    return size * count
}

private let curlProgressCallback: fm_curl_xferinfo_callback = { userdata, _, _, _, _ in
    (transfer(userdata)?.shouldAbort() ?? true) ? 1 : 0
}
