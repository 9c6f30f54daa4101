/// What `faultmaven ask` prints: the agent's JSON answers one per line (`--json`), or text.
struct AskOutput {
    let json: Bool

    func data(_ reply: AgentClient.Reply) {
        if json { return writeStdout(reply.raw + "\n") }
        let name = reply.object["name"] as? String ?? "data"
        writeStdout("Data \(name): \(reply.object["summary"] as? String ?? "")\n")
    }

    func feedback(_ reply: AgentClient.Reply) {
        if json { return writeStdout(reply.raw + "\n") }
        let verdict = reply.object["verdict"] as? String == "accept" ? "Accepted" : "Rejected"
        let id = reply.object["recommendation_id"] as? String ?? "?"
        writeStdout("\(verdict) [\(id)] \(reply.object["recommendation"] as? String ?? "")\n")
    }

    func answer(_ reply: AgentClient.Reply) {
        if json { return writeStdout(reply.raw + "\n") }
        var text = "\n" + (reply.object["response"] as? String ?? "") + "\n"
        let recommendations = reply.object["recommendations"] as? [String] ?? []
        let ids = reply.object["recommendation_ids"] as? [String] ?? []
        if !recommendations.isEmpty {
            text += "\nRecommendations (--accept ID / --reject ID):\n"
            for (i, r) in recommendations.enumerated() {
                text += "  [\(i < ids.count ? ids[i] : "?")] \(r)\n"
            }
        }
        if let reason = reply.object["fallback_reason"] as? String {
            text += "\n(answered by the built-in knowledge base: \(reason))\n"
        }
        writeStdout(text)
    }

    /// The session to continue with; on standard error with `--json`, so stdout stays JSON lines.
    func session(_ id: String?) {
        guard let id else { return }
        if json {
            writeStderr("session: \(id)")
        } else {
            writeStdout("\nSession: \(id)  (continue with --session \(id))\n")
        }
    }
}
