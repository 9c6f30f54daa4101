import Foundation
import LogAnalysis
import Testing
@testable import Troubleshooting

/// Rejected advice in the built-in answer and in the prompt.
@Suite struct RejectionTests {
    static let poolSample = "could not obtain connection to db-primary:5432 within 5000ms: pool exhausted"

    @Test func theBuiltinResponderDropsRejectedAdviceByIDAndByText() throws {
        let a = BuiltinResponderTests.anomaly(samples: [Self.poolSample])
        let before = BuiltinResponder().answer(TroubleshootingContext(question: "why are payments failing?", anomalies: [a]))
        let byID = try #require(before.recommendations.first { $0.id.hasPrefix("pool-exhausted-") })
        let byText = try #require(before.recommendations.last { $0.id != byID.id })
        let ctx = TroubleshootingContext(
            question: "why are payments failing?", anomalies: [a], rejected: ["  " + byText.text.uppercased() + " "],
            rejectedIDs: [RecommendationID.issue(byID.id)])
        let after = BuiltinResponder().answer(ctx)
        #expect(!after.recommendations.contains { $0.id == byID.id || $0.text == byID.text })
        #expect(!after.recommendations.contains { $0.text == byText.text }, "text matches ignore case and spacing")
        #expect(!after.response.contains(byID.text), "the prose does not list it either")
        #expect(!after.recommendations.isEmpty)
    }

    @Test func thePromptNamesWhatWasRejectedAndLeavesItOutOfTheKnowledgeSteps() throws {
        let a = BuiltinResponderTests.anomaly(samples: [Self.poolSample])
        let base = TroubleshootingContext(question: "why are payments failing?", anomalies: [a])
        let plain = try #require(ContextBuilder().build(base).messages.last?.content)
        #expect(!plain.contains("Rejected by the engineer"))
        let step = try #require(KnowledgeBase().entries.first { $0.id == "pool-exhausted" }?.nextSteps.first)
        #expect(plain.contains(step))

        var ctx = base
        ctx.rejected = [step]
        ctx.pastCases = ["Raise the pool size (accepted for: checkout fails; similarity 80%)"]
        let user = try #require(ContextBuilder().build(ctx).messages.last?.content)
        let section = try #require(user.range(of: "## Rejected by the engineer"))
        #expect(user[section.upperBound...].hasPrefix(" (do not suggest these again)\n- " + step))
        #expect(user.components(separatedBy: step).count == 2, "named once, as rejected; not among the knowledge steps")
        #expect(user.contains("## Past cases"))
        #expect(user.contains("Raise the pool size (accepted for: checkout fails"))
    }
}

@Suite struct RejectionScrubTests {
    @Test func listItemsOfferingRejectedAdviceLeaveTheProse() {
        let answer = "The pool is exhausted.\n\n## Next steps\n1. Restart the checkout pods.\n2. Raise the pool size\n- restart   THE checkout pods"
        let scrubbed = Rejections(texts: ["Restart the checkout pods"]).scrub(answer)
        #expect(scrubbed == "The pool is exhausted.\n\n## Next steps\n2. Raise the pool size")
        #expect(Rejections().scrub(answer) == answer)
        #expect(Rejections(texts: ["The pool is exhausted."]).scrub(answer) == answer, "only list items are dropped")
    }
}
