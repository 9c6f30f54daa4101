// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "faultmaven",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "faultmaven", targets: ["faultmaven"]),
        .executable(name: "faultmaven-bench", targets: ["faultmaven-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(
            name: "CSystemd", path: "Sources/CSystemd", pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLineScan", path: "Sources/CLineScan"),
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "FaultMavenCore",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]),
        .target(name: "FluentConfig"),
        .target(
            name: "LogIngest",
            dependencies: [
                "FaultMavenCore", "CZstd", "CZlib", "CSystemd", "CLineScan",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .target(name: "LogParsing", dependencies: ["FaultMavenCore"]),
        .target(name: "LogAnalysis", dependencies: ["FaultMavenCore"]),
        .target(
            name: "FaultMavenHTTP",
            dependencies: ["CCurl", .product(name: "DequeModule", package: "swift-collections")]),
        .target(name: "LLMProviders", dependencies: ["FaultMavenCore", "FaultMavenHTTP"]),
        .target(name: "StateStore", dependencies: ["FaultMavenCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "LogShipping",
            dependencies: [
                "FaultMavenCore", "FaultMavenHTTP", "CZstd", "CZlib",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]),
        .target(
            name: "Troubleshooting",
            dependencies: [
                "FaultMavenCore", "LogAnalysis", "LLMProviders", "StateStore", .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "QueryServer",
            dependencies: [
                "FaultMavenCore", "LogAnalysis", "Troubleshooting", "StateStore", "FaultMavenHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .target(
            name: "FaultMavenAgent",
            dependencies: [
                "FaultMavenCore", "FluentConfig", "LogIngest", "LogParsing", "LogAnalysis",
                "Troubleshooting", "QueryServer", "LLMProviders", "LogShipping", "StateStore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]),
        .executableTarget(
            name: "faultmaven",
            dependencies: [
                "FaultMavenAgent", "FaultMavenHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "faultmaven-bench",
            dependencies: [
                "FaultMavenAgent", "LogParsing", "LogIngest", "LogAnalysis", "LogShipping", "CZstd",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        .testTarget(name: "FaultMavenCoreTests", dependencies: ["FaultMavenCore"]),
        .testTarget(name: "FluentConfigTests", dependencies: ["FluentConfig"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LogIngestTests", dependencies: ["LogIngest"]),
        .testTarget(name: "LogParsingTests", dependencies: ["LogParsing"]),
        .testTarget(name: "LogAnalysisTests", dependencies: ["LogAnalysis", "LogParsing"]),
        .testTarget(
            name: "TroubleshootingTests",
            dependencies: ["Troubleshooting", "LLMProviders", "FaultMavenHTTP", "LoopbackHTTPServer", "StateStore"]),
        .testTarget(
            name: "QueryServerTests",
            dependencies: [
                "QueryServer", "Troubleshooting", "StateStore", "FaultMavenHTTP", "LoopbackHTTPServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "FaultMavenAgentTests",
            dependencies: [
                "FaultMavenAgent", "LogParsing", "FluentConfig", "LogAnalysis", "LLMProviders", "FaultMavenHTTP",
                "LoopbackHTTPServer", "QueryServer", "Troubleshooting", "LogShipping", "StateStore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(name: "EndToEndTests", dependencies: ["FaultMavenAgent", "LoopbackHTTPServer", "CZstd"]),
        // A loopback HTTP/1.1 server (POSIX sockets) that tests use as a real peer.
        .target(name: "LoopbackHTTPServer", path: "Tests/FaultMavenHTTPTests/Support"),
        .testTarget(
            name: "FaultMavenHTTPTests", dependencies: ["FaultMavenHTTP", "LoopbackHTTPServer"], exclude: ["Support"]),
        .testTarget(
            name: "StateStoreTests", dependencies: ["StateStore", "FaultMavenCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "LogShippingTests",
            dependencies: [
                "LogShipping", "FaultMavenCore", "FaultMavenHTTP", "CZstd", "CZlib", "LoopbackHTTPServer",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "LLMProvidersTests",
            dependencies: ["LLMProviders", "FaultMavenHTTP", "FaultMavenCore", "LoopbackHTTPServer"]),
    ]
)
