import Foundation

// faultmaven-bench: throughput of the pipeline stages on real data, printed as tables.
//
//   swift run -c release faultmaven-bench [pipeline] [ingest] [memory] [miner] [ship] [DATA_DIR] [--size-mb N] [--repeat N]
//     [--lines N] [--paths miner,auto,auto-miner,one-auto]
//
// `pipeline`: parse, template miner and analyze over the eval set's incident logs (DATA_DIR,
// default ../shared/eval). `ingest`: a generated ~1 GiB log file read by cat, LogFileReader,
// the tail source (with and without parsing) and mtail --one_shot (`--only tail,parse` picks
// some; cat always runs). `ship`: the same file (default 256 MiB) through the http output with
// zstd to an in-process receiver, beside `zstd -1`. No case name: pipeline and ingest.
// The file is cached in $TMPDIR/faultmaven-bench (default /tmp). Numbers go to docs/BENCHMARKS.md.

let options: BenchOptions
do {
    options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("faultmaven-bench: \(error)\n\(BenchOptions.usage)\n".utf8))
    exit(2)
}

var failed = false
if options.runPipeline {
    do {
        try PipelineBench(evalDirectory: options.evalDirectory).run()
    } catch {
        FileHandle.standardError.write(Data("faultmaven-bench: \(error)\n".utf8))
        failed = true
    }
}
if options.runIngest {
    if options.runPipeline { print("") }
    do {
        try await IngestBench(directory: options.ingestDirectory, mebibytes: options.mebibytes, repeats: options.repeats, cases: options.ingestCases
        ).run()
    } catch {
        FileHandle.standardError.write(Data("faultmaven-bench: ingest: \(error)\n".utf8))
        failed = true
    }
}
if options.runShip {
    print("")
    do {
        try await ShipBench(directory: options.ingestDirectory, mebibytes: options.mebibytes).run()
    } catch {
        FileHandle.standardError.write(Data("faultmaven-bench: ship: \(error)\n".utf8))
        failed = true
    }
}
if options.runMiner {
    print("")
    print(minerBench(evalRoot: options.evalDirectory, lines: options.minerLines, paths: options.minerPaths))
}
if options.runMemory {
    // Last: it measures this process's peak RSS.
    print("")
    print(analysisMemoryBench())
}
exit(failed ? 1 : 0)
