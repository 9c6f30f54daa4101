import FaultMavenCore
import Foundation

/// Command-line options of `faultmaven-bench`.
struct BenchOptions {
    static let usage = "usage: faultmaven-bench [pipeline] [ingest] [memory] [miner] [ship] [DATA_DIR] [--size-mb N] [--repeat N] [--only CASE,...]"
        + " [--lines N] [--paths PATH,...]\n"
        + "  ingest cases for --only: \(IngestCase.allCases.map(\.rawValue).joined(separator: ", "))\n"
        + "  miner: --lines (stream length, default \(MinerBench.defaultStreamLines)), --paths: "
        + MinerBench.Path.allCases.map(\.rawValue).joined(separator: ", ")

    var runPipeline = false
    var runIngest = false
    /// Analysis memory: bytes per tracked series and peak RSS (10,000 templates, 50 sources).
    var runMemory = false
    /// Template miner on the 1M-line loghub stream (alone, and behind auto parsing).
    var runMiner = false
    /// Shipping: the ingest file through the http output with zstd (issue 8).
    var runShip = false
    /// Miner bench: stream length and the paths to measure.
    var minerLines = MinerBench.defaultStreamLines
    var minerPaths = MinerBench.Path.allCases
    var evalDirectory = PipelineBench.defaultEvalDirectory
    /// Size of the ingest file; `nil` = 1 GiB, or less when the disk is short of space.
    var mebibytes: Int?
    var repeats = 1
    /// Ingest cases to run (`--only`); all by default. `cat` always runs: it is the reference.
    var ingestCases = Set(IngestCase.allCases)
    var ingestDirectory: String = {
        let tmp = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return (tmp.hasSuffix("/") ? String(tmp.dropLast()) : tmp) + "/faultmaven-bench"
    }()

    init(arguments: [String]) throws {
        var i = 0
        func value(_ flag: String) throws -> Int {
            i += 1
            guard i < arguments.count, let v = Int(arguments[i]), v >= 1 else {
                throw FaultMavenError.badInput("\(flag) needs a positive whole number")
            }
            return v
        }
        while i < arguments.count {
            switch arguments[i] {
            case "pipeline": runPipeline = true
            case "ingest": runIngest = true
            case "memory": runMemory = true
            case "miner": runMiner = true
            case "ship": runShip = true
            case "all":
                runShip = true
                runPipeline = true
                runIngest = true
                runMemory = true
                runMiner = true
            case "--size-mb": mebibytes = try value("--size-mb")
            case "--repeat": repeats = try value("--repeat")
            case "--lines":
                minerLines = try value("--lines")
                runMiner = true
            case "--paths":
                i += 1
                guard i < arguments.count else { throw FaultMavenError.badInput("--paths needs a list of paths") }
                minerPaths = try arguments[i].split(separator: ",").map { name in
                    guard let p = MinerBench.Path(rawValue: String(name)) else {
                        throw FaultMavenError.badInput("unknown miner path '\(name)'")
                    }
                    return p
                }
                runMiner = true
            case "--only":
                i += 1
                guard i < arguments.count else { throw FaultMavenError.badInput("--only needs a list of cases") }
                ingestCases = [.cat]
                for name in arguments[i].split(separator: ",") {
                    guard let c = IngestCase(rawValue: String(name)) else {
                        throw FaultMavenError.badInput("unknown ingest case '\(name)'")
                    }
                    ingestCases.insert(c)
                }
                runIngest = true
            case "-h", "--help":
                print(BenchOptions.usage)
                exit(0)
            case let a where a.hasPrefix("-"):
                throw FaultMavenError.badInput("unknown option \(a)")
            case let a:
                evalDirectory = URL(fileURLWithPath: a)
            }
            i += 1
        }
        if !runPipeline && !runIngest && !runMemory && !runMiner && !runShip {
            runPipeline = true
            runIngest = true
            runMemory = true
            runMiner = true
        }
    }
}
