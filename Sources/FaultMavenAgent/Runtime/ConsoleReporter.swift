import Foundation
import LogAnalysis
import QueryServer
import Troubleshooting

/// Prints anomalies for the operator watching `faultmaven run`, with the offline responder's
/// likely causes and next steps.
struct ConsoleReporter: Sendable {
    let write: @Sendable (String) -> Void
    let responder = BuiltinResponder()

    func report(_ anomaly: Anomaly) {
        let answer = responder.answer(TroubleshootingContext(question: "What is wrong?", anomalies: [anomaly]))
        var s = "[ANOMALY] \(RFC3339.string(anomaly.detectedAt)) \(anomaly.kind.rawValue) \(anomaly.severity.rawValue) \(anomaly.source)\n"
        s += "  \(anomaly.summary)\n"
        for sample in anomaly.samples.prefix(2) { s += "  e.g. \(sample.prefix(300))\n" }
        for cause in answer.rootCauses.prefix(2) { s += "  Likely cause: \(cause.title): \(cause.cause)\n" }
        if !answer.recommendations.isEmpty {
            s += "  Next steps:\n"
            for r in answer.recommendations.prefix(4) { s += "  - \(r.text)\n" }
        }
        write(s)
    }
}
