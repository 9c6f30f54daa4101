import Foundation
import LogAnalysis

/// Builds what a provider receives: the system prompt and the messages, from a
/// troubleshooting context, within a token budget, with every piece redacted.
///
/// The user message holds the evidence in priority order: anomalies, the top error templates
/// with counts, sample lines, matching knowledge-base entries, data summaries; earlier turns of
/// the conversation come before it as messages, newest kept first. Every cut is marked in the
/// text. Tokens are estimated by ``estimateTokens(_:)``, calibrated on log text.
public struct ContextBuilder: Sendable {
    /// System prompts by kind.
    public var prompts: PromptSet
    /// Applied to every piece of text before it is measured and included.
    public var redactor: Redactor
    /// Matching entries are included as context.
    public var knowledgeBase: KnowledgeBase
    /// Tokens for the system prompt and all messages together.
    public var tokenBudget: Int
    /// Longest single evidence item (an anomaly, a line), in bytes.
    public var maxItemBytes = 1_200
    /// Longest question (current or earlier), in bytes.
    public var maxQuestionBytes = 4_000
    /// Longest earlier answer, in bytes.
    public var maxAnswerBytes = 2_000
    /// Knowledge-base entries included as context.
    public var maxKnowledgeEntries = 3

    public init(
        prompts: PromptSet = PromptSet(), redactor: Redactor = Redactor(), knowledgeBase: KnowledgeBase = KnowledgeBase(),
        tokenBudget: Int = 6_000
    ) {
        self.prompts = prompts
        self.redactor = redactor
        self.knowledgeBase = knowledgeBase
        self.tokenBudget = max(0, tokenBudget)
    }

    /// A cheap token estimate made for log text: a run of letters counts
    /// a token per 4 letters (rounded up), every digit a token, every punctuation mark and line
    /// break a token, a single space or tab nothing (tokenizers fold it into the next word), a
    /// longer run of blanks one, and each non-ASCII character one. Log lines are mostly numbers,
    /// ids and punctuation, which tokenizers cut finely: against SmolLM2's tokenizer (the local
    /// model of `make test-llm`, digits one by one) this came within 0.95–1.06 of the real count on
    /// the 16 loghub samples and the incident logs, where bytes / 4 was 0.35–0.56 of it. For
    /// tokenizers that group digits (OpenAI's) it counts more than there are, so the context stays
    /// within the model's window at the price of some evidence.
    public static func estimateTokens(_ text: String) -> Int {
        var tokens = 0
        var letters = 0
        var blanks = 0
        for b in text.utf8 {
            let isLetter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            if isLetter {
                letters += 1
                if blanks > 1 { tokens += 1 }
                blanks = 0
                continue
            }
            if letters > 0 {
                tokens += (letters + 3) / 4
                letters = 0
            }
            if b == 0x20 || b == 0x09 {
                blanks += 1
                continue
            }
            if blanks > 1 { tokens += 1 }
            blanks = 0
            // Continuation bytes of a multi-byte character count nothing: its lead byte counted it.
            if b & 0xC0 != 0x80 { tokens += 1 }
        }
        if letters > 0 { tokens += (letters + 3) / 4 }
        if blanks > 1 { tokens += 1 }
        return tokens
    }

    /// The request for a question: `troubleshooting_prompt` when there is evidence, else
    /// `general_query_prompt`.
    public func build(_ context: TroubleshootingContext) -> PreparedPrompt {
        let evidence = EvidenceCollector(context)
        let kind: PromptKind = evidence.isEmpty ? .generalQuery : .troubleshooting
        let matches = knowledgeBase.retrieve(question: context.question, evidence: evidence.retrievalLines, limit: maxKnowledgeEntries)
        return assemble(
            kind: kind, sections: evidence.sections(knowledge: matches), question: "Question: " + context.question,
            history: context.history, knowledgeIDs: matches.map(\.entry.id))
    }

    /// The request for an incident's summary (`log_summary_prompt`).
    public func buildIncidentSummary(
        anomalies: [Anomaly], incident: Incident? = nil, recentErrors: [String] = [], sourceSummaries: [String] = []
    ) -> PreparedPrompt {
        let context = TroubleshootingContext(
            question: "", anomalies: anomalies, recentErrors: recentErrors, sourceSummaries: sourceSummaries)
        let evidence = EvidenceCollector(context)
        let matches = knowledgeBase.retrieve(question: "", evidence: evidence.retrievalLines, limit: maxKnowledgeEntries)
        var ask = "Summarize this incident for the on-call engineer."
        if let incident {
            let f = ISO8601DateFormatter()
            ask += " Incident \(incident.id), \(incident.severity.rawValue), from \(f.string(from: incident.start))"
            ask += " on \(incident.sources.joined(separator: ", "))."
        }
        return assemble(
            kind: .logSummary, sections: evidence.sections(knowledge: matches), question: ask, history: [],
            knowledgeIDs: matches.map(\.entry.id))
    }

    private func assemble(
        kind: PromptKind, sections: [ContextSection], question: String, history: [Session.Turn], knowledgeIDs: [String]
    ) -> PreparedPrompt {
        var budget = TokenBudget(tokens: tokenBudget, redactor: redactor, maxItemBytes: maxItemBytes)
        let system = budget.clean(prompts[kind], maxBytes: PromptSet.maxPromptBytes)
        let ask = budget.clean(question, maxBytes: maxQuestionBytes)
        budget.charge(system)
        budget.charge(ask)
        // Each section leaves room for the headers and omission markers of those after it, and
        // for the marker of omitted conversation turns.
        var later = sections.reduce(history.isEmpty ? 0 : TokenBudget.markerReserve + TokenBudget.joinCost) {
            $0 + TokenBudget.minimumCost($1)
        }
        var blocks: [String] = []
        for section in sections {
            later -= TokenBudget.minimumCost(section)
            if let block = budget.section(section, reserve: later) { blocks.append(block) }
        }
        let turns = historyMessages(history, budget: &budget)
        if turns.omitted > 0 {
            blocks.append("[… \(turns.omitted) earlier conversation \(turns.omitted == 1 ? "turn" : "turns") omitted]")
        }
        let user = (blocks + [ask]).joined(separator: "\n\n")
        let messages = turns.messages + [ChatMessage(role: .user, content: user)]
        let tokens = Self.estimateTokens(system) + messages.reduce(0) { $0 + Self.estimateTokens($1.content) }
        return PreparedPrompt(
            kind: kind, system: system, messages: messages, estimatedTokens: tokens, tokenBudget: tokenBudget,
            omitted: budget.omitted, redactions: budget.redactions, knowledgeIDs: knowledgeIDs)
    }

    /// Earlier turns as user/assistant pairs, newest kept first while they fit, returned oldest
    /// first; and how many were left out.
    private func historyMessages(_ turns: [Session.Turn], budget: inout TokenBudget) -> (messages: [ChatMessage], omitted: Int) {
        var kept: [[ChatMessage]] = []
        let reserve = TokenBudget.markerReserve
        for turn in turns.reversed() {
            let q = budget.clean(turn.question, maxBytes: maxQuestionBytes)
            let a = budget.clean(turn.answer, maxBytes: maxAnswerBytes)
            let cost = Self.estimateTokens(q) + Self.estimateTokens(a)
            guard cost + reserve <= budget.remaining else { break }
            budget.spend(cost)
            kept.append([ChatMessage(role: .user, content: q), ChatMessage(role: .assistant, content: a)])
        }
        let omitted = turns.count - kept.count
        budget.omit("history", omitted)
        return (kept.reversed().flatMap { $0 }, omitted)
    }
}
