import ArgumentParser
import FaultMavenAgent
import FaultMavenCore
import Foundation

/// `faultmaven ask`: a question, data and feedback for a running agent's query port.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask a running agent (its query port) a question; send it data and feedback.",
        discussion: """
            Order: --file, --url and --text are sent as data first, then --accept/--reject, then the question; \
            all in one session (printed at the end; pass it back with --session or FAULTMAVEN_SESSION to continue).
            The agent's address: --server, else the <faultmaven> bind/port of -c fluent.conf, else http://127.0.0.1:9797.
            Exit codes: 0 answered; 1 the agent refused a request (4xx, its message printed) or a file is unreadable; \
            2 usage error; 3 the agent is not reachable or failed (5xx).
            """)

    @Argument(help: "The question.")
    var question: String?

    @Option(name: [.short, .customLong("config")], help: "fluent.conf whose <faultmaven> bind/port name the agent.")
    var config: String?

    @Option(help: "The agent's query port URL, e.g. http://127.0.0.1:9797 (overrides -c).")
    var server: String?

    @Option(help: "Continue this session (default: $FAULTMAVEN_SESSION, else a new one).")
    var session: String?

    @Option(name: .customLong("file"), help: "Upload a log file as data first (repeatable).")
    var files: [String] = []

    @Option(name: .customLong("url"), help: "Have the agent fetch a URL as data first (repeatable).")
    var urls: [String] = []

    @Option(help: "Send text as data first; '-' reads standard input.")
    var text: String?

    @Option(help: "Accept the recommendation with this id (repeatable).")
    var accept: [String] = []

    @Option(help: "Reject the recommendation with this id: it is not offered again in the session (repeatable).")
    var reject: [String] = []

    @Option(help: "Comment recorded with --accept/--reject.")
    var comment: String?

    @Flag(help: "Print the agent's JSON answers (one per line) instead of text.")
    var json = false

    @Option(help: "Seconds to wait for each answer.")
    var timeout: Double = 120

    func validate() throws {
        if question == nil && files.isEmpty && urls.isEmpty && text == nil && accept.isEmpty && reject.isEmpty {
            throw ValidationError("give a QUESTION, or data (--file, --url, --text) or feedback (--accept, --reject)")
        }
        if question?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { throw ValidationError("the QUESTION is empty") }
        if comment != nil && accept.isEmpty && reject.isEmpty { throw ValidationError("--comment goes with --accept or --reject") }
        guard timeout > 0 && timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        if let server, !(server.hasPrefix("http://") || server.hasPrefix("https://")) {
            throw ValidationError("--server must be an http:// or https:// URL, got '\(server)'")
        }
    }

    func run() async throws {
        let agent = AgentClient(base: try address(), timeout: .milliseconds(Int64(timeout * 1000)))
        let out = AskOutput(json: json)
        var sessionID = session ?? ProcessInfo.processInfo.environment["FAULTMAVEN_SESSION"].flatMap { $0.isEmpty ? nil : $0 }
        for call in calls() {
            let reply = try await call.send(agent, sessionID)
            sessionID = reply.sessionID ?? sessionID
            call.print(out, reply)
        }
        out.session(sessionID)
    }

    /// One request to the agent and how its answer is printed.
    struct Call {
        var send: (AgentClient, String?) async throws -> AgentClient.Reply
        var print: (AskOutput, AgentClient.Reply) -> Void
    }

    /// Data first, then feedback, then the question.
    func calls() -> [Call] {
        var calls: [Call] = []
        for path in files {
            calls.append(Call(send: { try await $0.upload(file: path, session: $1) }, print: { $0.data($1) }))
        }
        for url in urls {
            calls.append(Call(send: { try await $0.postJSON("/api/data", ["type": "url", "url": url], session: $1) }, print: { $0.data($1) }))
        }
        if let text {
            calls.append(Call(send: { agent, session in
                let stdin = text == "-"
                let content = stdin ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text
                return try await agent.postJSON("/api/data", ["type": "text", "content": content, "name": stdin ? "stdin" : "text"], session: session)
            }, print: { $0.data($1) }))
        }
        for (verdict, ids) in [("accept", accept), ("reject", reject)] {
            for id in ids {
                var body: [String: Any] = ["recommendation_id": id, "verdict": verdict]
                if let comment { body["comment"] = comment }
                let request = body
                calls.append(Call(send: { try await $0.postJSON("/api/feedback", request, session: $1) }, print: { $0.feedback($1) }))
            }
        }
        if let question {
            calls.append(Call(send: { try await $0.postJSON("/api/query", ["query": question], session: $1) }, print: { $0.answer($1) }))
        }
        return calls
    }

    /// `--server`, else the bind/port of `-c`, else the default port on loopback.
    func address() throws -> String {
        if let server { return server.hasSuffix("/") ? String(server.dropLast()) : server }
        guard let config else { return "http://127.0.0.1:9797" }
        let loaded = try ConfigLoader.load(path: config)
        let host = loaded.config.bind.contains(":") ? "[\(loaded.config.bind)]" : loaded.config.bind
        return "http://\(host):\(loaded.config.port)"
    }
}
