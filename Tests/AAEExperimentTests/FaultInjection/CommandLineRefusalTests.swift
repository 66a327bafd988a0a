import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// Command lines and files that must be refused in one clear line (or a
/// bounded list) with the documented exit status, before anything trains.
final class CommandLineRefusalTests: XCTestCase {
    private var workspace: SweepWorkspace!

    override func setUpWithError() throws { workspace = try SweepWorkspace() }
    override func tearDown() { workspace = nil }

    func testJobsZeroIsAUsageErrorInOneLine() throws {
        let file = try workspace.write("sweep.yaml", tinyMoonsExperiment(extra: "sweep: {grid: {optimizer.lr: [0.001, 0.002]}}"))
        for arguments in [["sweep", file, "--jobs", "0"], ["resume", workspace.path("results"), "--jobs", "0"]] {
            let outcome = try AAERunChild.run(arguments, in: workspace.url)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.errorLines, ["aae-run: --jobs must be at least 1, found 0"], "\(arguments)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("results")))
    }

    func testANegativeToleranceIsReadAsANumberAndRefused() throws {
        let a = try workspace.write("a.csv", "step,x\n1,2\n"), b = try workspace.write("b.csv", "step,x\n1,2\n")
        let outcome = try AAERunChild.run(["diff", a, b, "--tolerance", "-1"], in: workspace.url)
        XCTAssertEqual(outcome.status, 64, outcome.stderr)
        XCTAssertEqual(outcome.errorLines, ["aae-run: --tolerance must be 0 or more (a relative tolerance), found -1.0"])
        XCTAssertEqual(try AAERunChild.run(["diff", a, b, "--tolerance", "1e-6"], in: workspace.url).status, 0)
    }

    func testSetToNullIsRefusedAndUnsetResetsTheKey() throws {
        let file = try workspace.write("tiny.yaml", tinyMoonsExperiment())
        let refused = try AAERunChild.run(["run", file, "--set", "training.steps=null"], in: workspace.url)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertEqual(refused.errorLines.count, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--unset training.steps"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.path("results")))

        let shown = try AAERunChild.run(["show", file, "--unset", "training.steps"], in: workspace.url)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("steps: 1000"), shown.stdout)
    }

    func testVersionPrintsTheVersionConstant() throws {
        let outcome = try AAERunChild.run(["--version"], in: workspace.url)
        XCTAssertEqual(outcome.status, 0)
        XCTAssertEqual(outcome.stdout, "\(AAERunVersion.current)\n")
    }

    func testValidateRefusesABatchLargerThanTheMNISTTrainingSetFoundInTheDataFolder() throws {
        let file = try workspace.write("mnist.yaml", """
            name: big_batch
            model: {kind: autoencoder, latent_dim: 2, encoder: [dense 8, relu, dense latent], decoder: [dense input, sigmoid]}
            training:
              steps: 10
              batch_size: 9000
            """)
        let data = SweepWorkspace.dataDirectory.path
        let outcome = try AAERunChild.run(["validate", file, "--data-dir", data], in: workspace.url)
        XCTAssertEqual(outcome.status, 1, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("\(file):5:"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("error: training.batch_size: a batch of 9000 examples is larger "
                                              + "than the training set (8000 examples of `mnist`"), outcome.stdout)
        try workspace.write("mnist.yaml", String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "9000", with: "8000"))
        XCTAssertEqual(try AAERunChild.run(["validate", file, "--data-dir", data], in: workspace.url).status, 0)
    }

    func testThousandsOfUnknownKeysPrintABoundedReport() throws {
        let keys = (0..<5_000).map { "unknown_key_\($0): 1" }.joined(separator: "\n")
        let file = try workspace.write("many.yaml", tinyMoonsExperiment() + "\n" + keys + "\n")
        let outcome = try AAERunChild.run(["validate", file], in: workspace.url)
        XCTAssertEqual(outcome.status, 1)
        let lines = outcome.stdout.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasSuffix("invalid, 5000 errors") ?? false, "\(lines.first ?? "")")
        XCTAssertEqual(lines.count, 2 + ConfigErrors.printedLimit, "\(lines.suffix(2))")
        XCTAssertEqual(lines.last, "… and \(5_000 - ConfigErrors.printedLimit) more errors (fix the ones above first)")
        XCTAssertLessThan(outcome.stdout.utf8.count, 30_000)
        XCTAssertLessThan(lines.map(\.count).max() ?? 0, 400, "a diagnostic lists every valid key")
    }
}
