// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "aae-run",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "aae-run", targets: ["aae-run"]),
        .executable(name: "aae-bench", targets: ["aae-bench"]),
        .library(name: "AAECore", targets: ["AAECore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CKernels", path: "Sources/CKernels",
                cSettings: [.unsafeFlags(["-O3", "-fno-math-errno", "-ffp-contract=off"])]),
        .target(name: "AAECore", dependencies: ["CBLAS", "CZlib", "CKernels"],
                swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        .target(name: "AAEReport", dependencies: [
            "CCairo", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),
        .target(name: "AAEExperiment", dependencies: ["AAECore", "AAEReport", "Yams"]),
        .executableTarget(name: "aae-run", dependencies: [
            "AAEExperiment",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "CAllocationCounter", path: "Sources/CAllocationCounter"),
        .executableTarget(name: "aae-bench", dependencies: [
            "AAEExperiment", "CAllocationCounter",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "AAECoreTests", dependencies: ["AAECore"]),
        .testTarget(name: "AAEReportTests", dependencies: [
            "AAEReport", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),
        .testTarget(name: "AAEExperimentTests", dependencies: ["AAEExperiment"]),
    ]
)
