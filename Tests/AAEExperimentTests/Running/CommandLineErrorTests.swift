import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// Bad inputs given to the command line, as a careless or hostile user would: every
/// refusal is one line on stderr saying what, where and the fix — never a Foundation
/// `Error Domain=` dump — and leaves no folder behind.
final class CommandLineErrorTests: XCTestCase {
    private let tinyRun = """
        name: tiny
        seed: 1
        data: {dataset: blobs, count: 200, test_count: 100}
        model:
          kind: autoencoder
          latent_dim: 2
          encoder: [dense 8, relu, dense latent]
          decoder: [dense 8, relu, dense input]
        training: {steps: 4, batch_size: 16, log_every: 2}
        eval: {parzen_samples: 0}

        """

    private func assertOneLineRefusal(_ outcome: CommandLineProcess.Outcome, containing expected: String,
                                      file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(outcome.status, 0, outcome.stderr, file: file, line: line)
        XCTAssertFalse(outcome.stderr.contains("Error Domain"), outcome.stderr, file: file, line: line)
        XCTAssertFalse(outcome.stderr.contains("NSCocoaErrorDomain"), outcome.stderr, file: file, line: line)
        let lines = outcome.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, outcome.stderr, file: file, line: line)
        XCTAssertLessThan(outcome.stderr.utf8.count, 600, outcome.stderr, file: file, line: line)
        XCTAssertTrue(outcome.stderr.contains(expected), "expected “\(expected)” in: \(outcome.stderr)",
                      file: file, line: line)
    }

    func testNoBadInputGivesAFoundationErrorDump() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("tiny.yaml", tinyRun)
        try workspace.write("a-file", "not a folder")
        let longName = String(repeating: "n", count: 300)
        let cases: [(arguments: [String], expected: String)] = [
            (["run", "tiny.yaml", "--out", "a-file/run"], "a-file is a file, not a folder"),
            (["run", "tiny.yaml", "--out", "results/\(longName)"], "a name may have"),
            (["run", "tiny.yaml", "--set", "name=\(longName)"], "at most 255 bytes"),
            (["validate", "tiny.yaml", "--set", "name=\(String(repeating: "n", count: 10_000))"], "at most 255 bytes"),
            (["run", "tiny.yaml", "--set", "output=results/\(longName)"], "a name may have"),
            (["run", "missing.yaml"], "missing.yaml"),
            (["run", "a-file"], "a-file"),
            (["table", "results"], "no eval.csv"),
            (["run", "tiny.yaml", "--memory-limit", "lots"], "--memory-limit"),
        ]
        for (arguments, expected) in cases {
            let outcome = try CommandLineProcess.run(arguments, in: workspace.url)
            if arguments[0] == "validate" {
                XCTAssertEqual(outcome.status, 1)
                XCTAssertFalse(outcome.stdout.contains("Error Domain"))
                XCTAssertTrue(outcome.stdout.contains(expected), outcome.stdout)
                XCTAssertLessThan(outcome.stdout.utf8.count, 1_000, "the diagnostic repeats the name")
                continue
            }
            assertOneLineRefusal(outcome, containing: expected)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).sorted()
        XCTAssertEqual(left, ["a-file", "tiny.yaml"])
    }

    func testTooManyLabelsPerClassForTheDataIsRefusedAtTheirLineBeforeAnyFolder() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("semi.yaml", """
            name: semi
            data: {dataset: blobs, classes: 10, count: 200, test_count: 50}
            model:
              kind: categorical_aae
              encoder: [dense 8, relu, dense latent]
              decoder: [dense 8, relu, dense input]
              groups:
                y: {size: 10, activation: softmax, prior: {kind: categorical}, discriminator: [dense 8, relu, dense 1, sigmoid]}
                z: {size: 2, prior: {kind: normal, std: 1}, discriminator: [dense 8, relu, dense 1, sigmoid]}
              labels_per_class: 50
            training: {steps: 4, batch_size: 8}

            """)
        let refused = try CommandLineProcess.run(["run", "semi.yaml", "--out", "semi"], in: workspace.url)
        assertOneLineRefusal(refused, containing: "semi.yaml:10:21: error: model.labels_per_class: class ")
        XCTAssertTrue(refused.stderr.contains("lower `labels_per_class` to at most"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("semi")))

        let overridden = try CommandLineProcess.run(["run", "semi.yaml", "--out", "semi", "--set",
                                                     "model.labels_per_class=40"], in: workspace.url)
        assertOneLineRefusal(overridden, containing: "aae-run: semi.yaml: error: model.labels_per_class: class ")
    }

    func testTableOfADivergedRunSaysTheRunDidNotComplete() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("tiny.yaml", tinyRun)
        let diverged = try CommandLineProcess.run(["run", "tiny.yaml", "--set", "optimizer.lr=1e30", "--out", "diverged",
                                                   "--quiet"], in: workspace.url)
        XCTAssertEqual(diverged.status, 3, diverged.stderr)
        let table = try CommandLineProcess.run(["table", "diverged"], in: workspace.url)
        assertOneLineRefusal(table, containing: "the run ended diverged")
    }

    func testARunLargerThanTheMemoryBudgetIsRefusedBeforeItAllocates() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("tiny.yaml", tinyRun)
        let huge = try CommandLineProcess.run(["run", "tiny.yaml", "--out", "huge", "--set",
                                               "model.decoder=[dense 100000000, relu, dense input, tanh]"],
                                              in: workspace.url)
        assertOneLineRefusal(huge, containing: "more than the memory budget")
        XCTAssertTrue(huge.stderr.contains("--memory-limit"), huge.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("huge")))

        let small = try CommandLineProcess.run(["run", "tiny.yaml", "--out", "small", "--memory-limit", "1MB"],
                                               in: workspace.url)
        assertOneLineRefusal(small, containing: "(--memory-limit 1MB)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("small")))

        let allowed = try CommandLineProcess.run(["run", "tiny.yaml", "--out", "allowed", "--memory-limit", "1GB",
                                                  "--quiet"], in: workspace.url)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)

        try workspace.write("sweep.yaml", tinyRun + "sweep:\n  grid:\n    seed: [1, 2, 3, 4]\n")
        let sweep = try CommandLineProcess.run(["sweep", "sweep.yaml", "--out", "sweep", "--jobs", "4",
                                                "--memory-limit", "150MB"], in: workspace.url)
        XCTAssertEqual(sweep.status, 1, sweep.stderr)
        XCTAssertTrue(sweep.stderr.contains("use --jobs 2"), sweep.stderr)
        XCTAssertFalse(sweep.stderr.contains("Error Domain"))

        let validate = try CommandLineProcess.run(["validate", "tiny.yaml", "--set",
                                                   "model.decoder=[dense 100000000, relu, dense input, tanh]"],
                                                  in: workspace.url)
        XCTAssertTrue(validate.stdout.contains("Memory: about"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("`run` refuses it"), validate.stdout)
    }

    /// The estimate of a normal MNIST-sized run against the child's peak resident memory
    /// (GNU time's maximum RSS): within a factor of three either way.
    func testTheMemoryEstimateIsWithinAFactorOfThreeOfTheRealPeak() throws {
        let time = URL(fileURLWithPath: "/usr/bin/time")
        guard FileManager.default.isExecutableFile(atPath: time.path) else { throw XCTSkip("no /usr/bin/time") }
        let workspace = try SweepWorkspace()
        let images = SweepWorkspace.dataDirectory.appendingPathComponent("mnist/t10k-images-idx3-ubyte").path
        let labels = SweepWorkspace.dataDirectory.appendingPathComponent("mnist/t10k-labels-idx1-ubyte").path
        let files = "{images: \(images), labels: \(labels)}"
        let text = """
            name: measured
            data: {dataset: idx, train: \(files), test: \(files), train_size: 2000, test_size: 1000}
            model:
              kind: aae
              latent_dim: 8
              encoder: [dense 512, relu, dense 512, relu, dense latent]
              decoder: [dense 512, relu, dense 512, relu, dense input, sigmoid]
              discriminator: [dense 256, relu, dense 1, sigmoid]
            training: {steps: 20, batch_size: 256, log_every: 10}
            eval: {parzen_samples: 2000}

            """
        try workspace.write("measured.yaml", text)
        let outcome = try CommandLineProcess.run(
            ["-f", "peak_kb=%M", try CommandLineProcess.binary().path, "run", "measured.yaml", "--out", "run", "--quiet"],
            in: workspace.url, executable: time)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        guard let line = outcome.stderr.split(separator: "\n").last(where: { $0.hasPrefix("peak_kb=") }),
              let kilobytes = Double(line.dropFirst("peak_kb=".count)) else {
            return XCTFail("no peak in \(outcome.stderr)")
        }
        let experiment = try ExperimentReader.load(path: workspace.path("measured.yaml"))
        let estimate = Double(MemoryEstimate(experiment: experiment).total)
        let peak = kilobytes * 1024
        XCTAssertLessThan(estimate / peak, 3, "estimate \(estimate), peak \(peak)")
        XCTAssertGreaterThan(estimate / peak, 1.0 / 3, "estimate \(estimate), peak \(peak)")
    }

    /// SIGTERM once training is done and the final evaluation runs: the run stops
    /// within a metric, writes no eval.csv, says it was interrupted and exits 130.
    func testSIGTERMDuringTheFinalEvaluationEndsTheRunInterrupted() throws {
        let workspace = try SweepWorkspace()
        try workspace.write("slow.yaml", """
            name: slow
            data: {dataset: mnist, train_size: 2000, test_size: 2000}
            model:
              kind: aae
              latent_dim: 4
              encoder: [dense 64, relu, dense latent]
              decoder: [dense 64, relu, dense input, sigmoid]
              discriminator: [dense 16, relu, dense 1, sigmoid]
            training: {steps: 3, batch_size: 32, log_every: 3, checkpoint_every: 0}
            eval: {parzen_samples: 20000}

            """)
        let child = try CommandLineProcess.start(["run", "slow.yaml", "--out", "run", "--quiet",
                                                  "--data-dir", SweepWorkspace.dataDirectory.path], in: workspace.url)
        let checkpoint = workspace.url.appendingPathComponent("run/\(RunCheckpointFile.fileName)")
        while child.isRunning, !FileManager.default.fileExists(atPath: checkpoint.path) { usleep(1_000) }
        XCTAssertTrue(child.isRunning, "the run ended before its evaluation could be interrupted")
        kill(child.processIdentifier, SIGTERM)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationStatus, 130)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("run/eval.csv")))
        XCTAssertEqual(RunRecord.read(in: workspace.url.appendingPathComponent("run"))?.status, .interrupted)
    }
}
