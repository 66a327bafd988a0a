import AAECore
import AAEExperiment
import Foundation
import XCTest

/// What a user sees of every shipped experiment — its resolved configuration and
/// the metrics.csv and eval.csv of a 200-step run — stays byte-identical to the
/// fixtures in Tests/Golden (see its README to regenerate), on 1, 2 and 4 threads alike.
///
/// A run's bits depend on OpenBLAS's kernel (AVX2 and AVX-512 kernels sum a product's terms
/// in other orders), so the runs' fixtures are kept per kernel: `Tests/Golden/kernels.csv` names
/// the fixture set of each kernel they were made on. On a kernel with no set, the runs on 2 and
/// 4 threads are still checked against the one-thread run, and the test then reports it skipped
/// the comparison with stored bytes.
///
/// Every experiment's run is checked on one thread. On 2 and 4 threads, `make test` checks
/// `threadCheckedExperiments` (one of each kind of network and model, which between them run
/// every kind of product, patch pass and optimizer split), and all of them under
/// `AAE_GOLDEN_THREADS=all`, as `.ci/run` sets: that pass alone takes longer than the rest of the suite.
final class GoldenOutputTests: XCTestCase {
    private let golden = Repository.root.appendingPathComponent("Tests/Golden")
    private var isUpdating: Bool { ProcessInfo.processInfo.environment["AAE_GOLDEN_UPDATE"] == "1" }
    private var checksEveryExperimentOnThreads: Bool { ProcessInfo.processInfo.environment["AAE_GOLDEN_THREADS"] == "all" }

    /// The experiments whose runs `make test` also checks on 2 and 4 threads.
    static let threadCheckedExperiments: Set = ["aae_deterministic", "vae", "conv_aae", "aae_semi_supervised_100"]

    /// The thread counts `name`'s run is checked on.
    private func threadCounts(of name: String) -> [Int] {
        if isUpdating { return [1] }  // the fixtures are written from the one-thread run
        return checksEveryExperimentOnThreads || Self.threadCheckedExperiments.contains(name) ? [1, 2, 4] : [1]
    }

    private var experimentNames: [String] {
        get throws {
            try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("experiments").path)
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        }
    }

    private func experimentPath(_ name: String) -> String {
        Repository.root.appendingPathComponent("experiments/\(name).yaml").path
    }

    func testShowOfEveryShippedExperimentIsUnchanged() throws {
        let names = try experimentNames
        XCTAssertGreaterThanOrEqual(names.count, 14)
        for name in names {
            let shown = resolvedYAML(try ExperimentReader.load(path: experimentPath(name)))
            try check(Data(shown.utf8), against: "show/\(name).yaml")
        }
    }

    func testMetricsAndEvaluationOfA200StepRunOfEveryShippedExperimentAreUnchangedOnOneTwoAndFourThreads() throws {
        XCTAssertTrue(try Self.threadCheckedExperiments.isSubset(of: experimentNames),
                      "every thread-checked experiment is a shipped one")
        guard let dataDirectory = Repository.realDataDirectory else {
            throw XCTSkip("the real MNIST test set is not in data/ or ../shared/data: `make data` copies it")
        }
        let fixtureSet = try GoldenKernels(file: golden.appendingPathComponent("kernels.csv")).fixtureSet(of: BLAS.kernel)
        if isUpdating, fixtureSet == nil {
            XCTFail("OpenBLAS's kernel \(BLAS.kernel) has no fixture set: add a line `\(BLAS.kernel),NAME` to "
                    + "Tests/Golden/kernels.csv (an existing NAME when its runs give the same bytes)")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aae-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in try experimentNames where name != "sweep" {
            let length = name == "vae_moons" ? "training.epochs=10" : "training.steps=200"
            let experiment = try ExperimentReader.load(path: experimentPath(name),
                                                       overrides: Override.commandLine(set: [length], unset: []))
            var oneThreadOutputs: [String: Data] = [:]
            for threads in threadCounts(of: name) {
                let folder = scratch.appendingPathComponent("\(name)-\(threads)")
                let result = try ExperimentRunner(experiment: experiment, options: RunOptions(
                    outputDirectory: folder.path, dataDirectory: dataDirectory.path, quiet: true, threads: threads)).run()
                XCTAssertEqual(result.status, .completed, "\(name) on \(threads) threads")
                for file in ["metrics.csv", "eval.csv"] {
                    let output = try Data(contentsOf: folder.appendingPathComponent(file))
                    if let fixtureSet {
                        try check(output, against: "runs/\(fixtureSet)/\(name)/\(file)", threads: threads)
                    } else if let oneThread = oneThreadOutputs[file] {
                        assertSameText(output, oneThread, "\(name)/\(file) on \(threads) threads differs from its one-thread run")
                    } else {
                        oneThreadOutputs[file] = output
                    }
                }
            }
        }
        if fixtureSet == nil {
            throw XCTSkip("OpenBLAS's kernel \(BLAS.kernel) has no golden runs in Tests/Golden/kernels.csv: the runs "
                          + "on 2 and 4 threads were checked against the one-thread run only; Tests/Golden/README.md says how to add a set")
        }
    }

    /// Compares `actual` with the fixture at `path`, or rewrites the fixture under AAE_GOLDEN_UPDATE=1.
    private func check(_ actual: Data, against path: String, threads: Int = 1) throws {
        let url = golden.appendingPathComponent(path)
        if isUpdating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        assertSameText(actual, try Data(contentsOf: url), "\(path) on \(threads) thread(s) differs from its golden copy")
    }

    /// Fails with `message` unless the two files' bytes are equal, showing both as text.
    private func assertSameText(_ actual: Data, _ expected: Data, _ message: String) {
        XCTAssertEqual(String(decoding: actual, as: UTF8.self), String(decoding: expected, as: UTF8.self), message)
    }
}
