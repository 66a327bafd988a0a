import AAEReport
import XCTest

final class ResultsDiffTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory = nil
    }

    private func write(_ text: String, _ path: String) throws -> URL {
        let url = directory.url.appendingPathComponent(path)
        try AtomicFile.write(text, to: url)
        return url
    }

    private func folder(_ path: String) -> URL {
        directory.url.appendingPathComponent(path, isDirectory: true)
    }

    private let metrics = "step,d_loss,heldout_recon_mse\n1000,1.3,0.03\n2000,1.2,0.02291\n"
    private let eval = "metric,value,standard_error\nheldout_mse,0.5,0.01\n"

    func testEqualRunFoldersAreEqual() throws {
        for side in ["a", "b"] {
            _ = try write(metrics, "\(side)/metrics.csv")
            _ = try write(eval, "\(side)/eval.csv")
        }
        let diff = try ResultsDiff.compare(folder("a"), folder("b"))
        XCTAssertEqual(diff.kind, .runFolder)
        XCTAssertEqual(diff.files.map(\.path), ["metrics.csv", "eval.csv"])
        XCTAssertEqual(diff.outcome, .equal)
        XCTAssertEqual(diff.outcome.exitCode, 0)
        XCTAssertEqual(diff.text, "no differences (2 files compared, tolerance 0)")
    }

    func testRunsComputedWithDifferentBLASKernelsGetOneNoteLineButNoDifference() throws {
        for (side, kernel) in [("a", "Haswell"), ("b", "SkylakeX"), ("c", "Haswell")] {
            _ = try write(metrics, "\(side)/metrics.csv")
            try RunEnvironment(version: "0.1.0", threads: side == "c" ? 4 : 1, blas: "OpenBLAS 0.3.21 \(kernel)",
                               blasKernel: kernel).write(in: folder(side))
        }
        let differing = try ResultsDiff.compare(folder("a"), folder("b"))
        XCTAssertEqual(differing.outcome, .equal)
        XCTAssertEqual(differing.text, """
            note: computed with different BLAS kernels (A: Haswell, B: SkylakeX), which may change the last bits of results
            no differences (1 file compared, tolerance 0)
            """)
        XCTAssertNil(try ResultsDiff.compare(folder("a"), folder("c")).kernels, "threads alone are no reason")
    }

    func testRunFoldersReportChangedCellsPerFile() throws {
        _ = try write(metrics, "a/metrics.csv")
        _ = try write(metrics.replacingOccurrences(of: "0.02291", with: "0.0231"), "b/metrics.csv")
        _ = try write(eval, "a/eval.csv")
        _ = try write(eval.replacingOccurrences(of: "0.5,", with: "0.4,"), "b/eval.csv")
        let diff = try ResultsDiff.compare(folder("a"), folder("b"))
        XCTAssertEqual(diff.outcome, .different)
        XCTAssertEqual(diff.outcome.exitCode, 1)
        XCTAssertEqual(diff.differenceCount, 2)
        XCTAssertEqual(diff.text, """
            metrics.csv (rows by step):
              step 2000  heldout_recon_mse  0.02291 → 0.0231  (+0.83%)
            eval.csv (rows by metric):
              metric heldout_mse  value  0.5 → 0.4  (-20.00%)
            2 differences (2 files compared, tolerance 0)
            """)
    }

    func testRunFoldersWithinToleranceAreEqual() throws {
        _ = try write(metrics, "a/metrics.csv")
        _ = try write(metrics.replacingOccurrences(of: "0.02291", with: "0.022911"), "b/metrics.csv")
        XCTAssertEqual(try ResultsDiff.compare(folder("a"), folder("b"), tolerance: 1e-4).outcome, .equal)
        XCTAssertEqual(try ResultsDiff.compare(folder("a"), folder("b")).outcome, .different)
    }

    func testEvalFileOnOneSideIsListed() throws {
        _ = try write(metrics, "a/metrics.csv")
        _ = try write(metrics, "b/metrics.csv")
        _ = try write(eval, "b/eval.csv")
        let diff = try ResultsDiff.compare(folder("a"), folder("b"))
        XCTAssertEqual(diff.onlyInB, ["eval.csv"])
        XCTAssertEqual(diff.outcome, .different)
        XCTAssertTrue(diff.text.contains("only in B: eval.csv"))
    }

    func testSweepFoldersAlignSummaryByRunIdAndCompareSharedRuns() throws {
        let header = "run_id,lr,seed,status,final_heldout_recon_mse,wall_time_s\n"
        _ = try write(header + "\"lr=0.1,seed=1\",0.1,1,completed,0.02291,10\n"
                      + "\"lr=0.01,seed=1\",0.01,1,completed,0.03,11\n", "a/summary.csv")
        _ = try write(header + "\"lr=0.01,seed=1\",0.01,1,completed,0.03,11\n"
                      + "\"lr=0.2,seed=1\",0.2,1,diverged,nan,3\n"
                      + "\"lr=0.1,seed=1\",0.1,1,completed,0.0231,10\n", "b/summary.csv")
        _ = try write(metrics, "a/lr=0.1,seed=1/metrics.csv")
        _ = try write(metrics.replacingOccurrences(of: "0.02291", with: "0.0231"), "b/lr=0.1,seed=1/metrics.csv")
        _ = try write(metrics, "a/lr=0.01,seed=1/metrics.csv")
        _ = try write(metrics, "b/lr=0.01,seed=1/metrics.csv")
        _ = try write(metrics, "b/lr=0.2,seed=1/metrics.csv")

        let diff = try ResultsDiff.compare(folder("a"), folder("b"))
        XCTAssertEqual(diff.kind, .sweepFolder)
        XCTAssertEqual(diff.files.map(\.path),
                       ["summary.csv", "lr=0.01,seed=1/metrics.csv", "lr=0.1,seed=1/metrics.csv"])
        let summary = diff.files[0].diff
        XCTAssertEqual(summary.keyColumn, "run_id")
        XCTAssertEqual(summary.changes, [CellChange(key: RowKey("lr=0.1,seed=1"), column: "final_heldout_recon_mse",
                                                    valueA: "0.02291", valueB: "0.0231")])
        XCTAssertEqual(summary.rowsOnlyInB, [RowKey("lr=0.2,seed=1")])
        XCTAssertTrue(diff.files[1].diff.isEqual)
        XCTAssertEqual(diff.files[2].diff.changes.map(\.column), ["heldout_recon_mse"])
        XCTAssertEqual(diff.onlyInB, ["lr=0.2,seed=1/"])
        XCTAssertEqual(diff.differenceCount, 4)
        XCTAssertTrue(diff.text.contains("only in B: run_id lr=0.2,seed=1"))
        XCTAssertTrue(diff.text.hasSuffix("4 differences (3 files compared, tolerance 0)"))
    }

    func testFolderOfRunFoldersWithoutSummaryIsASweep() throws {
        _ = try write(metrics, "a/seed=1/metrics.csv")
        _ = try write(metrics, "b/seed=1/metrics.csv")
        _ = try write(metrics, "b/seed=2/metrics.csv")
        let diff = try ResultsDiff.compare(folder("a"), folder("b"))
        XCTAssertEqual(diff.kind, .sweepFolder)
        XCTAssertEqual(diff.files.map(\.path), ["seed=1/metrics.csv"])
        XCTAssertEqual(diff.onlyInB, ["seed=2/"])
    }

    func testTwoCSVFilesAreComparedByTheirFirstColumn() throws {
        let a = try write("name,x\np,1\nq,2\n", "a.csv")
        let b = try write("name,x\nq,3\np,1\n", "b.csv")
        let diff = try ResultsDiff.compare(a, b)
        XCTAssertEqual(diff.kind, .csvFile)
        XCTAssertEqual(diff.text, "name q  x  2 → 3  (+50.00%)\n1 difference (1 file compared, tolerance 0)")
    }

    func testMalformedCSVIsAnError() throws {
        let good = try write("a,b\n1,2\n", "good.csv")
        let bad = try write("a,b\n1,\"2\n", "bad.csv")
        XCTAssertThrowsError(try ResultsDiff.compare(good, bad)) { error in
            guard case .malformedCSV(let path, let reason)? = error as? DiffError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertTrue(path.hasSuffix("bad.csv"))
            XCTAssertTrue(reason.contains("line 2"))
        }
        let ragged = try write("a,b\n1,2,3\n", "ragged.csv")
        XCTAssertThrowsError(try ResultsDiff.compare(good, ragged))
    }

    func testRunFolderAgainstCSVFileIsMismatchedKinds() throws {
        let csv = try write(metrics, "a/metrics.csv")
        XCTAssertThrowsError(try ResultsDiff.compare(folder("a"), csv)) { error in
            guard case .mismatchedKinds(_, .runFolder, _, .csvFile)? = error as? DiffError else {
                return XCTFail("unexpected error \(error)")
            }
        }
        _ = try write(metrics, "s/seed=1/metrics.csv")
        XCTAssertThrowsError(try ResultsDiff.compare(folder("a"), folder("s")))
    }

    func testMissingPathAndFolderWithoutResultsAreErrors() throws {
        _ = try write(metrics, "a/metrics.csv")
        let missing = folder("missing")
        XCTAssertThrowsError(try ResultsDiff.compare(folder("a"), missing)) { error in
            XCTAssertEqual(error as? DiffError, .notFound(path: missing.relativePath))
        }
        try FileManager.default.createDirectory(at: folder("empty"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try ResultsDiff.compare(folder("empty"), folder("a"))) { error in
            XCTAssertEqual(error as? DiffError, .notResults(path: folder("empty").relativePath))
        }
    }

    func testCSVFilesWithoutCommonKeyNameTheFile() throws {
        let a = try write("a,x\n1,2\n", "a.csv")
        let b = try write("b,x\n1,2\n", "b.csv")
        XCTAssertThrowsError(try ResultsDiff.compare(a, b)) { error in
            XCTAssertTrue("\(error)".contains("a.csv vs "), "\(error)")
            XCTAssertTrue("\(error)".contains("no common key column"), "\(error)")
        }
    }

    func testOutcomesMapToDiffExitCodes() {
        XCTAssertEqual(DiffOutcome.equal.exitCode, 0)
        XCTAssertEqual(DiffOutcome.different.exitCode, 1)
        XCTAssertEqual(DiffOutcome.failed.exitCode, 2)
    }
}
