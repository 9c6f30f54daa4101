import ArgumentParser
import FaultMavenAgent
import FaultMavenCore
import Foundation
import Logging

/// `faultmaven` — the CLI (see README "Command line").
struct FaultMavenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faultmaven",
        abstract: "Log troubleshooting agent: tails logs, mines templates, detects anomalies, answers questions.",
        version: FaultMavenVersion.string,
        subcommands: [RunCommand.self, AnalyzeCommand.self, AskCommand.self, CheckConfigCommand.self, DemoCommand.self, ConfigReferenceCommand.self],
        defaultSubcommand: nil)
}

/// Options shared by commands that read a config.
struct ConfigOption: ParsableArguments {
    @Option(name: [.short, .customLong("config")], help: "fluent.conf to use (default: ./fluent.conf, else /etc/faultmaven/fluent.conf).")
    var config: String?

    func resolve() -> String {
        if let config { return config }
        return FileManager.default.fileExists(atPath: "fluent.conf") ? "fluent.conf" : "/etc/faultmaven/fluent.conf"
    }
}

@main
enum Main {
    static func main() async {
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = ProcessInfo.processInfo.environment["FAULTMAVEN_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
            return h
        }
        let command: any ParsableCommand
        do {
            command = try FaultMavenCommand.parseAsRoot()
        } catch {
            let code = FaultMavenCommand.exitCode(for: error)
            if code == .success {
                // --help / --version
                FaultMavenCommand.exit(withError: error)
            }
            writeStderr(FaultMavenCommand.fullMessage(for: error))
            exit(2)
        }
        do {
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                var sync = command
                try sync.run()
            }
            exit(0)
        } catch let e as FaultMavenError {
            writeStderr("faultmaven: \(e.message)")
            exit(e.kind == .badInput ? 1 : 3)
        } catch let e as ExitCode {
            exit(e.rawValue)
        } catch {
            let code = FaultMavenCommand.exitCode(for: error)
            if code == .success {
                // `SUBCOMMAND --help`: ArgumentParser hands it over as an error thrown by run().
                FaultMavenCommand.exit(withError: error)
            }
            if code == .validationFailure {
                writeStderr(FaultMavenCommand.fullMessage(for: error))
                exit(2)
            }
            writeStderr("faultmaven: \(error)")
            exit(3)
        }
    }
}

func writeStderr(_ s: String) {
    let text = s.hasSuffix("\n") ? s : s + "\n"
    FileHandle.standardError.write(Data(text.utf8))
}

/// Writes to stdout without buffering surprises (Swift 6: no Glibc `stdout` global).
func writeStdout(_ s: String) {
    FileHandle.standardOutput.write(Data(s.utf8))
}
