import ArgumentParser
import FaultMavenAgent
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Write live demo logs (three services, an incident after ~20 s) for `make run`.")

    @Option(help: "Directory to write checkout.log, payments.log and access.log into.")
    var dir = "/tmp/faultmaven-demo"

    @Option(help: "Seconds of normal traffic before the incident.")
    var incidentAfter: Double = 20

    @Option(help: "Seconds the incident lasts.")
    var incidentLength: Double = 90

    func run() async throws {
        var writer = DemoWriter(directory: dir)
        writer.incidentAfter = incidentAfter
        writer.incidentLength = incidentLength
        try await writer.run(log: { writeStderr($0) })
    }
}
